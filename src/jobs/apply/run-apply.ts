// `/scrum apply` and `prd-bot apply` share this: the latest review record per file for the head, the
// eligibility rules, then the apply loop. No records for this head → "run the review first".
import { budgetedModelClient } from "../../adapters/model/budgeted.js";
import type { FileOutcome } from "../../core/apply/apply-record.js";
import { eligibleFiles, type SkippedFile } from "../../core/apply/eligible-files.js";
import { latestReviews, parseReviews, REVIEWS_PATH, type ReviewRecord } from "../../core/review/review-record.js";
import type { StateStore } from "../../ports/state.js";
import type { ModelClient } from "../../ports/model.js";
import { baselineCheck } from "../shared/baseline-check.js";
import { applyFiles, checkOptions, type ApplyFilesDeps, type ApplyMode } from "./apply-files.js";

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

/** The latest review record per file for the head (and base, when given); or why there is none. */
export async function reviewsForHead(
  state: StateStore,
  input: { headSha: string; baseSha?: string; pr?: number },
): Promise<{ ok: true; latest: ReviewRecord[] } | { ok: false; reason: string }> {
  const { records } = parseReviews(await state.read(REVIEWS_PATH));
  const latest = [...latestReviews(records, { pr: input.pr, headSha: input.headSha }).values()].filter(
    (record) => input.baseSha === undefined || record.base_sha === input.baseSha,
  );
  if (latest.length > 0) return { ok: true, latest };
  const where = input.pr !== undefined ? `#${input.pr} at ${input.headSha.slice(0, 12)}` : `head ${input.headSha.slice(0, 12)}`;
  return { ok: false, reason: `no review records for ${where} in ${state.description}: run the review first (/scrum review, or prd-bot review)` };
}

export async function runApply(deps: RunApplyDeps, input: { headSha: string; baseSha?: string; pr?: number; mode: ApplyMode }): Promise<RunApplyResult> {
  const found = await reviewsForHead(deps.state, input);
  if (!found.ok) return found;
  const latest = found.latest;
  const { config } = deps;
  const { eligible, skipped } = eligibleFiles(latest, {
    minConfidence: config.apply.min_confidence,
    minFindingConfidence: config.apply.min_finding_confidence,
    maxFiles: config.apply.max_files,
    deny: config.apply.deny,
    protectedGlobs: deps.protectedGlobs,
  });
  // A check that is red before any patch would blame every patch: nothing is asked or applied then.
  if (input.mode !== "suggest" && eligible.length > 0 && deps.workspace && deps.checkCommand && config.test.baseline) {
    const workspace = deps.workspace;
    const command = deps.checkCommand;
    const baseline = await deps.log.group(`baseline check: ${command}`, () => baselineCheck(workspace, deps.state, { ...checkOptions(deps, command), now: deps.now }));
    if (baseline.run) await workspace.restore(deps.ownPaths ?? []);
    if (!baseline.ok) return { ok: false, reason: `the check is red before any patch, so nothing was applied: ${baseline.reason}` };
  }
  const model = deps.model.free ? deps.model : budgetedModelClient(deps.model, { state: deps.state, limits: config.budget, now: deps.now });
  const files = await applyFiles({ ...deps, model }, { records: eligible, headSha: input.headSha, pr: input.pr, mode: input.mode });
  const tokens = files.reduce((sum, file) => ({ prompt: sum.prompt + file.tokens.prompt, completion: sum.completion + file.tokens.completion }), { prompt: 0, completion: 0 });
  return { ok: true, files, skipped, tokens };
}
