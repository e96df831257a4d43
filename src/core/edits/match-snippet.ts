// The one matcher: where a model's old_string lands in a file. The exact text first; where it is not found,
// a whitespace-tolerant match (trailing spaces, a consistent indentation shift, CRLF vs LF, blank lines
// added or dropped) that is still unique. A snippet that fits more than one place is never applied, exact or
// tolerant: a patch in the wrong place is worse than none. Used by the propose cycle's edits,
// `prd-bot apply-edits` and the apply job (aider measured flexible matching cutting edit errors ~9-fold).
import { reindentReplacement, type IndentShift } from "./reindent-replacement.js";
import { lineKey, snippetLines, splitTextLines, trimBlankEnds, type TextLine } from "./snippet-lines.js";

export type MatchResult =
  | { ok: true; start: number; end: number; tolerant: boolean }
  | { ok: false; reason: "not_found" | "ambiguous" | "empty"; count: number };

export type ReplaceResult =
  | { ok: true; text: string; tolerant: boolean }
  | { ok: false; reason: string; code: "not_found" | "ambiguous" | "empty"; count: number };

/** A tolerant match over whole lines: the file lines [first, last] and where each search line landed. */
interface LineMatch {
  first: number;
  last: number;
  /** For each non-blank search line (by index into the trimmed search lines), its file line. */
  mapped: Map<number, number>;
  shift: IndentShift;
  /** Some matched search line carried trailing whitespace the file does not have. */
  trailingDiffers: boolean;
}

type Found =
  | { kind: "exact"; start: number; end: number }
  | { kind: "crlf"; start: number; end: number }
  | { kind: "lines"; match: LineMatch; lines: TextLine[]; search: { lines: string[]; lead: number; trail: number } }
  | { kind: "none"; reason: "not_found" | "ambiguous" | "empty"; count: number };

export function matchSnippet(text: string, search: string): MatchResult {
  const found = findSnippet(text, search);
  switch (found.kind) {
    case "none":
      return { ok: false, reason: found.reason, count: found.count };
    case "exact":
      return { ok: true, start: found.start, end: found.end, tolerant: false };
    case "crlf":
      return { ok: true, start: found.start, end: found.end, tolerant: true };
    case "lines": {
      const first = found.lines[found.match.first] as TextLine;
      const last = found.lines[found.match.last] as TextLine;
      return { ok: true, start: first.start, end: last.contentEnd, tolerant: true };
    }
  }
}

/** Replace the one place `search` matches with `replacement`, re-indented and in the file's line endings when tolerant. */
export function replaceSnippet(text: string, search: string, replacement: string): ReplaceResult {
  const found = findSnippet(text, search);
  switch (found.kind) {
    case "none":
      return { ok: false, code: found.reason, count: found.count, reason: describeMiss(found.reason, found.count) };
    case "exact":
      return { ok: true, text: text.slice(0, found.start) + replacement + text.slice(found.end), tolerant: false };
    case "crlf":
      return { ok: true, text: text.slice(0, found.start) + replacement.replace(/\r?\n/g, "\r\n") + text.slice(found.end), tolerant: true };
    case "lines":
      return { ok: true, text: spliceLines(text, found.lines, found.match, found.search, replacement), tolerant: true };
  }
}

function describeMiss(reason: "not_found" | "ambiguous" | "empty", count: number): string {
  if (reason === "empty") return "old_string is empty; quote the exact text to replace";
  if (reason === "ambiguous") {
    return `old_string matches ${count} times (it must match exactly once); include more surrounding lines so it matches exactly once`;
  }
  return "old_string matches 0 times (not even ignoring whitespace differences); copy it exactly from the current file";
}

function findSnippet(text: string, search: string): Found {
  if (search.trim() === "") return { kind: "none", reason: "empty", count: 0 };
  const exact = occurrences(text, search, 2);
  if (exact.length === 1) return { kind: "exact", start: exact[0] as number, end: (exact[0] as number) + search.length };
  if (exact.length > 1) return { kind: "none", reason: "ambiguous", count: occurrences(text, search, Infinity).length };

  // The model usually sees a CRLF file as LF: the same text written the way the file is.
  if (text.includes("\r\n") && search.includes("\n") && !search.includes("\r")) {
    const crlf = search.replace(/\n/g, "\r\n");
    const hits = occurrences(text, crlf, Infinity);
    if (hits.length > 1) return { kind: "none", reason: "ambiguous", count: hits.length };
    if (hits.length === 1) return { kind: "crlf", start: hits[0] as number, end: (hits[0] as number) + crlf.length };
  }

  const lines = splitTextLines(text);
  const searchLines = trimBlankEnds(snippetLines(search));
  const matches = lineMatches(lines, searchLines.lines);
  if (matches.length > 1) return { kind: "none", reason: "ambiguous", count: matches.length };
  if (matches.length === 0) return { kind: "none", reason: "not_found", count: 0 };
  return { kind: "lines", match: matches[0] as LineMatch, lines, search: searchLines };
}

/** Start offsets of `needle` in `haystack`, overlapping ones included ("aa" in "aaa" is two), up to `limit`. */
function occurrences(haystack: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < limit; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Every place the non-blank search lines match consecutive non-blank file lines, comparing each line without
 * its indentation and trailing whitespace, with one indentation shift shared by every line of the place.
 */
function lineMatches(lines: TextLine[], search: string[]): LineMatch[] {
  const wanted = search.flatMap((line, index) => (line.trim() === "" ? [] : [{ index, key: lineKey(line), indent: indentOf(line), line }]));
  if (wanted.length === 0) return [];
  const nonBlank = lines.flatMap((line, index) => (line.key === "" ? [] : [index]));
  const head = wanted[0] as (typeof wanted)[number];
  const results: LineMatch[] = [];
  for (let k = 0; k + wanted.length <= nonBlank.length; k++) {
    if ((lines[nonBlank[k] as number] as TextLine).key !== head.key) continue;
    let shift: IndentShift | undefined;
    let trailingDiffers = false;
    const mapped = new Map<number, number>();
    let ok = true;
    for (const [offset, want] of wanted.entries()) {
      const fileIndex = nonBlank[k + offset] as number;
      const fileLine = lines[fileIndex] as TextLine;
      if (fileLine.key !== want.key) {
        ok = false;
        break;
      }
      const lineShift = shiftBetween(want.indent, indentOf(fileLine.content));
      if (!lineShift || (shift && !sameShift(shift, lineShift))) {
        ok = false;
        break;
      }
      shift ??= lineShift;
      if (want.line.length - want.line.trimEnd().length !== fileLine.content.length - fileLine.content.trimEnd().length) trailingDiffers = true;
      mapped.set(want.index, fileIndex);
    }
    if (!ok || !shift) continue;
    results.push({ first: nonBlank[k] as number, last: nonBlank[k + wanted.length - 1] as number, mapped, shift, trailingDiffers });
  }
  return results;
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? "";
}

/** How the file's indentation relates to the search's: the file adds a prefix, or removes one, or neither. */
function shiftBetween(searchIndent: string, fileIndent: string): IndentShift | undefined {
  if (fileIndent === searchIndent) return { add: "", remove: "" };
  if (fileIndent.endsWith(searchIndent)) return { add: fileIndent.slice(0, fileIndent.length - searchIndent.length), remove: "" };
  if (searchIndent.endsWith(fileIndent)) return { add: "", remove: searchIndent.slice(0, searchIndent.length - fileIndent.length) };
  return undefined;
}

function sameShift(a: IndentShift, b: IndentShift): boolean {
  return a.add === b.add && a.remove === b.remove;
}

/** Splice the replacement into the matched file lines; unchanged lines keep the file's bytes, blank lines the file has stay. */
function spliceLines(
  text: string,
  lines: TextLine[],
  match: LineMatch,
  search: { lines: string[]; lead: number; trail: number },
  replacement: string,
): string {
  // Blank lines next to the match that the search's blank ends stand for (the very end of a file that ends
  // with a line ending is not a line).
  const isBlankLine = (index: number) =>
    index >= 0 && index < lines.length && (lines[index] as TextLine).key === "" && !(index === lines.length - 1 && (lines[index] as TextLine).eol === "");
  let fileLead = 0;
  while (fileLead < search.lead && isBlankLine(match.first - fileLead - 1)) fileLead++;
  let fileTrail = 0;
  while (fileTrail < search.trail && isBlankLine(match.last + fileTrail + 1)) fileTrail++;
  const first = lines[match.first - fileLead] as TextLine;
  const last = lines[match.last + fileTrail] as TextLine;
  const eol = (lines[match.first] as TextLine).eol || first.eol || (text.includes("\r\n") ? "\r\n" : "\n");
  const body = reindentReplacement({
    fileLines: lines.map((line) => line.content),
    first: match.first,
    last: match.last,
    fileLead,
    fileTrail,
    mapped: match.mapped,
    search: search.lines,
    searchLead: search.lead,
    searchTrail: search.trail,
    replacement,
    shift: match.shift,
    trimTrailing: match.trailingDiffers,
  });
  if (body.length === 0) {
    // Nothing left: the lines go with their line ending, so no empty line remains where they were.
    const end = last.eol ? last.contentEnd + last.eol.length : last.contentEnd;
    const before = lines.indexOf(first) - 1;
    const start = last.eol || before < 0 ? first.start : first.start - (lines[before] as TextLine).eol.length;
    return text.slice(0, start) + text.slice(end);
  }
  return text.slice(0, first.start) + body.join(eol) + text.slice(last.contentEnd);
}
