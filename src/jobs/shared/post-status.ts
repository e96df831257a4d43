// The one way a job posts a status. GitHub: a check run where the token may create one (details as its
// output, annotations on their lines), else a commit status. Gitea (and GitHub's fallback): a commit status
// has no room for details, so they go into a comment on the pull request, edited in place (marker
// `status:<context>`), and the status links to it. An earlier details comment is updated even when the new
// status has nothing to add, so a stale "3 blocking issues" never outlives the failure it described.
import type { CommitStatus, Forge, StatusAnnotation } from "../../ports/forge.js";
import { sanitizeModelLine } from "../../core/post/sanitize.js";
import { upsertReport } from "./upsert-report.js";

export interface JobStatus extends CommitStatus {
  /** The pull request the status is about: where the details comment goes when the forge needs one. */
  pr?: number;
}

export interface PostedJobStatus {
  as: "check-run" | "commit-status";
  /** The check run's page or the details comment, when there is one. */
  url?: string;
  /** The commit status of the same context was set too (postFinalStatus on GitHub with check runs). */
  commitStatus?: boolean;
}

export async function postStatus(forge: Forge, status: JobStatus): Promise<PostedJobStatus> {
  const { pr: _pr, ...commit } = status;
  if (forge.capabilities.checkRuns) {
    const posted = await forge.setStatus(commit);
    // A refused check run (GitHub: a token that is no GitHub App's) fell back to a commit status: details too.
    if (posted.as === "check-run") return { as: "check-run", ...(posted.url ? { url: posted.url } : {}) };
    const comment = await detailsComment(forge, status);
    return { as: "commit-status", ...(comment ? { url: comment } : {}) };
  }
  const comment = await detailsComment(forge, status);
  await forge.setStatus({ ...commit, ...(comment && !commit.targetUrl ? { targetUrl: comment } : {}) });
  return { as: "commit-status", ...(comment ? { url: comment } : {}) };
}

/**
 * A job's final answer for a context whose pending state was set as a commit status (the app's
 * `prd-bot/auditor`, docs/architecture.md): posted as postStatus does, and where that made a check run, the
 * commit status of the same context (when there is one) is finished too, linking to the run, so the PR is
 * never left pending.
 */
export async function postFinalStatus(forge: Forge, status: JobStatus): Promise<PostedJobStatus> {
  const posted = await postStatus(forge, status);
  if (posted.as !== "check-run") return posted;
  // Only where a commit status of this context exists (the app's pending one): otherwise the PR would show
  // the result twice. When the statuses cannot be read, finish it anyway: a PR is never left pending.
  const existing = await forge.latestCommitStatus(status.sha, status.context).catch(() => "unknown" as const);
  if (existing === undefined) return posted;
  const { pr: _pr, annotations: _annotations, details: _details, ...commit } = status;
  await forge.setCommitStatus({ ...commit, ...(posted.url && !commit.targetUrl ? { targetUrl: posted.url } : {}) });
  return { ...posted, commitStatus: true };
}

async function detailsComment(forge: Forge, status: JobStatus): Promise<string | undefined> {
  if (status.pr === undefined || status.state === "pending") return undefined;
  const hasDetails = Boolean(status.details) || Boolean(status.annotations?.length);
  const posted = await upsertReport(forge, status.pr, `status:${status.context}`, renderDetails(status), { onlyIfExists: !hasDetails });
  return posted?.url;
}

const ICON: Record<CommitStatus["state"], string> = { success: "✅", failure: "❌", error: "⚠️", pending: "⏳" };

export function renderDetails(status: JobStatus): string {
  const lines = [`### ${ICON[status.state]} ${status.context}: ${status.state}`, "", status.description];
  if (status.details) lines.push("", status.details);
  if (status.annotations?.length) lines.push("", "| where | level | issue |", "| --- | --- | --- |", ...status.annotations.map(annotationRow));
  lines.push("", `<sub>For commit ${status.sha.slice(0, 12)}; updated in place on every run.</sub>`);
  return lines.join("\n");
}

function annotationRow(annotation: StatusAnnotation): string {
  return `| \`${annotation.path.replace(/`/g, "'")}:${annotation.line}\` | ${annotation.level} | ${sanitizeModelLine(annotation.message)} |`;
}
