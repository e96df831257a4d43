import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  renderCycleRecord
} from "./chunk-2DFKWEEY.js";
import {
  parseCommandArgs,
  positiveInt
} from "./chunk-2L4EODOS.js";
import {
  proposeCycle
} from "./chunk-BLP4DUNT.js";
import "./chunk-KH5HBYDN.js";
import "./chunk-3UZFI7QD.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
import "./chunk-2QDLELWW.js";
import "./chunk-BYGMBUYC.js";
import {
  localizeModelFor,
  modelFor,
  openLocal,
  proposeEmbedderFor
} from "./chunk-VEPGM2LT.js";
import "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import {
  VERSION
} from "./chunk-ART3RKJ5.js";
import "./chunk-CI6V2LSR.js";
import {
  exitCodeFor
} from "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/cli/commands/cycle.ts
var CYCLE_HELP = `Usage: prd-bot cycle [options]

Run one propose cycle on the checkout: pick an open [bot-eligible] gap from the PRD, ask the model
for a small change, check it against the guardrails, apply it, run the tests (one repair round by
default), and commit it on the local branch prd-bot/<gap-id>. The checkout is left as it was found.

Options:
  --root DIR            the checkout (default: the current directory)
  --config FILE         configuration file relative to the root (default: .github/prd-bot.yml)
  --gap ID              work on this gap (an id or its prefix, see 'prd-bot gaps')
  --since REV           only gaps added or changed since REV
  --dry-run             apply and test, then put everything back: no branch
  --replay FILE|ID      serve the model's answers from a recorded cycle (a transcript, a cycle
                        record file, or a cycle id) instead of calling a model: no tokens spent
  --model NAME          use this model ([provider/]model) instead of models.propose
  --test-command CMD    run CMD as the tests instead of test.command / the detected one
  --calls-per-day N     override budget.calls_per_day
  --tokens-per-day N    override budget.tokens_per_day
  --state-dir DIR       where records live (default: <git dir>/prd-bot; also PRD_BOT_STATE_DIR).
                        The config's state.dir must stay inside the checkout or its git dir
  --json                print the cycle record as one JSON object on stdout
  -h, --help            this help

Exit codes: 0 the cycle did its job or had nothing to do (ok, cycle_noop, skipped_*,
pr_skipped_by_policy); 3 the cycle failed (model_failed, proposal_rejected, apply_failed,
tests_failed, pr_failed); 2 bad usage or configuration, naming the flag or key (not a git checkout,
no commit yet, an invalid config; no record written); 1 something broke (outcome error, or a crash).`;
async function cycleCommand(argv, io) {
  const { values } = parseCommandArgs("cycle", argv, {
    root: { type: "string" },
    config: { type: "string" },
    gap: { type: "string" },
    since: { type: "string" },
    "dry-run": { type: "boolean" },
    replay: { type: "string" },
    model: { type: "string" },
    "test-command": { type: "string" },
    "calls-per-day": { type: "string" },
    "tokens-per-day": { type: "string" },
    "state-dir": { type: "string" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(CYCLE_HELP);
    return 0;
  }
  const local = await openLocal({ root: values.root ?? io.cwd, config: values.config, stateDir: values["state-dir"], testCommand: values["test-command"], env: io.env });
  await local.workspace.headSha();
  const config = structuredClone(local.config);
  config.budget.calls_per_day = positiveInt("calls-per-day", values["calls-per-day"]) ?? config.budget.calls_per_day;
  config.budget.tokens_per_day = positiveInt("tokens-per-day", values["tokens-per-day"]) ?? config.budget.tokens_per_day;
  if (values.model) config.models.propose = [values.model];
  const replay = values.replay ? { source: values.replay, state: local.state, stateDir: local.stateDir } : void 0;
  const model = await modelFor(config, io.env, replay, { file: local.configFile, found: local.configFound });
  const localizeModel = replay ? void 0 : localizeModelFor(config, io.env, local.configFile);
  const embedder = replay ? void 0 : proposeEmbedderFor(config, io.env, local.configFile);
  await initParsers();
  const record = await proposeCycle(
    {
      workspace: local.workspace,
      state: local.state,
      model,
      config,
      testCommand: local.testCommand,
      log: io.log,
      now: io.now,
      version: VERSION,
      ownPaths: local.ownPaths,
      ...localizeModel ? { localizeModel } : {},
      ...embedder ? { embedder } : {}
    },
    { gapId: values.gap, since: values.since, dryRun: values["dry-run"] ?? false }
  );
  io.out(values.json ? JSON.stringify(record) : renderCycleRecord(record, local.stateDir));
  return exitCodeFor(record.outcome);
}
export {
  CYCLE_HELP,
  cycleCommand
};
