// A file's unified diff (the hunks GitHub and Gitea return as `patch`, or `git diff` prints) as the review needs
// it: which lines were added (new-side numbers), which were removed, and where each change sits on the new side
// (a pure deletion sits at the new-side line after it), for the query, the parts of a large file and the
// changed-lines priority.

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
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(patch: string | undefined): ParsedPatch {
  const result: ParsedPatch = { hunks: [], added: [], removed: [], changedLines: [] };
  if (!patch) return result;
  const changed = new Set<number>();
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const raw of patch.split("\n")) {
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
    if (!inHunk || raw.startsWith("\\")) continue;
    const mark = raw[0];
    const text = raw.slice(1);
    if (mark === "+") {
      result.added.push({ line: newLine, text });
      changed.add(newLine);
      newLine += 1;
    } else if (mark === "-") {
      result.removed.push({ line: oldLine, text });
      changed.add(Math.max(1, newLine));
      oldLine += 1;
    } else if (mark === " " || raw === "") {
      oldLine += 1;
      newLine += 1;
    } else {
      inHunk = false; // "diff --git" of a following file in a multi-file patch
    }
  }
  result.changedLines = [...changed].sort((a, b) => a - b);
  return result;
}
