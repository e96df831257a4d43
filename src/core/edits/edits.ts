// Apply semantics of a proposal, without touching a disk: each file becomes ADD, UPDATE or NOOP against
// the current tree (the reference bot's Mem0-style modes), or the plan fails naming the file and why.
import type { Edit, FileMode, PlannedFile, Proposal, ProposalFile } from "../types.js";
import { replaceSnippet } from "./match-snippet.js";

export type PlanResult = { ok: true; files: PlannedFile[] } | { ok: false; path: string; reason: string };

/**
 * Plan every file of `proposal` against `current` (path → content, undefined or absent key when the file
 * does not exist). A model that is confused about the tree is told so, never papered over: is_new on an
 * existing file, a change to a missing file, or an old_string that does not match exactly once all fail.
 */
export function planFiles(proposal: Proposal, current: ReadonlyMap<string, string | undefined>): PlanResult {
  const files: PlannedFile[] = [];
  const seen = new Set<string>();
  for (const [index, file] of proposal.files.entries()) {
    const where = `files[${index}] (${file.path})`;
    if (seen.has(file.path)) {
      return { ok: false, path: file.path, reason: `${where}: the path appears more than once; put all changes to a file in one entry` };
    }
    seen.add(file.path);
    const planned = planFile(file, current.get(file.path), where);
    if (!planned.ok) return planned;
    files.push(planned.file);
  }
  return { ok: true, files };
}

function planFile(
  file: ProposalFile,
  before: string | undefined,
  where: string,
): { ok: true; file: PlannedFile } | { ok: false; path: string; reason: string } {
  const failure = (reason: string) => ({ ok: false as const, path: file.path, reason: `${where}: ${reason}` });
  if (file.is_new) {
    if (before !== undefined) return failure("is_new is true but the file already exists; send is_new: false with edits or its whole new content");
    return { ok: true, file: { path: file.path, mode: "ADD", before: undefined, after: "content" in file ? file.content : "" } };
  }
  if (before === undefined) return failure("is_new is false but the file does not exist; set is_new: true to create it, or fix the path");
  let after: string;
  let tolerant: number[] = [];
  if ("edits" in file) {
    const applied = applyEdits(before, file.edits);
    if (!applied.ok) return failure(applied.reason);
    after = applied.text;
    tolerant = applied.tolerant;
  } else {
    after = file.content;
  }
  const planned: PlannedFile = { path: file.path, mode: after === before ? "NOOP" : "UPDATE", before, after };
  if (tolerant.length > 0) planned.tolerant_edits = tolerant;
  return { ok: true, file: planned };
}

/**
 * Apply search/replace edits in order, each through the one matcher (`match-snippet.ts`) against the text as
 * edited so far: the exact text once, else a unique whitespace-tolerant match. `tolerant` lists the edits
 * (by index) that only matched tolerantly, for the log and the record.
 */
export function applyEdits(
  text: string,
  edits: readonly Edit[],
): { ok: true; text: string; tolerant: number[] } | { ok: false; reason: string } {
  let result = text;
  const tolerant: number[] = [];
  for (const [index, edit] of edits.entries()) {
    const replaced = replaceSnippet(result, edit.old_string, edit.new_string);
    if (!replaced.ok) return { ok: false, reason: `edits[${index}].${replaced.reason}` };
    if (replaced.tolerant) tolerant.push(index);
    result = replaced.text;
  }
  return { ok: true, text: result, tolerant };
}

export function summarizeModes(files: readonly Pick<PlannedFile, "mode">[]): Record<FileMode, number> {
  const counts: Record<FileMode, number> = { ADD: 0, UPDATE: 0, NOOP: 0 };
  for (const file of files) counts[file.mode]++;
  return counts;
}

/**
 * Lines added plus lines removed between two texts, as `git diff --numstat` counts them (a changed line is
 * one removal and one addition; a missing final newline changes the last line). `before` undefined is a new
 * file. With `limit`, the count is exact up to `limit` and otherwise some number above it: policy only needs
 * to know "too many", and stopping early bounds the work by limit × lines instead of lines².
 */
export function countChangedLines(before: string | undefined, after: string, limit = Number.POSITIVE_INFINITY): number {
  const a = splitLines(before ?? "");
  const b = splitLines(after);
  // Lines only one side has are always part of the diff, and dropping them leaves the common subsequence
  // unchanged while shrinking Myers' worst case (a rewritten file becomes a near-empty comparison).
  const ids = new Map<string, number>();
  const idOf = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
    return id;
  };
  const aIds = a.map(idOf);
  const bIds = b.map(idOf);
  const inA = new Set(aIds);
  const inB = new Set(bIds);
  const aShared = aIds.filter((id) => inB.has(id));
  const bShared = bIds.filter((id) => inA.has(id));
  const unique = a.length - aShared.length + (b.length - bShared.length);
  if (unique > limit) return unique;
  return unique + editDistance(aShared, bShared, limit - unique);
}

function splitLines(text: string): string[] {
  // Each line keeps its "\n", so "a" and "a\n" differ the way git sees them.
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/**
 * Insertions plus deletions between two sequences: Myers' O((N+M)·D) greedy forward search, keeping only
 * the furthest-reaching array. Returns a number above `cap` as soon as the distance is known to exceed it.
 */
function editDistance(a: number[], b: number[], cap: number): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return n + m;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    if (d > cap) return d;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}
