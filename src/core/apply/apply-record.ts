// One line of auto_apply.jsonl per applier action on one file: what was asked, what each gate said, what the
// check command said, and where the change went. The auditor and the next run read these.
import type { AppliedPatch, Gate, RejectedPatch } from "./gate-patches.js";

export const AUTO_APPLY_PATH = "auto_apply.jsonl";

/**
 * `no_patches`: the model offered none (or failed: see reason); `all_rejected`: every patch failed a gate;
 * `build_red_reverted`: the check failed and the file was restored; `committed` / `dry_run_committed`: green
 * (committed, or would have been); `suggested`: posted as suggestions without running anything (fork PRs).
 */
export const APPLY_ACTIONS = ["no_patches", "all_rejected", "build_red_reverted", "committed", "dry_run_committed", "suggested"] as const;
export type ApplyAction = (typeof APPLY_ACTIONS)[number];

export interface FileOutcome {
  path: string;
  action: ApplyAction;
  reason: string;
  applied: AppliedPatch[];
  rejected: RejectedPatch[];
  commit: string | null;
  model: string | null;
  tokens: { prompt: number; completion: number };
  /** The check command's result when it ran. */
  check?: { command: string; exit_code: number | null; timed_out: boolean; output_tail: string; duration_ms: number };
  /** The prompt showed only parts of the file. */
  partial?: boolean;
}

export interface ApplyLine {
  v: 1;
  at: string;
  action: ApplyAction;
  file: string;
  head_sha: string;
  pr?: number;
  reason: string;
  model: string | null;
  tokens: { prompt: number; completion: number };
  patches: { rationale: string; confidence: number; tolerant: boolean; old_lines: number; new_lines: number }[];
  rejected: { gate: Gate; reason: string; confidence: number }[];
  commit: string | null;
  check?: { command: string; exit_code: number | null; timed_out: boolean; output_tail: string };
  review: { at: string; confidence_avg: number; confidence_min: number; tier: string; model: string };
}

const TAIL = 2_000;

export function applyLine(
  outcome: FileOutcome,
  context: { at: Date; headSha: string; pr?: number; review: ApplyLine["review"] },
): ApplyLine {
  const lines = (text: string) => (text === "" ? 0 : text.replace(/\n$/, "").split("\n").length);
  return {
    v: 1,
    at: context.at.toISOString(),
    action: outcome.action,
    file: outcome.path,
    head_sha: context.headSha,
    ...(context.pr !== undefined ? { pr: context.pr } : {}),
    reason: outcome.reason,
    model: outcome.model,
    tokens: outcome.tokens,
    patches: outcome.applied.map((patch) => ({
      rationale: patch.rationale,
      confidence: patch.confidence,
      tolerant: patch.tolerant,
      old_lines: lines(patch.old_string),
      new_lines: lines(patch.new_string),
    })),
    rejected: outcome.rejected.map((entry) => ({ gate: entry.gate, reason: entry.reason, confidence: entry.patch.confidence })),
    commit: outcome.commit,
    ...(outcome.check
      ? { check: { command: outcome.check.command, exit_code: outcome.check.exit_code, timed_out: outcome.check.timed_out, output_tail: outcome.check.output_tail.slice(-TAIL) } }
      : {}),
    review: context.review,
  };
}

/** The commit message for one file: each patch's rationale and confidence. */
export function commitMessage(path: string, patches: readonly AppliedPatch[], context: { pr?: number; headSha: string }): string {
  const count = patches.length === 1 ? "1 patch" : `${patches.length} patches`;
  const subject = `prd-bot apply: ${count} in ${path}`;
  const body = patches.map((patch) => `- ${oneLine(patch.rationale) || "(no rationale)"} (confidence ${patch.confidence}${patch.tolerant ? ", matched ignoring whitespace" : ""})`);
  const origin = context.pr !== undefined ? `From the review of #${context.pr} at ${context.headSha.slice(0, 12)}.` : `From the review at ${context.headSha.slice(0, 12)}.`;
  return [subject, "", ...body, "", origin].join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}
