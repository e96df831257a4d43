// Where the CLI writes: results on stdout, logs on stderr (so `--json` output stays one clean object).
import { streamLogger, type Logger } from "../jobs/logger.js";

export interface CliIo {
  out(text: string): void;
  log: Logger;
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    log: streamLogger((line) => process.stderr.write(`${line}\n`)),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
