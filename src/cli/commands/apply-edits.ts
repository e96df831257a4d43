// `prd-bot apply-edits`: apply a proposal file through the cycle's guardrails and apply step (no model, no tests).
import { readFile } from "node:fs/promises";
import { parseProposal } from "../../core/propose/proposal.js";
import { loadConfig } from "../../config/load-config.js";
import { openGitWorkspace } from "../../adapters/workspace/git-workspace.js";
import { applyProposal } from "../../jobs/propose/apply-proposal.js";
import { applyRules } from "../../jobs/propose/propose-cycle.js";
import { UsageError, parseCommandArgs } from "../args.js";
import type { CliIo } from "../io.js";

export const APPLY_EDITS_HELP = `Usage: prd-bot apply-edits --root DIR --edits FILE [options]

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

export async function applyEditsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("apply-edits", argv, {
    root: { type: "string" },
    edits: { type: "string" },
    config: { type: "string" },
    check: { type: "boolean" },
    json: { type: "boolean" },
  });
  if (values.help) {
    io.out(APPLY_EDITS_HELP);
    return 0;
  }
  if (!values.edits) throw new UsageError("--edits FILE is required.\nRun 'prd-bot apply-edits --help' for the options.");
  const text = await readFile(values.edits, "utf8").catch((error: Error) => {
    throw new UsageError(`cannot read --edits ${values.edits}: ${error.message}`);
  });
  const parsed = parseProposal(text);
  if (!parsed.ok) throw new UsageError(`${values.edits} is not a usable proposal: ${parsed.error}`);
  const workspace = await openGitWorkspace(values.root ?? io.cwd);
  const { config } = await loadConfig(workspace.root, values.config);
  const result = await applyProposal(workspace, parsed.proposal, applyRules(config), !values.check);
  // Edits that matched only ignoring whitespace differences are reported, so a user sees what was tolerated.
  const files = result.files.map((file) => ({ path: file.path, mode: file.mode, ...(file.tolerant_edits ? { tolerant_edits: file.tolerant_edits } : {}) }));
  const report = result.ok
    ? { ok: true, outcome: "applied", reason: values.check ? "checked; nothing written" : "written", files }
    : { ok: false, outcome: result.outcome, reason: result.reason, files };
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
