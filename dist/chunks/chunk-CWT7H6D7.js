import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  sanitizeModelLine,
  upsertReport
} from "./chunk-JYKYN4DB.js";

// src/core/post/status-contexts.ts
var AUDITOR_CONTEXT = "prd-bot/auditor";

// src/jobs/shared/post-status.ts
async function postStatus(forge, status) {
  const { pr: _pr, ...commit } = status;
  if (forge.capabilities.checkRuns) {
    const posted = await forge.setStatus(commit);
    if (posted.as === "check-run") return { as: "check-run", ...posted.url ? { url: posted.url } : {} };
    const comment2 = await detailsComment(forge, status);
    return { as: "commit-status", ...comment2 ? { url: comment2 } : {} };
  }
  const comment = await detailsComment(forge, status);
  await forge.setStatus({ ...commit, ...comment && !commit.targetUrl ? { targetUrl: comment } : {} });
  return { as: "commit-status", ...comment ? { url: comment } : {} };
}
async function postFinalStatus(forge, status) {
  const posted = await postStatus(forge, status);
  if (posted.as !== "check-run") return posted;
  const existing = await forge.latestCommitStatus(status.sha, status.context).catch(() => "unknown");
  if (existing === void 0) return posted;
  const { pr: _pr, annotations: _annotations, details: _details, ...commit } = status;
  await forge.setCommitStatus({ ...commit, ...posted.url && !commit.targetUrl ? { targetUrl: posted.url } : {} });
  return { ...posted, commitStatus: true };
}
async function detailsComment(forge, status) {
  if (status.pr === void 0 || status.state === "pending") return void 0;
  const hasDetails = Boolean(status.details) || Boolean(status.annotations?.length);
  const posted = await upsertReport(forge, status.pr, `status:${status.context}`, renderDetails(status), { onlyIfExists: !hasDetails });
  return posted?.url;
}
var ICON = { success: "\u2705", failure: "\u274C", error: "\u26A0\uFE0F", pending: "\u23F3" };
function renderDetails(status) {
  const lines = [`### ${ICON[status.state]} ${status.context}: ${status.state}`, "", status.description];
  if (status.details) lines.push("", status.details);
  if (status.annotations?.length) lines.push("", "| where | level | issue |", "| --- | --- | --- |", ...status.annotations.map(annotationRow));
  lines.push("", `<sub>For commit ${status.sha.slice(0, 12)}; updated in place on every run.</sub>`);
  return lines.join("\n");
}
function annotationRow(annotation) {
  return `| \`${annotation.path.replace(/`/g, "'")}:${annotation.line}\` | ${annotation.level} | ${sanitizeModelLine(annotation.message)} |`;
}

export {
  AUDITOR_CONTEXT,
  postFinalStatus
};
