// The patch request for one reviewed file: the reference applier's hard constraints (a template), the file's
// findings, and the file itself, whole, or for a large file the regions around the findings (whole enclosing
// definitions where the parser allows, text verbatim so old_string can be copied from it).
import type { ReviewRecord } from "../../core/review/review-record.js";
import { regionsAround } from "../../core/retrieval/regions.js";
import { countTokens } from "../../core/tokens.js";
import type { Config } from "../../config/schema.js";
import type { ChatMessage } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";

export function buildPatchPrompt(record: ReviewRecord, source: string, config: Config): { messages: ChatMessage[]; partial: boolean } {
  const budget = config.context.max_tokens;
  let shown = source;
  let note = "the whole file";
  let partial = false;
  if (countTokens(source) > budget) {
    const lines = record.findings.flatMap((finding) => [finding.line_start, finding.line_end]);
    const regions = regionsAround(record.path, source, lines, { maxTokens: budget, numbered: false });
    shown = regions.text;
    partial = regions.partial;
    note = "only the parts around the findings; old_string must come from the text shown";
  }
  const findings = record.findings
    .map((finding) => {
      const where = finding.line_start === finding.line_end ? `line ${finding.line_start}` : `lines ${finding.line_start}-${finding.line_end}`;
      const suggestion = finding.suggestion ? `\n  suggested replacement:\n${indent(finding.suggestion)}` : "";
      return `- ${where} [${finding.severity}, ${finding.category}, confidence ${finding.confidence}]: ${finding.message}${suggestion}`;
    })
    .join("\n");
  const system = renderTemplate("apply-patch-system", {
    max_lines: config.apply.max_patch_lines,
    max_patches: config.apply.max_patches,
    min_confidence: config.apply.min_confidence,
  });
  const user = renderTemplate("apply-patch-user", { path: record.path, file_note: note, findings, source: shown.replace(/\n$/, "") });
  return { messages: [{ role: "system", content: system }, { role: "user", content: user }], partial };
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
