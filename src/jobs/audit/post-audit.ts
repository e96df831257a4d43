// The audit report as the prd-bot/auditor status, through the one way to post (jobs/shared/post-status.ts):
// GitHub, a check run with an annotation per issue on its line, and the commit status of the same context
// finished too (the app's pending one is a commit status); Gitea, the commit status plus a details comment
// edited in place. PR text quoted in messages is untrusted: mentions and HTML are neutralized.
import type { AuditReport } from "../../core/audit/render-audit.js";
import { renderDetails } from "../../core/audit/render-audit.js";
import { sanitizeModelLine, sanitizeModelText } from "../../core/post/sanitize.js";
import { AUDITOR_CONTEXT } from "../../core/post/status-contexts.js";
import type { Forge, StatusAnnotation } from "../../ports/forge.js";
import { postFinalStatus, type PostedJobStatus } from "../shared/post-status.js";

export async function postAuditReport(forge: Forge, pr: number, headSha: string, report: AuditReport): Promise<PostedJobStatus> {
  const annotations: StatusAnnotation[] = report.issues
    .filter((issue) => issue.path !== undefined && issue.line !== undefined)
    .slice(0, 50)
    .map((issue) => ({ path: issue.path as string, line: issue.line as number, message: sanitizeModelLine(`${issue.kind}: ${issue.message}`), level: issue.blocking ? "failure" : "warning" }));
  return postFinalStatus(forge, {
    sha: headSha,
    context: AUDITOR_CONTEXT,
    state: report.state,
    description: sanitizeModelLine(report.summary, 140),
    details: renderDetails(report, sanitizeModelText),
    ...(annotations.length ? { annotations } : {}),
    pr,
  });
}

/** The audit could not run (the forge or git failed): the pending status still ends, as an error that says why. */
export async function postAuditError(forge: Forge, pr: number, headSha: string, reason: string): Promise<void> {
  await postFinalStatus(forge, { sha: headSha, context: AUDITOR_CONTEXT, state: "error", description: sanitizeModelLine(`The audit could not run: ${reason}`, 140), pr });
}
