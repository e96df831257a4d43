// The prompt for one file's review: the file at head with every line numbered (whole, or in parts around its
// hunks when it is larger than `review.max_file_tokens`), its diff, the PR's title and description as delimited
// data, the retrieved sections behind [ref:<id>] markers, and, from the second rung on, what was wrong with
// each earlier attempt. Returns what the citation check needs: the ids offered and the lines shown.
import type { MarkdownChunk } from "../../core/retrieval/chunk-markdown.js";
import { regionsAround } from "../../core/retrieval/regions.js";
import { numberLines } from "../../core/review/file-parts.js";
import type { PrdRef, ReviewAttempt } from "../../core/review/review-record.js";
import { countTokens } from "../../core/tokens.js";
import type { ChatMessage } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";

export interface ReviewPromptInput {
  path: string;
  content: string;
  patch: string;
  changedLines: readonly number[];
  pr: { title: string; body: string };
  sections: readonly MarkdownChunk[];
  attempts: readonly ReviewAttempt[];
  maxFileTokens: number;
  /** The base version of a document this PR also changes (the review still uses the base). */
  fileNote: string;
}

export interface ReviewPrompt {
  messages: ChatMessage[];
  offered: Map<string, PrdRef>;
  /** Lines shown when the file was shown in parts; undefined when whole. */
  shown?: { start: number; end: number }[];
  partial: boolean;
}

const MAX_PR_BODY = 4000;
const MAX_DIFF_TOKENS = 4000;

export function buildReviewPrompt(input: ReviewPromptInput): ReviewPrompt {
  const lines = input.content.split("\n");
  const count = input.content.endsWith("\n") ? lines.length - 1 : lines.length;
  const whole = numberLines(lines, 1, count);
  let file = whole;
  let shown: ReviewPrompt["shown"];
  if (countTokens(whole) > input.maxFileTokens) {
    const parts = regionsAround(input.path, input.content, input.changedLines.length > 0 ? input.changedLines : [1], { maxTokens: input.maxFileTokens });
    if (parts.partial) {
      file = parts.text;
      shown = parts.ranges;
    }
  }
  const offered = new Map<string, PrdRef>();
  const sections = input.sections.map((chunk) => {
    const ref: PrdRef = { id: chunk.id, document: chunk.document, heading: chunk.heading.join(" > "), offset: chunk.offset };
    offered.set(chunk.id, ref);
    return `[ref:${chunk.id}] ${chunk.document}${ref.heading ? ` > ${ref.heading}` : ""} (byte ${chunk.offset})\n<<<DATA\n${guard(chunk.text.trimEnd())}\nDATA>>>`;
  });
  const learning =
    input.attempts.length === 0
      ? ""
      : renderTemplate("review-learning", {
          attempts: input.attempts.map((attempt, i) => `- attempt ${i + 1} (${attempt.model}): ${attempt.status}: ${attempt.reason}`).join("\n"),
        });
  const user = renderTemplate("review-user", {
    path: input.path,
    file_note: `${count} lines${input.fileNote ? `; ${input.fileNote}` : ""}`,
    pr_title: oneLine(input.pr.title) || "(none)",
    pr_body: guard(input.pr.body.slice(0, MAX_PR_BODY)) || "(none)",
    diff: guard(boundTokens(input.patch, MAX_DIFF_TOKENS)),
    parts_note: shown ? `, in parts around the changes (lines ${shown.map((r) => `${r.start}-${r.end}`).join(", ")} of ${count}; the rest exists but is not shown)` : "",
    file: guard(file),
    sections: sections.length > 0 ? sections.join("\n\n") : "(no section of the documents matched this change; leave prd_refs empty)",
    learning,
  });
  return {
    messages: [
      { role: "system", content: renderTemplate("review-system", {}) },
      { role: "user", content: user },
    ],
    offered,
    ...(shown ? { shown } : {}),
    partial: shown !== undefined,
  };
}

/** Data never closes its own block: a line "DATA>>>" inside it is defused (zero-width space). */
function guard(text: string): string {
  return text.replace(/DATA>>>/g, "DATA>\u200b>>").replace(/<<<DATA/g, "<<\u200b<DATA");
}

function oneLine(text: string): string {
  return guard(text.replace(/\s+/g, " ").trim().slice(0, 300));
}

function boundTokens(text: string, max: number): string {
  if (countTokens(text) <= max) return text;
  let cut = text.slice(0, max * 3);
  while (cut.length > 0 && countTokens(cut) > max) cut = cut.slice(0, Math.floor(cut.length * 0.8));
  return `${cut.slice(0, cut.lastIndexOf("\n") + 1)}… (the diff continues; the changed lines are in the file below)`;
}
