// Policy over a planned proposal (size, test present) and over a gap's history (give up after N failures).
// The guardrails run first and always: policy numbers come from config, guardrails do not.
import type { Config } from "../../config/schema.js";
import { countChangedLines } from "../edits/edits.js";
import { checkPath, checkPlannedFile, type ContentRules, type PathRules } from "./guardrails.js";
import { isFailure, type Outcome } from "../outcomes.js";
import type { PlannedFile, Proposal } from "../types.js";
import { isTestCode } from "../test-files.js";

export type Policy = Config["policy"];
export type PolicyResult = { ok: true } | { ok: false; reason: string };
export type ProposalRules = PathRules & ContentRules;

/**
 * Path guardrails on every file of a proposal. Run this before reading the files it names (planning needs
 * their current content), so that "../../etc/passwd" is refused without ever being opened.
 */
export function checkProposalPaths(proposal: Proposal, rules: PathRules): PolicyResult {
  for (const file of proposal.files) {
    const result = checkPath(file.path, rules);
    if (!result.ok) return result;
  }
  return { ok: true };
}

/** Guardrails on every file, then policy.max_files, policy.max_changed_lines and policy.require_test. */
export function checkProposal(proposal: Proposal, planned: readonly PlannedFile[], policy: Policy, rules: ProposalRules): PolicyResult {
  const paths = checkProposalPaths(proposal, rules);
  if (!paths.ok) return paths;
  for (const file of planned) {
    const result = checkPlannedFile(file, rules);
    if (!result.ok) return result;
  }
  // Counted as proposed, NOOPs included: a model that lists many files is confused even where it changes few.
  const count = proposal.files.length;
  if (count > policy.max_files) {
    return { ok: false, reason: `the proposal touches ${count} files; policy.max_files allows ${policy.max_files}. Split the change or pick a smaller gap` };
  }
  const written = planned.filter((file) => file.mode !== "NOOP");
  let lines = 0;
  for (const file of written) {
    lines += countChangedLines(file.before, file.after, policy.max_changed_lines - lines);
    if (lines > policy.max_changed_lines) {
      // Counting stops at the limit, so the total past it is a lower bound.
      return { ok: false, reason: `the proposal changes more than ${policy.max_changed_lines} lines (at least ${lines} once ${file.path} is counted); policy.max_changed_lines allows ${policy.max_changed_lines}. Make a smaller change` };
    }
  }
  if (policy.require_test && !written.some(isTestChange)) {
    const names = written.map((file) => file.path).join(", ") || "none";
    return { ok: false, reason: `no test code among the written files (${names}); policy.require_test asks for a new or changed test (a test file by its language's naming, e.g. *.test.ts, test_*.py, *_test.go, or a source file under test/ or tests/)` };
  }
  return { ok: true };
}

/**
 * A written file that is or changes a test: a test path, or a Rust file whose `#[cfg(test)]` module
 * (by convention the file's tail) is new or different.
 */
export function isTestChange(file: Pick<PlannedFile, "path" | "before" | "after">): boolean {
  if (isTestCode(file.path)) return true;
  if (!file.path.endsWith(".rs")) return false;
  const marker = "#[cfg(test)]";
  const tail = (text: string | undefined): string | undefined => {
    const at = text?.indexOf(marker) ?? -1;
    return at === -1 ? undefined : text!.slice(at);
  };
  const after = tail(file.after);
  return after !== undefined && after !== tail(file.before);
}

export interface HistoryEntry {
  outcome: Outcome;
  /** ISO time; when every entry has it, entries are ordered by it, otherwise they are taken oldest first. */
  at?: string;
}

/**
 * Whether to work on a gap again, given its past cycles. Failed attempts in a row count; skipped cycles
 * (pause, budget, duplicate, …) and broken ones (`error`) made no attempt and neither count nor break the run; any other outcome
 * (ok, cycle_noop, pr_skipped_by_policy) resets it.
 */
export function shouldRunCycle(history: readonly HistoryEntry[], giveUpAfter: number): PolicyResult {
  const ordered = history.every((entry) => typeof entry.at === "string")
    ? [...history].sort((x, y) => (x.at! < y.at! ? -1 : x.at! > y.at! ? 1 : 0))
    : [...history];
  let streak = 0;
  let last: Outcome | undefined;
  for (const entry of ordered) {
    if (isFailure(entry.outcome)) {
      streak++;
      last = entry.outcome;
    } else if (!entry.outcome.startsWith("skipped_") && entry.outcome !== "error") {
      streak = 0;
    }
  }
  if (streak > 0 && streak >= giveUpAfter) {
    return {
      ok: false,
      reason: `the gap failed ${streak} cycles in a row (last: ${last}); policy.give_up_after_failures is ${giveUpAfter}. Reword the gap or raise the limit to try again`,
    };
  }
  return { ok: true };
}
