// The review job's entry for the forges (the Action and the app's in-process runner, through
// wiring/forge-jobs.ts): fetch the PR's base and head into the checkout (git objects only: nothing of the PR is
// checked out or run), review, post the comments and the report.
import { fetchPullRefs, openGitReviewSource } from "../../adapters/workspace/git-review-source.js";
import type { Config } from "../../config/schema.js";
import type { JobRequest } from "../../core/events/route-event.js";
import { wasReviewed } from "../../core/review/review-result.js";
import type { Forge } from "../../ports/forge.js";
import type { Workspace } from "../../ports/workspace.js";
import { postedFindings, postReviewResult } from "./post-findings.js";
import { reviewChanges, type ReviewDeps } from "./review-changes.js";

export { reviewChanges, type ReviewDeps, type ReviewOptions } from "./review-changes.js";

/** Paths a review never shows a model: the configured protected paths (secrets, lock files, CI config…). */
export function protectedForReview(config: Config): string[] {
  return [...new Set([...config.paths.protected, ...config.paths.extra_protected])];
}

/** What `reviewChanges` needs, with the forge and a checkout in place of the source they give it. */
export type ReviewJobDeps = Omit<ReviewDeps, "source"> & {
  forge: Forge;
  /** A checkout of the repository (the PR's refs are fetched into it). */
  workspace: Workspace;
};

export interface ReviewJobResult {
  notes: string[];
  failure?: string;
}

export async function runReviewJob(request: Extract<JobRequest, { job: "review" }>, deps: ReviewJobDeps): Promise<ReviewJobResult> {
  const { forge, log } = deps;
  const pull = await forge.getPullRequest(request.pr);
  const refs = await fetchPullRefs(deps.workspace.root, forge.gitRemote(), pull);
  const source = await openGitReviewSource(deps.workspace.root, refs.base, refs.head);
  const posted = postedFindings(await forge.listReviewComments(request.pr));
  const result = await reviewChanges(
    { source, state: deps.state, ladder: deps.ladder, ...(deps.embedder ? { embedder: deps.embedder } : {}), config: deps.config, log, now: deps.now },
    { pr: { number: pull.number, title: pull.title, body: pull.body }, ...(request.files ? { files: request.files } : {}), protectedGlobs: protectedForReview(deps.config), posted },
  );
  const out = await postReviewResult(forge, request.pr, result, posted);
  const reviewed = result.files.filter(wasReviewed).length;
  const notes = [
    `reviewed ${reviewed} file(s) of #${request.pr}: ${out.comments} line comment(s) posted, ${out.alreadyPosted} already there, ${out.notPlaced} off the diff (report only)` +
      (result.not_reviewed.length ? `, ${result.not_reviewed.length} not reviewed` : "") +
      (out.reportUrl ? `; report ${out.reportUrl}` : ""),
  ];
  log.info(notes[0] as string);
  const attempted = result.files.filter((f) => f.status !== "skipped").length + result.not_reviewed.length;
  return reviewed === 0 && attempted > 0 ? { notes, failure: `no file of #${request.pr} could be reviewed (see the report)` } : { notes };
}
