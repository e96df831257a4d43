// `/scrum apply` and `prd-bot apply` share this: the latest review record per file for the head, the
// eligibility rules, then the apply loop. No records for this head → "run the review first".
import { budgetedModelClient } from "../../adapters/model/budgeted.js";
import type { FileOutcome } from "../../core/apply/apply-record.js";
import { eligibleFiles, type SkippedFile } from "../../core/apply/eligible-files.js";
import { latestReviews, parseReviews, REVIEWS_PATH } from "../../core/review/review-record.js";
import type { ModelClient } from "../../ports/model.js";
import { applyFiles, type ApplyFilesDeps, type ApplyMode } from "./apply-files.js";

export interface RunApplyDeps extends Omit<ApplyFilesDeps, "model"> {
  /** The patch chain (models.patch); wrapped in the budget ledger here unless free. */
  model: ModelClient;
}

export type RunApplyResult =
  | { ok: false; reason: string }
  | {
      ok: true;
      files: (FileOutcome & { original?: string; patched?: string })[];
      skipped: SkippedFile[];
      tokens: { prompt: number; completion: number };
    };

export async function runApply(deps: RunApplyDeps, input: { headSha: string; baseSha?: string; pr?: number; mode: ApplyMode }): Promise<RunApplyResult> {
  const { records } = parseReviews(await deps.state.read(REVIEWS_PATH));
  const latest = [...latestReviews(records, { pr: input.pr, headSha: input.headSha }).values()].filter(
    (record) => input.baseSha === undefined || record.base_sha === input.baseSha,
  );
  if (latest.length === 0) {
    const where = input.pr !== undefined ? `#${input.pr} at ${input.headSha.slice(0, 12)}` : `head ${input.headSha.slice(0, 12)}`;
    return { ok: false, reason: `no review records for ${where} in ${deps.state.description}: run the review first (/scrum review, or prd-bot review)` };
  }
  const { config } = deps;
  const { eligible, skipped } = eligibleFiles(latest, {
    minConfidence: config.apply.min_confidence,
    minFindingConfidence: config.apply.min_finding_confidence,
    maxFiles: config.apply.max_files,
    deny: config.apply.deny,
    protectedGlobs: deps.protectedGlobs,
  });
  const model = deps.model.free ? deps.model : budgetedModelClient(deps.model, { state: deps.state, limits: config.budget, now: deps.now });
  const files = await applyFiles({ ...deps, model }, { records: eligible, headSha: input.headSha, pr: input.pr, mode: input.mode });
  const tokens = files.reduce((sum, file) => ({ prompt: sum.prompt + file.tokens.prompt, completion: sum.completion + file.tokens.completion }), { prompt: 0, completion: 0 });
  return { ok: true, files, skipped, tokens };
}
