import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  applyProposal,
  applyRules,
  parseProposal
} from "./chunk-UDNS3J3X.js";
import "./chunk-5AZIQSEQ.js";
import "./chunk-2IEUJPUH.js";
import "./chunk-NNCRXSZQ.js";
import {
  loadConfig
} from "./chunk-3CUUE5WD.js";
import {
  UsageError,
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import {
  openGitWorkspace
} from "./chunk-YEOTBXRA.js";
import "./chunk-A6MZ5IQW.js";
import "./chunk-L5VG44FW.js";

// src/cli/commands/apply-edits.ts
import { readFile } from "node:fs/promises";
var APPLY_EDITS_HELP = `Usage: prd-bot apply-edits --root DIR --edits FILE [options]

Apply a proposal (the JSON a model answers in a cycle) to a checkout through the same guardrails,
policy and ADD / UPDATE / NOOP apply step as a cycle, without a model and without tests. Useful to
reproduce a cycle by hand. The files are written in place; nothing is committed.

Options:
  --root DIR       the checkout (default: the current directory)
  --edits FILE     the proposal JSON (fences and prose around it are tolerated)
  --config FILE    configuration file relative to the root (default: .github/prd-bot.yml)
  --check          check and plan only; write nothing
  --json           print {ok, outcome, reason, files: [{path, mode}]} as JSON
  -h, --help       this help

Exit codes: 0 applied; 3 rejected or did not apply; 2 bad usage.`;
async function applyEditsCommand(argv, io) {
  const { values } = parseCommandArgs("apply-edits", argv, {
    root: { type: "string" },
    edits: { type: "string" },
    config: { type: "string" },
    check: { type: "boolean" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(APPLY_EDITS_HELP);
    return 0;
  }
  if (!values.edits) throw new UsageError("--edits FILE is required.\nRun 'prd-bot apply-edits --help' for the options.");
  const text = await readFile(values.edits, "utf8").catch((error) => {
    throw new UsageError(`cannot read --edits ${values.edits}: ${error.message}`);
  });
  const parsed = parseProposal(text);
  if (!parsed.ok) throw new UsageError(`${values.edits} is not a usable proposal: ${parsed.error}`);
  const workspace = await openGitWorkspace(values.root ?? io.cwd);
  const { config } = await loadConfig(workspace.root, values.config);
  const result = await applyProposal(workspace, parsed.proposal, applyRules(config), !values.check);
  const files = result.files.map((file) => ({ path: file.path, mode: file.mode }));
  const report = result.ok ? { ok: true, outcome: "applied", reason: values.check ? "checked; nothing written" : "written", files } : { ok: false, outcome: result.outcome, reason: result.reason, files };
  if (values.json) io.out(JSON.stringify(report));
  else io.out([`${report.outcome}: ${report.reason}`, ...files.map((file) => `  ${file.mode.padEnd(6)} ${file.path}`)].join("\n"));
  return result.ok ? 0 : 3;
}
export {
  APPLY_EDITS_HELP,
  applyEditsCommand
};
