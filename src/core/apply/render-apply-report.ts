// The `/scrum apply` report comment (edited in place under its own marker): per file what was committed,
// suggested, rejected (gate and reason) or reverted (the failing output's tail), files left out and why,
// and the tokens spent. Model text (rationales) is sanitized by the caller's `sanitize`.
import type { FileOutcome } from "./apply-record.js";
import type { SkippedFile } from "./eligible-files.js";

export const APPLY_REPORT_MARKER = "apply";

export interface ApplyReportInput {
  pr: number;
  headSha: string;
  delivery: string;
  files: FileOutcome[];
  skipped: SkippedFile[];
  tokens: { prompt: number; completion: number };
  notes: string[];
  sanitize: (text: string) => string;
}

export function renderApplyReport(input: ApplyReportInput): string {
  const { sanitize } = input;
  const out: string[] = [`### prd-bot scrum apply: #${input.pr} at \`${input.headSha.slice(0, 12)}\``, "", input.delivery, ""];
  if (input.files.length === 0) out.push("No file was eligible for auto-apply.", "");
  for (const file of input.files) {
    const commit = file.commit ? ` in ${file.commit.slice(0, 12)}` : "";
    out.push(`- \`${file.path}\`: **${file.action}**${commit}: ${sanitize(file.reason)}`);
    for (const patch of file.applied) out.push(`  - applied: ${sanitize(patch.rationale) || "(no rationale)"} (confidence ${patch.confidence}${patch.tolerant ? ", matched ignoring whitespace" : ""})`);
    for (const entry of file.rejected) out.push(`  - rejected by \`${entry.gate}\`: ${sanitize(entry.reason)}`);
    if (file.action === "build_red_reverted" && file.check) {
      const tail = file.check.output_tail.split("\n").slice(-20).join("\n").replace(/`{3,}/g, "``");
      out.push("", "  <details><summary>check output (tail)</summary>", "", "  ```", ...tail.split("\n").map((line) => `  ${line}`), "  ```", "  </details>", "");
    }
  }
  if (input.skipped.length > 0) {
    out.push("", "<details><summary>Not eligible</summary>", "");
    for (const file of input.skipped) out.push(`- \`${file.path}\`: ${file.reason}`);
    out.push("", "</details>");
  }
  for (const note of input.notes) out.push("", note);
  out.push("", `Tokens: ${input.tokens.prompt} prompt + ${input.tokens.completion} completion.`);
  return out.join("\n");
}
