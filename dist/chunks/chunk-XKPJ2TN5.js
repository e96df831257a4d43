import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/outcomes.ts
var OUTCOMES = [
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
  "error"
];
var OUTCOME_MEANING = {
  ok: "tests green; the change is committed on prd-bot/<gap-id> (and a draft PR is opened when a forge is configured)",
  cycle_noop: "the proposal applied, but every file was identical to what is there; no tests, no branch",
  skipped_pause: "the pause file is present",
  skipped_cost: "the day's call or token budget would be exceeded; no model call was made",
  skipped_policy: "policy said no before the model was asked (gap failed too often, no test command, \u2026)",
  skipped_dirty_tree: "the working tree has uncommitted or untracked changes",
  skipped_no_gap: "no open [bot-eligible] gap in the PRD",
  skipped_duplicate: "an open PR already serves this gap",
  model_failed: "every model errored, or its output stayed unusable after one repair request",
  proposal_rejected: "guardrails or policy rejected the proposal (path, size, protected file, no test, \u2026)",
  apply_failed: "the proposal did not fit the tree (is_new on an existing file, missing file, old_string not found exactly once)",
  tests_failed: "the test command stayed red (or timed out) after the repair rounds",
  pr_skipped_by_policy: "tests green, but policy said not to open a PR",
  pr_failed: "pushing the branch or opening the PR failed; nothing was left half-made",
  error: "the cycle broke before asking a model (git, the state store, an unreadable file); not the gap's fault, exit 1"
};
var EXIT_OK = 0;
var EXIT_CRASH = 1;
var EXIT_USAGE = 2;
var EXIT_CYCLE_FAILED = 3;
var FAILED = /* @__PURE__ */ new Set([
  "model_failed",
  "proposal_rejected",
  "apply_failed",
  "tests_failed",
  "pr_failed"
]);
function exitCodeFor(outcome) {
  if (outcome === "error") return EXIT_CRASH;
  return FAILED.has(outcome) ? EXIT_CYCLE_FAILED : EXIT_OK;
}
function failsRun(outcome) {
  return outcome === "error" || FAILED.has(outcome);
}
function isFailure(outcome) {
  return FAILED.has(outcome);
}

export {
  OUTCOMES,
  OUTCOME_MEANING,
  EXIT_OK,
  EXIT_CRASH,
  EXIT_USAGE,
  EXIT_CYCLE_FAILED,
  exitCodeFor,
  failsRun,
  isFailure
};
