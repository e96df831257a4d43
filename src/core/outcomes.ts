// The outcomes of a propose cycle, and the CLI exit code each maps to.
// Outcomes are data, not exceptions: every cycle ends in exactly one of these.

export const OUTCOMES = [
  "ok",
  "cycle_noop",
  "skipped_pause",
  "skipped_cost",
  "skipped_policy",
  "skipped_dirty_tree",
  "skipped_no_gap",
  "skipped_duplicate",
  "model_failed",
  "proposal_rejected",
  "apply_failed",
  "tests_failed",
  "pr_skipped_by_policy",
  "pr_failed",
  "error",
] as const;

export type Outcome = (typeof OUTCOMES)[number];

/** What each outcome means, for the README, `--help` and the job summary. */
export const OUTCOME_MEANING: Record<Outcome, string> = {
  ok: "tests green; the change is committed on prd-bot/<gap-id> (and a draft PR is opened when a forge is configured)",
  cycle_noop: "the proposal applied, but every file was identical to what is there; no tests, no branch",
  skipped_pause: "the pause file is present",
  skipped_cost: "the day's call or token budget would be exceeded; no model call was made",
  skipped_policy: "policy said no before the model was asked (gap failed too often, no test command, …)",
  skipped_dirty_tree: "the working tree has uncommitted or untracked changes",
  skipped_no_gap: "no open [bot-eligible] gap in the PRD",
  skipped_duplicate: "an open PR already serves this gap",
  model_failed: "every model errored, or its output stayed unusable after one repair request",
  proposal_rejected: "guardrails or policy rejected the proposal (path, size, protected file, no test, …)",
  apply_failed: "the proposal did not fit the tree (is_new on an existing file, missing file, old_string not found exactly once)",
  tests_failed: "the test command stayed red (or timed out) after the repair rounds",
  pr_skipped_by_policy: "tests green, but policy said not to open a PR",
  pr_failed: "pushing the branch or opening the PR failed; nothing was left half-made",
  error: "the cycle broke before asking a model (git, the state store, an unreadable file); not the gap's fault, exit 1",
};

/**
 * Exit codes of `prd-bot cycle`. 0: the cycle did its job or had nothing to do;
 * 2: usage or configuration error, naming the flag or key (no record written); 1: something broke
 * (outcome `error`, or a crash). Failures of the cycle itself exit 3 so a workflow can tell them apart.
 */
export const EXIT_OK = 0;
export const EXIT_CRASH = 1;
export const EXIT_USAGE = 2;
export const EXIT_CYCLE_FAILED = 3;

const FAILED: ReadonlySet<Outcome> = new Set<Outcome>([
  "model_failed",
  "proposal_rejected",
  "apply_failed",
  "tests_failed",
  "pr_failed",
]);

export function exitCodeFor(outcome: Outcome): number {
  if (outcome === "error") return EXIT_CRASH;
  return FAILED.has(outcome) ? EXIT_CYCLE_FAILED : EXIT_OK;
}

/** Outcomes a run must not report as success: the failures, and breakage (`error`). */
export function failsRun(outcome: Outcome): boolean {
  return outcome === "error" || FAILED.has(outcome);
}

/** Outcomes that count as a failed attempt on a gap (for `give_up_after_failures`). */
export function isFailure(outcome: Outcome): boolean {
  return FAILED.has(outcome);
}
