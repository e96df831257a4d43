// The citation check: a finding stays only when its lines exist in the file at head (and, for a file reviewed
// in parts, were shown) and every section id it cites was offered in its prompt. What is dropped is kept with
// why. An answer whose findings were all dropped, or with no findings and no substantive summary, is not
// accepted: the ladder's next rung is asked, told what was wrong.
import { createHash } from "node:crypto";
import type { AnswerFinding, ReviewAnswer } from "./review-answer.js";
import type { DroppedFinding, PrdRef, ReviewFinding } from "./review-record.js";

export interface CitationContext {
  path: string;
  /** The file at head. */
  content: string;
  /** Sections offered in the prompt, by id. */
  offered: ReadonlyMap<string, PrdRef>;
  /** For a file shown in parts: the line ranges shown (inclusive). Undefined: the whole file was shown. */
  shown?: readonly { start: number; end: number }[];
}

export type Verdict = { status: "accepted"; reason: "" } | { status: "thin" | "invalid"; reason: string };

export interface CheckedAnswer {
  verdict: Verdict;
  findings: ReviewFinding[];
  gaps: { message: string; prd_refs: PrdRef[] }[];
  dropped: DroppedFinding[];
}

/** A summary shorter than this, with no findings, says nothing a person could check. */
export const MIN_SUMMARY_CHARS = 60;

export function checkCitations(answer: ReviewAnswer, context: CitationContext): CheckedAnswer {
  const lines = context.content.split("\n");
  const lineCount = context.content.endsWith("\n") ? lines.length - 1 : lines.length;
  const findings: ReviewFinding[] = [];
  const dropped: DroppedFinding[] = [];
  let badLines = 0;
  let badRefs = 0;
  for (const finding of answer.findings) {
    const lineProblem = checkLines(finding, lineCount, context.shown);
    const unknown = finding.prd_refs.filter((id) => !context.offered.has(stripMarker(id)));
    if (lineProblem) badLines += 1;
    else if (unknown.length > 0) badRefs += 1;
    if (lineProblem || unknown.length > 0) {
      dropped.push({
        reason: lineProblem ?? `cites ${unknown.map((id) => `[ref:${stripMarker(id)}]`).join(", ")}, not offered in the prompt`,
        line_start: finding.line_start,
        line_end: finding.line_end,
        message: finding.message.slice(0, 300),
        refs: finding.prd_refs,
      });
      continue;
    }
    findings.push({
      line_start: finding.line_start,
      line_end: finding.line_end,
      severity: finding.severity,
      category: finding.category,
      confidence: finding.confidence,
      message: finding.message,
      ...(finding.suggestion !== undefined && finding.suggestion.trim() !== "" ? { suggestion: finding.suggestion } : {}),
      prd_refs: unique(finding.prd_refs.map(stripMarker)).map((id) => context.offered.get(id) as PrdRef),
      fingerprint: fingerprintOf(context.path, finding.message, lines.slice(finding.line_start - 1, finding.line_end).join("\n")),
    });
  }
  const gaps: CheckedAnswer["gaps"] = [];
  for (const gap of answer.gaps) {
    const unknown = gap.prd_refs.filter((id) => !context.offered.has(stripMarker(id)));
    if (unknown.length > 0) {
      dropped.push({ reason: `gap cites ${unknown.map((id) => `[ref:${stripMarker(id)}]`).join(", ")}, not offered in the prompt`, message: gap.message.slice(0, 300), refs: gap.prd_refs });
      continue;
    }
    gaps.push({ message: gap.message, prd_refs: unique(gap.prd_refs.map(stripMarker)).map((id) => context.offered.get(id) as PrdRef) });
  }
  return { verdict: verdictOf(answer, findings.length, badLines, badRefs), findings, gaps, dropped };
}

function verdictOf(answer: ReviewAnswer, kept: number, badLines: number, badRefs: number): Verdict {
  const total = answer.findings.length;
  if (total > 0 && kept === 0) {
    if (badRefs === 0) return { status: "invalid", reason: `${total} of ${total} findings cited lines that do not exist` };
    if (badLines === 0) return { status: "invalid", reason: `${total} of ${total} findings cited section ids that were not offered` };
    return { status: "invalid", reason: `${total} of ${total} findings failed the citation check: ${badLines} cited lines that do not exist, ${badRefs} cited section ids that were not offered` };
  }
  if (total === 0 && answer.summary.trim().length < MIN_SUMMARY_CHARS) {
    return { status: "thin", reason: `no findings and a ${answer.summary.trim().length}-character summary (at least ${MIN_SUMMARY_CHARS} needed)` };
  }
  return { status: "accepted", reason: "" };
}

function checkLines(finding: AnswerFinding, lineCount: number, shown: CitationContext["shown"]): string | undefined {
  const { line_start: start, line_end: end } = finding;
  if (start < 1 || end < start) return `lines ${start}-${end} are not a range`;
  if (end > lineCount) return `lines ${start}-${end} do not exist (the file has ${lineCount} lines)`;
  if (shown && !shown.some((range) => start >= range.start && end <= range.end)) return `lines ${start}-${end} were not shown (the file was reviewed in parts)`;
  return undefined;
}

/** Models sometimes copy the whole marker ("[ref:ab12]") or "ref:ab12" instead of the id. */
function stripMarker(id: string): string {
  return id.trim().replace(/^\[?ref:/, "").replace(/\]$/, "");
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * Same finding, same print: path + the message normalized (case, spacing, punctuation, numbers; models renumber
 * lines in prose) + the code it points at, whitespace-trimmed. A re-run that says the same about the same code is
 * not posted again; a finding on code that changed gets a new print.
 */
export function fingerprintOf(path: string, message: string, code: string): string {
  const normalized = message.toLowerCase().replace(/[^\p{L}]+/gu, " ").trim();
  const codeKey = code.split("\n").map((line) => line.trim()).join("\n");
  return createHash("sha256").update(`${path}\n${normalized}\n${codeKey}`).digest("hex").slice(0, 16);
}
