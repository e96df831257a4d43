// `prd-bot stats`: what the bot did, from its records.
import { computeStats, renderStatsTable } from "../../core/stats.js";
import { loadCycleRecords } from "../../jobs/propose/cycle-records.js";
import { openLocal } from "../../wiring/local.js";
import { parseCommandArgs } from "../args.js";
import type { CliIo } from "../io.js";

export const STATS_HELP = `Usage: prd-bot stats [options]

Outcomes by count, the share of cycles that produced a branch or PR, per-gap history, and tokens
per model per UTC day, from the records in the state directory.

Options:
  --root DIR         the checkout (default: the current directory)
  --config FILE      configuration file relative to the root
  --state-dir DIR    where records live (default: <git dir>/prd-bot)
  --json             print the statistics as JSON
  -h, --help         this help`;

export async function statsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("stats", argv, {
    root: { type: "string" },
    config: { type: "string" },
    "state-dir": { type: "string" },
    json: { type: "boolean" },
  });
  if (values.help) {
    io.out(STATS_HELP);
    return 0;
  }
  const local = await openLocal({ root: values.root ?? io.cwd, config: values.config, stateDir: values["state-dir"] });
  const stats = computeStats(await loadCycleRecords(local.state));
  io.out(values.json ? JSON.stringify(stats) : renderStatsTable(stats));
  return 0;
}
