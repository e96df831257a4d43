import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
function parseCommandArgs(command, argv, options) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(`${error.message}
Run 'prd-bot ${command} --help' for the options.`);
  }
}
function positiveInt(flag, value) {
  if (value === void 0) return void 0;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${flag} must be a whole number, got "${value}"`);
  return number;
}

export {
  UsageError,
  parseCommandArgs,
  positiveInt
};
