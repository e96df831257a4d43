// Gaps: the `[bot-eligible]` items of a PRD, found by parsing the markdown (CommonMark + GFM), not by
// scanning lines, so a tag in a code block or in inline code is an example, not a request.
//
// What counts as a gap:
// - a list item whose own first paragraph carries the tag (its sub-items are gaps of their own), a
//   paragraph, or a heading. A tag inside a fenced or indented code block, inline code, HTML or
//   strikethrough (`~~[bot-eligible]~~` withdraws an item) does not count.
// - a body row of a table whose cells carry the tag: PRDs often list requirements as table rows. Its kind
//   is "paragraph" (Gap has no row kind) and its text is the non-empty cells joined with " | ". The header
//   row only names columns and never counts.
// - a block that holds nothing but the tag is not a gap (there is no work to name).
//
// Ids: the first 12 hex characters of sha256 over the text lowercased with whitespace collapsed (the tag
// and the checkbox are already gone), so moving or re-indenting an item keeps its id and editing its words
// changes it. Items with the same text would share an id: the second and later ones, in document order,
// get "-2", "-3", … appended. Reordering two identical items therefore swaps their ids.
import { createHash } from "node:crypto";
import type { Gap } from "../types.js";
import { planUnits } from "./gaps-units.js";
import { walkUnits, type RawGap } from "./gaps-walk.js";

export interface FindGapsOptions {
  /** The tag that marks a gap (config `prd.tag`). */
  tag: string;
  /** PRD lines kept on each side of the item in `Gap.context` (default 3). */
  contextLines?: number;
  /**
   * "units" (default) parses only the parts of the document that hold the tag or a heading (see
   * gaps-units.ts); "whole" parses the whole document at once. Both give the same gaps; "whole" exists to
   * prove it and is much slower on large documents.
   */
  parse?: "units" | "whole";
}

const DEFAULT_CONTEXT_LINES = 3;

/** Every gap of the PRD in document order, checked ones included (see `openGaps`). */
export function findGaps(markdown: string, options: FindGapsOptions): Gap[] {
  const tag = options.tag;
  if (typeof tag !== "string" || tag.trim() === "") {
    throw new Error('findGaps: the tag is empty. Set `prd.tag` in .github/prd-bot.yml (default "[bot-eligible]").');
  }
  const contextLines = options.contextLines ?? DEFAULT_CONTEXT_LINES;
  if (!Number.isInteger(contextLines) || contextLines < 0) {
    throw new Error(`findGaps: contextLines must be a whole number >= 0, got ${String(contextLines)}.`);
  }
  const lines = splitLines(markdown);
  const plan =
    options.parse === "whole"
      ? { units: lines.length > 0 ? [{ start: 0, end: lines.length }] : [], definitionUnits: [] }
      : planUnits(lines, tag);
  const raw = walkUnits(lines, plan, tag);
  return withIds(raw).map(({ gap, id }) => ({
    id,
    line: gap.line,
    text: gap.text,
    section: gap.section,
    checked: gap.checked,
    kind: gap.kind,
    context: context(lines, gap, contextLines),
    files: gap.files,
  }));
}

/** Gaps of `newMarkdown` whose id is not among the gaps of `oldMarkdown`: added or reworded since then. */
export function gapsSince(oldMarkdown: string | undefined, newMarkdown: string, tag: string): Gap[] {
  const current = findGaps(newMarkdown, { tag });
  if (oldMarkdown === undefined) return current;
  const before = new Set(findGaps(oldMarkdown, { tag }).map((gap) => gap.id));
  return current.filter((gap) => !before.has(gap.id));
}

/** The gaps still to do (unchecked), in document order. */
export function openGaps(gaps: readonly Gap[]): Gap[] {
  return gaps.filter((gap) => !gap.checked).sort((a, b) => a.line - b.line);
}

/** The id a gap with this text gets (its first occurrence). */
export function gapId(text: string): string {
  const normalized = text.toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalized, "utf8").digest("hex").slice(0, 12);
}

function withIds(raw: RawGap[]): { gap: RawGap; id: string }[] {
  const seen = new Map<string, number>();
  return raw.map((gap) => {
    const base = gapId(gap.text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { gap, id: count === 1 ? base : `${base}-${count}` };
  });
}

function splitLines(markdown: string): string[] {
  const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  if (text === "") return [];
  // The same line endings micromark counts (CRLF, CR, LF), so positions map back to these lines.
  return text.split(/\r\n|\r|\n/);
}

/**
 * The item's lines with `n` lines around them, and what it hangs under when that is further away: the
 * heading above, and for a nested list item its parent items (a sub-item often reads "- the same for
 * titles" and means nothing without them).
 */
function context(lines: readonly string[], gap: RawGap, n: number): string {
  const from = Math.max(1, gap.line - n);
  const to = Math.min(lines.length, Math.max(gap.line, gap.endLine) + n);
  const window = lines.slice(from - 1, to);
  const above: { start: number; end: number }[] = [];
  if (gap.headingLine !== 0 && gap.headingLine < from) above.push({ start: gap.headingLine, end: gap.headingLine });
  for (const parent of gap.parents) {
    const end = Math.min(parent.end, from - 1);
    if (parent.start < from && !above.some((a) => a.end >= parent.start)) above.push({ start: parent.start, end });
  }
  const out: string[] = [];
  let next = 0;
  for (const block of above) {
    if (next !== 0 && block.start > next) out.push("…");
    out.push(...lines.slice(block.start - 1, block.end));
    next = block.end + 1;
  }
  if (next !== 0 && next < from) out.push("…");
  return [...out, ...window].join("\n");
}
