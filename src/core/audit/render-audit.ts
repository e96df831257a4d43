// The auditor's verdict as text: the one-line summary (the status description: "N blocking issues: <the
// first>") and the markdown details (check-run output, Gitea's details comment, the CLI). What was not read
// is always said: a partial audit never reads as a clean bill.
import type { AuditIssue, AuditSkip } from "./audit-types.js";

export interface ModelCheckStatus {
  status: "ran" | "skipped" | "failed";
  /** Why it was skipped or failed, or which model ran. */
  detail: string;
  claims?: number;
}

export interface AuditReport {
  state: "success" | "failure";
  summary: string;
  issues: AuditIssue[];
  skipped: AuditSkip[];
  model: ModelCheckStatus;
}

export function buildReport(issues: AuditIssue[], skipped: AuditSkip[], model: ModelCheckStatus): AuditReport {
  const blocking = issues.filter((i) => i.blocking);
  const advisories = issues.length - blocking.length;
  const notes: string[] = [];
  if (advisories > 0) notes.push(`${advisories} ${advisories === 1 ? "advisory" : "advisories"}`);
  if (skipped.length > 0) notes.push(`partial audit: ${skipped.map((s) => s.what).join("; ")} not read`);
  if (model.status !== "ran") notes.push(`model check ${model.status}: ${model.detail}`);
  const tail = notes.length > 0 ? ` (${notes.join("; ")})` : "";
  if (blocking.length > 0) {
    const first = blocking[0] as AuditIssue;
    const count = `${blocking.length} blocking ${blocking.length === 1 ? "issue" : "issues"}`;
    return { state: "failure", summary: `${count}: ${first.message}`, issues, skipped, model };
  }
  const what = skipped.length > 0 ? "No blocking issues in what was read" : "No blocking issues";
  return { state: "success", summary: `${what}${tail}`, issues, skipped, model };
}

export function renderDetails(report: AuditReport, escape: (text: string) => string = (t) => t): string {
  const line = (issue: AuditIssue) => `- **${issue.kind}**${issue.path ? ` \`${issue.path}${issue.line ? `:${issue.line}` : ""}\`` : ""}: ${escape(issue.message)}`;
  const blocking = report.issues.filter((i) => i.blocking);
  const advice = report.issues.filter((i) => !i.blocking);
  const parts = [`**prd-bot auditor**: ${escape(report.summary)}`];
  if (blocking.length > 0) parts.push(`### Blocking (${blocking.length})\n${blocking.map(line).join("\n")}`);
  if (advice.length > 0) parts.push(`### Advice (${advice.length})\n${advice.map(line).join("\n")}`);
  if (report.issues.length === 0) parts.push("No issues found in what was read.");
  if (report.skipped.length > 0) parts.push(`### Not audited\n${report.skipped.map((s) => `- ${escape(s.what)}: ${escape(s.reason)}`).join("\n")}`);
  const model = report.model.status === "ran" ? `ran (${report.model.detail}${report.model.claims !== undefined ? `, ${report.model.claims} claims judged` : ""})` : `${report.model.status}: ${report.model.detail}`;
  parts.push(`Model check: ${escape(model)}.`);
  return parts.join("\n\n");
}
