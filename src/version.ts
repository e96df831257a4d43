// prd-bot's version, written into every record. A unit test keeps it equal to package.json's.
export const VERSION = "0.1.0";
