// Which lines of a unified diff a review comment may point at. Both forges accept comments only on lines
// inside a hunk: added and context lines on the new side (RIGHT), removed and context lines on the old side
// (LEFT). A comment spanning several lines must stay inside one hunk (GitHub refuses it otherwise).
// `patch` is a file's hunks as GitHub's compare gives them (from the first `@@`), or a whole `git diff` of
// one file; the header lines before the first hunk are ignored (the walk is `core/diff/parse-patch.ts`).
import { parsePatch } from "../diff/parse-patch.js";

export interface DiffSides {
  /** New-side line → index of the hunk it is in. */
  right: Map<number, number>;
  /** Old-side line → index of the hunk it is in. */
  left: Map<number, number>;
}

export function diffSides(patch: string | undefined): DiffSides {
  const { right, left } = parsePatch(patch);
  return { right, left };
}

/** Commentable new-side lines of `patch`. */
export function diffLines(patch: string | undefined): Set<number> {
  return new Set(diffSides(patch).right.keys());
}

export type Placement =
  | { ok: true; line: number; startLine?: number; side: "RIGHT" | "LEFT"; range: boolean }
  | { ok: false; reason: string };

/**
 * Where a comment on `startLine..line` can go: the whole range when it lies in one hunk (`range: true`), else
 * its last line alone when that is in the diff (`range: false`), else nowhere.
 */
export function placeComment(sides: DiffSides, target: { line: number; startLine?: number; side?: "RIGHT" | "LEFT" }): Placement {
  const side = target.side ?? "RIGHT";
  const lines = side === "RIGHT" ? sides.right : sides.left;
  const hunk = lines.get(target.line);
  if (hunk === undefined) return { ok: false, reason: `line ${target.line} (${side === "RIGHT" ? "new" : "old"} side) is not part of the diff` };
  const start = target.startLine;
  if (start === undefined || start >= target.line) return { ok: true, line: target.line, side, range: start === undefined || start === target.line };
  for (let n = start; n < target.line; n++) {
    if (lines.get(n) !== hunk) return { ok: true, line: target.line, side, range: false };
  }
  return { ok: true, line: target.line, startLine: start, side, range: true };
}
