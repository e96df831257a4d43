// Markdown cut into chunks a model can be shown and cite: first by structure (one section per heading, fenced
// code never mistaken for headings), then sections longer than `maxChars` into windows of at most `maxChars`
// with `overlap` characters shared, cut at paragraph or line ends where one is near. Each chunk keeps its
// document, heading path and UTF-8 byte offset, and an id derived from those and its text: the same text under
// the same heading of the same document gets the same id in every run, so ids can key caches (embeddings) and
// citations survive re-runs while the document is unchanged.
import { createHash } from "node:crypto";

export interface MarkdownChunk {
  /** 12 hex digits: sha256 of document, heading path and text (a repeat in the same section gets "-2", "-3"…). */
  id: string;
  document: string;
  /** Headings from the top of the document down to this chunk's section ([] before the first heading). */
  heading: string[];
  /** UTF-8 byte offset of the chunk's first character in the document. */
  offset: number;
  /** 1-based line of the chunk's first character. */
  line: number;
  text: string;
}

export interface ChunkOptions {
  /** Longest chunk in characters (default 1600). */
  maxChars?: number;
  /** Characters shared by consecutive windows of one long section (default 200). */
  overlap?: number;
}

interface Section {
  heading: string[];
  start: number;
  end: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

export function chunkMarkdown(document: string, text: string, options: ChunkOptions = {}): MarkdownChunk[] {
  const maxChars = Math.max(50, options.maxChars ?? 1600);
  const overlap = Math.min(Math.max(0, options.overlap ?? 200), Math.floor(maxChars / 2));
  const chunks: MarkdownChunk[] = [];
  const seen = new Map<string, number>();
  const bytes = byteOffsets(text);
  const lines = lineStarts(text);
  for (const section of sectionsOf(text)) {
    for (const window of windowsOf(text, section.start, section.end, maxChars, overlap)) {
      const body = text.slice(window.start, window.end);
      if (body.trim() === "") continue;
      const base = createHash("sha256").update(`${document}\0${section.heading.join("\0")}\0${body}`).digest("hex").slice(0, 12);
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      chunks.push({
        id: count === 1 ? base : `${base}-${count}`,
        document,
        heading: section.heading,
        offset: bytes(window.start),
        line: lineOf(lines, window.start),
        text: body,
      });
    }
  }
  return chunks;
}

/** Sections by ATX and setext headings, skipping fenced code; text before the first heading is its own section. */
function sectionsOf(text: string): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let fence: string | undefined;
  let start = 0;
  let pos = 0;
  let previous: { start: number; text: string } | undefined;
  const open = (at: number, level: number, title: string): void => {
    if (at > start) sections.push({ heading: stack.map((h) => h.title), start, end: at });
    while (stack.length > 0 && (stack.at(-1) as { level: number }).level >= level) stack.pop();
    stack.push({ level, title: title.trim() || "(untitled)" });
    start = at;
  };
  while (pos < text.length) {
    const newline = text.indexOf("\n", pos);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(pos, end).replace(/\r?\n$/, "");
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && (fenceMatch[1] as string)[0] === fence[0] && (fenceMatch[1] as string).length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else {
      const atx = ATX.exec(line);
      const setext = previous && previous.text.trim() !== "" && !ATX.test(previous.text) ? SETEXT.exec(line) : null;
      if (atx) open(pos, (atx[1] as string).length, atx[2] ?? "");
      else if (setext && previous) open(previous.start, (setext[1] as string)[0] === "=" ? 1 : 2, previous.text);
    }
    previous = fence === undefined ? { start: pos, text: line } : undefined;
    pos = end;
  }
  if (text.length > start) sections.push({ heading: stack.map((h) => h.title), start, end: text.length });
  return sections;
}

/** [start, end) windows of at most maxChars, consecutive ones sharing `overlap` characters, cut at a blank line or line end when one is in the last third. */
function windowsOf(text: string, start: number, end: number, maxChars: number, overlap: number): { start: number; end: number }[] {
  if (end - start <= maxChars) return [{ start, end }];
  const windows: { start: number; end: number }[] = [];
  let from = start;
  for (;;) {
    if (end - from <= maxChars) {
      windows.push({ start: from, end });
      return windows;
    }
    const limit = from + maxChars;
    const floor = from + Math.floor((maxChars * 2) / 3);
    const paragraph = text.lastIndexOf("\n\n", limit - 2);
    const line = text.lastIndexOf("\n", limit - 1);
    const cut = paragraph >= floor ? paragraph + 2 : line >= floor ? line + 1 : limit;
    windows.push({ start: from, end: cut });
    let next = Math.max(from + 1, cut - overlap);
    // Start the next window at a line start when one is inside the overlap, so chunks begin cleanly.
    const lineStart = text.indexOf("\n", next);
    if (lineStart !== -1 && lineStart + 1 < cut) next = lineStart + 1;
    from = next;
  }
}

/** Character index → UTF-8 byte offset, incremental (chunks are visited in order). */
function byteOffsets(text: string): (index: number) => number {
  let at = 0;
  let bytes = 0;
  return (index) => {
    if (index < at) {
      at = 0;
      bytes = 0;
    }
    bytes += Buffer.byteLength(text.slice(at, index), "utf8");
    at = index;
    return bytes;
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
