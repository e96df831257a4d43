import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  UsageError,
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import {
  applyProposal,
  applyRules,
  parseProposal
} from "./chunk-BLP4DUNT.js";
import "./chunk-KH5HBYDN.js";
import "./chunk-3UZFI7QD.js";
import "./chunk-2QDLELWW.js";
import "./chunk-BYGMBUYC.js";
import {
  openGitWorkspace
} from "./chunk-ODAENZB3.js";
import {
  loadConfig
} from "./chunk-R5CBLZOG.js";
import "./chunk-CI6V2LSR.js";
import "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/cli/commands/apply-edits.ts
import { readFile } from "node:fs/promises";
var APPLY_EDITS_HELP = `Usage: prd-bot apply-edits --root DIR --edits FILE [options]

Apply a proposal (the JSON a model answers in a cycle) to a checkout through the same guardrails,
policy and ADD / UPDATE / NOOP apply step as a cycle, without a model and without tests. Useful to
reproduce a cycle by hand. The files are written in place; nothing is committed. Each old_string
must match once: exactly, or else ignoring whitespace differences (trailing spaces, an indentation
shift, CRLF/LF, blank lines), which is reported per file as tolerant_edits.

Options:
  --root DIR       the checkout (default: the current directory)
  --edits FILE     the proposal JSON (fences and prose around it are tolerated)
  --config FILE    configuration file relative to the root (default: .github/prd-bot.yml)
  --check          check and plan only; write nothing
  --json           print {ok, outcome, reason, files: [{path, mode, tolerant_edits?}]} as JSON
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
  const files = result.files.map((file) => ({ path: file.path, mode: file.mode, ...file.tolerant_edits ? { tolerant_edits: file.tolerant_edits } : {} }));
  const report = result.ok ? { ok: true, outcome: "applied", reason: values.check ? "checked; nothing written" : "written", files } : { ok: false, outcome: result.outcome, reason: result.reason, files };
  if (values.json) io.out(JSON.stringify(report));
  else {
    const lines = files.map((file) => {
      const tolerant = file.tolerant_edits ? ` (edits ${file.tolerant_edits.join(", ")} matched ignoring whitespace)` : "";
      return `  ${file.mode.padEnd(6)} ${file.path}${tolerant}`;
    });
    io.out([`${report.outcome}: ${report.reason}`, ...lines].join("\n"));
  }
  return result.ok ? 0 : 3;
}
export {
  APPLY_EDITS_HELP,
  applyEditsCommand
};
