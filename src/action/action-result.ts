// What one Action run did, as data: the runner turns it into outputs, the job summary and the exit status.
import { failsRun, type Outcome } from "../core/outcomes.js";
import type { CycleRecord, Gap } from "../core/types.js";
import type { BudgetLeft } from "../wiring/forge-cycles.js";

export type { BudgetLeft };

/**
 * The `outcome` output: a cycle's outcome, or what happened instead of a cycle:
 * `none` (nothing to do), `listed` (the gaps were listed), `unavailable` (a job that lands in a later version).
 */
export type ActionOutcome = Outcome | "none" | "listed" | "unavailable";

export interface ActionResult {
  job: string;
  /** Why this job ran (from routing). */
  reason: string;
  records: CycleRecord[];
  /** Gaps listed by the `gaps` command. */
  gaps?: Gap[];
  budget?: BudgetLeft;
  /** Things worth a line in the summary (a reply posted, a job not available yet…). */
  notes: string[];
  /** Set when the job is done but not by this version (review, apply, audit). */
  unavailable?: boolean;
  /** Where the records live, for the summary. */
  stateDescription?: string;
  /** A pull-request job that failed (review, apply, audit): the run fails with this. */
  failure?: string;
}

/**
 * The record the outputs describe when a run made several: a failed cycle first (that is what needs a
 * look), then one that opened a PR, then the last one.
 */
export function mainRecord(records: readonly CycleRecord[]): CycleRecord | undefined {
  return (
    records.find((record) => failsRun(record.outcome)) ??
    [...records].reverse().find((record) => record.outcome === "ok") ??
    records[records.length - 1]
  );
}

export function outcomeOf(result: ActionResult): ActionOutcome {
  const main = mainRecord(result.records);
  if (main) return main.outcome;
  if (result.unavailable) return "unavailable";
  return result.job === "gaps" ? "listed" : "none";
}

/** The message for core.setFailed when any cycle failed, or undefined. */
export function failureOf(result: ActionResult): string | undefined {
  const failed = result.records.filter((record) => failsRun(record.outcome));
  if (failed.length === 0) return result.failure;
  return failed.map((record) => `cycle ${record.cycle_id}${record.gap ? ` (gap ${record.gap.id})` : ""}: ${record.outcome}: ${record.reason}`).join("\n");
}
