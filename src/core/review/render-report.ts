// The review's report comment (edited in place on every run; the marker is the poster's) and the CLI's
// markdown output: per file the model that answered, the attempt history, the alignment score, the findings
// with their citations (document, heading, byte offset), what was dropped and why; then what was not reviewed
// and why, what was skipped, comments that are outdated, the documents and the tokens. Everything a model wrote
// goes through the sanitizer: no mentions, no raw HTML.
import { sanitizeModelLine, sanitizeModelText } from "../post/sanitize.js";
import type { PrdRef } from "./review-record.js";
import type { FileReview, ReviewResult } from "./review-result.js";

const STATUS_WORD: Record<FileReview["status"], string> = { reviewed: "reviewed", reused: "reused (unchanged since an earlier review)", unresolved: "unresolved", skipped: "skipped" };

export function renderReport(result: ReviewResult): string {
  const looked = result.files.filter((f) => f.status === "reviewed" || f.status === "reused");
  const findings = looked.reduce((n, f) => n + f.findings.length, 0);
  const unresolved = result.files.filter((f) => f.status === "unresolved");
  const skipped = result.files.filter((f) => f.status === "skipped");
  const out: string[] = [
    "## prd-bot review",
    "",
    `\`${result.base.slice(0, 12)}\`..\`${result.head.slice(0, 12)}\`: ${looked.length} file(s) reviewed, ${findings} finding(s)` +
      (unresolved.length ? `, ${unresolved.length} unresolved` : "") +
      (result.not_reviewed.length ? `, **${result.not_reviewed.length} not reviewed**` : "") +
      (skipped.length ? `, ${skipped.length} skipped` : "") +
      ".",
    "",
    `Judged against ${result.documents.paths.length ? result.documents.paths.map((p) => `\`${p}\``).join(", ") : "no document (none matched review.documents)"} at the base ` +
      `(${result.documents.chunks} sections, ${result.documents.retrieval}).`,
  ];
  if (result.documents.changed_by_pr.length > 0) {
    out.push("", `This pull request changes ${result.documents.changed_by_pr.map((p) => `\`${p}\``).join(", ")}: the review uses the base version, since a PR cannot rewrite the requirements it is judged against.`);
  }
  for (const file of [...looked, ...unresolved]) out.push("", ...renderFile(file));
  if (result.not_reviewed.length > 0) {
    out.push("", "### Not reviewed", "", ...result.not_reviewed.map((n) => `- \`${n.path}\`: ${n.reason}`));
  }
  if (skipped.length > 0) {
    out.push("", "### Skipped (not sent to a model)", "", ...skipped.map((f) => `- \`${f.path}\`: ${f.reason ?? "skipped"}`));
  }
  if (result.outdated.length > 0) {
    out.push("", "### Outdated comments", "", "Earlier comments whose code changed since (or that this review no longer finds):", "");
    out.push(...result.outdated.map((o) => `- \`${o.path}\`${o.line ? `:${o.line}` : ""}: ${sanitizeModelLine(o.message, 200)}`));
  }
  out.push("", `<sub>tokens: ${result.tokens.prompt} prompt + ${result.tokens.completion} completion</sub>`);
  return out.join("\n");
}

function renderFile(file: FileReview): string[] {
  const head = `### \`${file.path}\`: ${STATUS_WORD[file.status]}`;
  const lines: string[] = [head, ""];
  if (file.status === "unresolved") {
    lines.push(`No usable answer: ${file.reason ?? "every rung failed"}.`);
  } else {
    lines.push(
      `Model \`${file.model}\` · alignment ${file.alignment_score ?? "?"}/10 · confidence avg ${file.confidence_avg} / min ${file.confidence_min} · tier \`${file.tier}\`` +
        (file.partial ? " · reviewed in parts around the changes (large file)" : ""),
    );
    if (file.summary) lines.push("", sanitizeModelText(file.summary.trim()));
  }
  if (file.attempts.length > 1 || file.status === "unresolved") {
    lines.push("", "Attempts:", ...file.attempts.map((a, i) => `${i + 1}. \`${a.model}\`: ${a.status}${a.reason ? `: ${sanitizeModelLine(a.reason, 300)}` : ""}`));
  }
  if (file.findings.length > 0) {
    lines.push("", "| lines | severity | confidence | finding | cites |", "| --- | --- | --- | --- | --- |");
    for (const f of file.findings) {
      const range = f.line_start === f.line_end ? `${f.line_start}` : `${f.line_start}-${f.line_end}`;
      lines.push(`| ${range} | ${f.severity} | ${f.confidence} | ${sanitizeModelLine(`[${f.category}] ${f.message}`, 400)} | ${f.prd_refs.map(cite).join("<br>") || "—"} |`);
    }
  }
  if (file.gaps.length > 0) lines.push("", "Gaps:", ...file.gaps.map((g) => `- ${sanitizeModelLine(g.message, 400)}${g.prd_refs.length ? ` (${g.prd_refs.map(cite).join("; ")})` : ""}`));
  if (file.dropped.length > 0) {
    lines.push("", `Dropped by the citation check (${file.dropped.length}):`, ...file.dropped.map((d) => `- ${sanitizeModelLine(d.reason, 200)}${d.message ? `: ${sanitizeModelLine(d.message, 160)}` : ""}`));
  }
  return lines;
}

function cite(ref: PrdRef): string {
  return `\`${ref.document}\`${ref.heading ? ` › ${sanitizeModelLine(ref.heading, 80)}` : ""} @${ref.offset}`;
}
