// Splits a PRD into independent parse units and says which ones must be parsed at all.
//
// Why: micromark (behind mdast-util-from-markdown) runs at a few hundred KB/s and grows faster than
// linearly on one big document, so a 5 MB PRD would take tens of seconds. A gap lives in a block that
// contains the tag, and a section path only needs the headings, so only units holding the tag or a line
// that could be a heading are parsed; the rest is never handed to the parser.
//
// A unit starts only where CommonMark guarantees that a new root-level block starts, whatever came before:
// a line at column 0, outside any fenced code block or HTML block, that follows a blank line, or that is
// an ATX heading or a bullet list item (both interrupt a paragraph). A column-0 line cannot continue a list
// item, a block quote, an indented code block or a table after a blank line, so units parse to the same
// nodes as the whole document. Fences and HTML blocks are tracked conservatively: when unsure, a line counts
// as inside them, which only makes units longer. test/unit/gaps-units.test.ts checks that both ways agree.

/** Lines `[start, end)` of the document (0-based) that are parsed together. */
export interface ParseUnit {
  start: number;
  end: number;
  /** Set when the unit is one ATX heading of plain words: its text is known without parsing. */
  heading?: { depth: number; text: string };
}

export interface UnitPlan {
  /** Units to parse, in document order; units without the tag or a heading are left out. */
  units: ParseUnit[];
  /**
   * Units with a line that may be a link reference definition (`[spec]: https://…`). A definition anywhere
   * turns `[spec]` everywhere into a link, which changes a gap's text, so these are parsed first and the
   * definitions found are appended to every parse (see gaps-walk.ts).
   */
  definitionUnits: ParseUnit[];
}

const BLANK = /^[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_AT_ZERO = /^#{1,6}(?:[ \t]|$)/;
const BULLET_AT_ZERO = /^[-*+][ \t]+\S/;
const HEADING_LIKE = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)/;
// Loose on purpose (definitions may sit in quotes and list items): the parser decides what really is one.
const DEFINITION_LIKE = /^[ \t>*+\-\d.)]*\[(?!\^)(?:[^\]\\]|\\.)+\]:/;
// An ATX heading whose words have no character with a meaning in markdown inline syntax or HTML, so its
// text is the words themselves; anything fancier goes to the parser.
const PLAIN_HEADING = /^(#{1,6})[ \t]+([A-Za-z0-9][A-Za-z0-9 \t,.:;?'"()/+=%-]*?)(?:[ \t]+#+)?[ \t]*$/;

// HTML blocks of kinds 1-5 end at a marker, possibly many blank lines later; kinds 6 and 7 at a blank line.
const HTML_UNTIL_MARKER: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HTML_UNTIL_BLANK = /^ {0,3}<\/?[A-Za-z]/;

/** Plans the parse of `lines` (the document split at line endings) for gaps tagged `tag`. */
export function planUnits(lines: readonly string[], tag: string): UnitPlan {
  const units: ParseUnit[] = [];
  const definitionUnits: ParseUnit[] = [];
  const blocks = new OpenBlocks();
  let previousBlank = true;
  let start = 0;
  let needed = false;
  let defines = false;
  const close = (end: number): void => {
    if (needed) units.push(withHeading(lines, { start, end }, tag));
    if (defines) definitionUnits.push({ start, end });
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const blank = BLANK.test(line);
    const atZero = !blank && line.charCodeAt(0) !== 32 && line.charCodeAt(0) !== 9;

    if (atZero && i > start && blocks.outsideAt(line) && startsBlock(line, previousBlank)) {
      close(i);
      start = i;
      needed = false;
      defines = false;
    }
    // Inside a fence opened at column 0 a line is certainly code: its tag is an example and its `# ` is a
    // comment. In any other block it still counts: a missed heading would shift every later section.
    if (!blocks.certainlyCode() && (line.includes(tag) || HEADING_LIKE.test(line))) needed = true;
    if (!blocks.certainlyCode() && DEFINITION_LIKE.test(line)) defines = true;

    blocks.step(line, blank);
    previousBlank = blank;
  }
  if (start < lines.length) close(lines.length);
  return { units, definitionUnits };
}

/** A fenced code block or HTML block the scan is inside. */
interface Block {
  fence: { char: string; length: number } | null;
  /** For an HTML block: the end marker, or "blank" (kinds 6 and 7 end at a blank line). */
  html: RegExp | "blank" | null;
  /**
   * 0 when read as root-level; else the content column of the list item it is read to belong to: a
   * non-blank line indented less ends the item, and the block with it.
   */
  inItem: number;
  /** A fence opened at column 0: it is root-level, so every line until its closing fence is code. */
  rootFence: boolean;
}

/**
 * Every reading of the document so far that cannot be ruled out with a line scan. A fence or HTML block
 * indented by 2-3 spaces may be root-level (it ends only at its own end) or belong to a list item whose
 * content starts at column 2 or 3 (it also ends where the item ends). Guessing wrong once would misread
 * every later fence, so all readings are followed; a unit may start only where all of them are outside
 * any block. Readings that agree merge.
 */
class OpenBlocks {
  private states: (Block | null)[] = [null];
  /** Past this many readings the scan stops starting units (the rest is parsed as one: slower, still right). */
  private static readonly MAX_READINGS = 16;
  private gaveUp = false;

  outsideAt(line: string): boolean {
    if (this.gaveUp) return false;
    return this.states.every((state) => state === null || (state.inItem > 0 && indentOf(line) < state.inItem));
  }

  certainlyCode(): boolean {
    return this.states.every((state) => state !== null && state.rootFence);
  }

  step(line: string, blank: boolean): void {
    const next = new Map<string, Block | null>();
    for (const state of this.states) {
      for (const after of advance(state, line, blank)) next.set(key(after), after);
    }
    this.states = [...next.values()];
    if (this.states.length > OpenBlocks.MAX_READINGS) {
      this.gaveUp = true;
      this.states = [null];
    }
  }
}

/** Columns of leading whitespace (a tab goes to the next multiple of 4), counted up to 4. */
function indentOf(line: string): number {
  let column = 0;
  for (let i = 0; i < line.length && column < 4; i += 1) {
    const code = line.charCodeAt(i);
    if (code === 32) column += 1;
    else if (code === 9) column += 4 - (column % 4);
    else break;
  }
  return Math.min(column, 4);
}

function key(state: Block | null): string {
  if (state === null) return "-";
  const end = state.fence ? `${state.fence.char}${state.fence.length}` : String(state.html);
  return `${end}|${state.inItem}|${state.rootFence ? 1 : 0}`;
}

function advance(state: Block | null, line: string, blank: boolean): (Block | null)[] {
  if (state === null || (state.inItem > 0 && !blank && indentOf(line) < state.inItem)) return open(line);
  if (state.fence) return [closesFence(line, state.fence) ? null : state];
  if (state.html === "blank") return [blank ? null : state];
  return [state.html?.test(line) ? null : state];
}

function open(line: string): (Block | null)[] {
  const fence = opensFence(line);
  const html = fence === null ? opensHtml(line) : null;
  if (fence === null && html === null) return [null];
  const indent = indentOf(line);
  const root: Block = { fence, html, inItem: 0, rootFence: fence !== null && indent === 0 };
  // A list item's content starts at column 2 at the least ("- x"), so only 2-3 spaces leave a doubt.
  const readings: Block[] = [root];
  for (let column = 2; column <= indent; column += 1) readings.push({ ...root, inItem: column });
  return readings;
}

function startsBlock(line: string, previousBlank: boolean): boolean {
  return previousBlank || ATX_AT_ZERO.test(line) || BULLET_AT_ZERO.test(line);
}

function withHeading(lines: readonly string[], unit: ParseUnit, tag: string): ParseUnit {
  const first = lines[unit.start] as string;
  const match = PLAIN_HEADING.exec(first);
  if (!match || first.includes(tag)) return unit;
  for (let i = unit.start + 1; i < unit.end; i += 1) if (!BLANK.test(lines[i] as string)) return unit;
  const text = (match[2] as string).replace(/\s+/g, " ").trim();
  return { ...unit, heading: { depth: (match[1] as string).length, text } };
}


function opensFence(line: string): { char: string; length: number } | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[1] as string;
  // A backtick fence's info string cannot contain a backtick (that line is inline code instead).
  if (marker[0] === "`" && (match[2] ?? "").includes("`")) return null;
  return { char: marker[0] as string, length: marker.length };
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  const marker = match?.[1];
  return marker !== undefined && marker[0] === fence.char && marker.length >= fence.length;
}

function opensHtml(line: string): RegExp | "blank" | null {
  for (const [open, close] of HTML_UNTIL_MARKER) {
    if (open.test(line)) return close.test(line.replace(open, "")) ? null : close;
  }
  return HTML_UNTIL_BLANK.test(line) ? "blank" : null;
}
