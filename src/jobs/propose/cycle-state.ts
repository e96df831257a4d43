// What a running cycle has learned so far; `finish` turns it into the one record the cycle writes.
import type { Outcome } from "../../core/outcomes.js";
import type { CycleRecord, Gap, PlannedFile, TestRun, TokenUsage } from "../../core/types.js";
import type { Transcript } from "../../ports/model.js";

type Phase = "select" | "model" | "apply" | "test" | "publish";

/**
 * An unexpected error is reported as the outcome of the phase it happened in. Before the model is asked
 * nothing the gap did can be to blame, and a skip would report success: that is `error` (exit 1).
 */
const PHASE_FAILURE: Record<Phase, Outcome> = {
  select: "error",
  model: "model_failed",
  apply: "apply_failed",
  test: "tests_failed",
  publish: "pr_failed",
};

export class CycleState {
  base: CycleRecord["base"] = null;
  gap: Gap | null = null;
  files: PlannedFile[] = [];
  model: string | null = null;
  summary: string | undefined;
  attempts = 0;
  test: TestRun | null = null;
  branch: string | null = null;
  commit: string | null = null;
  prUrl: string | null = null;
  prBody: string | undefined;
  phase: Phase = "select";
  readonly timings: Record<string, number> = {};
  private readonly startedMs = performance.now();

  localized?: CycleRecord["localized"];

  constructor(
    readonly cycleId: string,
    private readonly startedAt: Date,
    private readonly version: string,
    private readonly dryRun: boolean,
    private readonly transcript: Transcript,
  ) {}

  elapsed(): number {
    return Math.round(performance.now() - this.startedMs);
  }

  /** Run `fn` and add its duration to `timings[<name>_ms]`, so a record shows where a cycle's time went. */
  async timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      const key = `${name}_ms`;
      this.timings[key] = (this.timings[key] ?? 0) + Math.round(performance.now() - started);
    }
  }

  /**
   * The local part of the cycle (everything but waiting for a model or the tests, which have their own
   * timeouts) past `limitSeconds` (policy.local_deadline_seconds): the ending to return, else undefined.
   * Checked between steps, so a step that runs long ends the cycle at the next check.
   */
  pastLocalDeadline(limitSeconds: number): { outcome: Outcome; reason: string } | undefined {
    const waited = (this.timings.model_ms ?? 0) + (this.timings.tests_ms ?? 0);
    const local = this.elapsed() - waited;
    if (local <= limitSeconds * 1000) return undefined;
    return { outcome: this.failureOutcome(), reason: `the cycle's local work took ${local} ms, over policy.local_deadline_seconds (${limitSeconds}); stopped after the ${this.phase === "select" ? "context" : this.phase} step` };
  }

  /** Model calls made so far (answered or not). */
  get calls(): number {
    return this.transcript.exchanges.length;
  }

  failureOutcome(): Outcome {
    return PHASE_FAILURE[this.phase];
  }

  /** Tokens spent so far, from the server-reported usage of every answered call. */
  get tokens(): TokenUsage {
    let prompt = 0;
    let completion = 0;
    for (const exchange of this.transcript.exchanges) {
      prompt += exchange.response?.usage.prompt_tokens ?? 0;
      completion += exchange.response?.usage.completion_tokens ?? 0;
    }
    return { prompt, completion, total: prompt + completion };
  }

  finish(outcome: Outcome, reason: string, finishedAt: Date): CycleRecord {
    this.timings.total_ms = this.elapsed();
    const record: CycleRecord = {
      cycle_id: this.cycleId,
      version: this.version,
      started_at: this.startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      outcome,
      reason,
      gap: this.gap ? { id: this.gap.id, text: this.gap.text, line: this.gap.line, section: this.gap.section } : null,
      files: this.files.map((file) => ({ path: file.path, mode: file.mode })),
      tokens: this.tokens,
      model: this.model,
      calls: this.transcript.exchanges.length,
      attempts: this.attempts,
      test: this.test,
      branch: this.branch,
      commit: this.commit,
      base: this.base,
      pr_url: this.prUrl,
      dry_run: this.dryRun,
      transcript: null,
      timings: this.timings,
    };
    if (this.summary !== undefined) record.summary = this.summary;
    if (this.localized !== undefined) record.localized = this.localized;
    if (this.prBody !== undefined) record.pr_body = this.prBody;
    return record;
  }
}
