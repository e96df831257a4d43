// A file's unified diff (the hunks GitHub and Gitea return as `patch`, or `git diff` prints), read once for every
// job: which lines were added (new-side numbers) and removed (old-side numbers), where each change sits on the
// new side (a pure deletion sits at the new-side line after it: the review's query, parts and priority), and
// which lines of each side lie inside which hunk (where a comment may point). Header lines before the first
// hunk are ignored; a line that is none of + - space ends the hunk ("diff --git" of a following file).

export interface PatchHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

export interface ParsedPatch {
  hunks: PatchHunk[];
  added: { line: number; text: string }[];
  removed: { line: number; text: string }[];
  /** New-side lines the change touches: added lines, and the new-side position of each deletion. */
  changedLines: number[];
  /** New-side line → index of its hunk, for added and context lines. */
  right: Map<number, number>;
  /** Old-side line → index of its hunk, for removed and context lines. */
  left: Map<number, number>;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(patch: string | undefined): ParsedPatch {
  const result: ParsedPatch = { hunks: [], added: [], removed: [], changedLines: [], right: new Map(), left: new Map() };
  if (!patch) return result;
  const changed = new Set<number>();
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const line of patch.split("\n")) {
    // A CRLF file's diff keeps its \r on each line; the texts are the lines without it.
    const raw = line.endsWith("\r") ? line.slice(0, -1) : line;
    const header = HUNK.exec(raw);
    if (header) {
      const hunk = {
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
      };
      result.hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
      inHunk = true;
      continue;
    }
    if (!inHunk || raw.startsWith("\\")) continue; // before the first hunk; "\ No newline at end of file"
    const hunkIndex = result.hunks.length - 1;
    const mark = raw[0];
    const text = raw.slice(1);
    if (mark === "+") {
      result.added.push({ line: newLine, text });
      result.right.set(newLine, hunkIndex);
      changed.add(newLine);
      newLine += 1;
    } else if (mark === "-") {
      result.removed.push({ line: oldLine, text });
      result.left.set(oldLine, hunkIndex);
      changed.add(Math.max(1, newLine));
      oldLine += 1;
    } else if (mark === " " || raw === "") {
      // A context line (an empty one when a tool trimmed its leading space).
      result.right.set(newLine, hunkIndex);
      result.left.set(oldLine, hunkIndex);
      oldLine += 1;
      newLine += 1;
    } else {
      inHunk = false; // "diff --git" of a following file in a multi-file patch
    }
  }
  result.changedLines = [...changed].sort((a, b) => a - b);
  return result;
}
