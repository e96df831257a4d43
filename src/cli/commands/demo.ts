// `prd-bot demo`: a full cycle on a throwaway sample repository, through the real pipeline (git,
// guardrails, apply, tests, branch, record), with the model's answer replayed from a transcript file.
import { proposeCycle } from "../../jobs/propose/propose-cycle.js";
import { makeSample } from "../../demo/make-sample.js";
import { modelFor, openLocal } from "../../wiring/local.js";
import { VERSION } from "../../version.js";
import { exitCodeFor } from "../../core/outcomes.js";
import { parseCommandArgs } from "../args.js";
import type { CliIo } from "../io.js";
import { renderCycleRecord } from "../render-record.js";
import { initParsers } from "../../adapters/parsers/init-parsers.js";

export const DEMO_HELP = `Usage: prd-bot demo [options]

Create a throwaway sample repository (a tiny Node project whose docs/PRD.md has an open
[bot-eligible] gap) and run one full propose cycle on it: gaps, context, budget, guardrails, apply,
tests, branch and record. The model's answer is replayed from a recorded transcript, so no model
or API key is needed and no tokens are spent.

Options:
  --dir DIR    create the sample repository under DIR (default: the system's temp folder)
  --json       print the cycle record as one JSON object
  -h, --help   this help`;

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("demo", argv, { dir: { type: "string" }, json: { type: "boolean" } });
  if (values.help) {
    io.out(DEMO_HELP);
    return 0;
  }
  const sample = await makeSample(values.dir);
  io.log.info(`sample repository: ${sample.root}`);
  const local = await openLocal({ root: sample.root });
  const model = await modelFor(local.config, io.env, { source: sample.transcriptFile, state: local.state, stateDir: local.stateDir });
  // Real parsers for the symbol index, outlines and regions (WebAssembly grammars; the fallback when absent).
  await initParsers();
  const record = await proposeCycle({
    workspace: local.workspace,
    state: local.state,
    model,
    config: local.config,
    testCommand: local.testCommand,
    log: io.log,
    now: io.now,
    version: VERSION,
    ownPaths: local.ownPaths,
  });
  if (values.json) {
    io.out(JSON.stringify(record));
  } else {
    io.out(
      [
        `prd-bot demo: one cycle on ${sample.root}`,
        "",
        renderCycleRecord(record, local.stateDir),
        "",
        "Look around:",
        `  git -C ${sample.root} log --stat -1 ${record.branch ?? "HEAD"}`,
        `  node ${process.argv[1] ?? "dist/cli.js"} gaps --root ${sample.root}`,
        `  node ${process.argv[1] ?? "dist/cli.js"} stats --root ${sample.root}`,
        `  node ${process.argv[1] ?? "dist/cli.js"} cycle --root ${sample.root} --replay ${record.cycle_id} --dry-run   # replay it, no tokens`,
      ].join("\n"),
    );
  }
  return exitCodeFor(record.outcome);
}
