// Lines of a file as the matcher sees them: offsets into the text, the content without its line ending,
// the ending itself ("\n", "\r\n" or "" on the last line) and the comparison key.

export interface TextLine {
  start: number;
  /** Offset just past the content, before the line ending. */
  contentEnd: number;
  eol: "" | "\n" | "\r\n";
  content: string;
  /** The content without indentation and trailing whitespace: what a tolerant match compares. */
  key: string;
}

export function lineKey(line: string): string {
  return line.trim();
}

export function splitTextLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    if (newline === -1) {
      const content = text.slice(start);
      lines.push({ start, contentEnd: text.length, eol: "", content, key: lineKey(content) });
      break;
    }
    const crlf = newline > start && text[newline - 1] === "\r";
    const contentEnd = crlf ? newline - 1 : newline;
    const content = text.slice(start, contentEnd);
    lines.push({ start, contentEnd, eol: crlf ? "\r\n" : "\n", content, key: lineKey(content) });
    start = newline + 1;
  }
  return lines;
}

/** Drop blank lines at both ends, counting them. */
export function trimBlankEnds(lines: string[]): { lines: string[]; lead: number; trail: number } {
  // All blank: every line counts as trailing ("" is one empty line that ends nothing).
  if (lines.every((line) => line.trim() === "")) return { lines: [], lead: 0, trail: lines.length };
  let lead = 0;
  while (lead < lines.length && (lines[lead] as string).trim() === "") lead++;
  let end = lines.length;
  while (end > lead && (lines[end - 1] as string).trim() === "") end--;
  return { lines: lines.slice(lead, end), lead, trail: lines.length - end };
}

/** A snippet's lines, line endings normalized; a final line ending ends the last line rather than opening an empty one. */
export function snippetLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
