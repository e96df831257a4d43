// Rebuilding the lines of a tolerant match: the search → replacement change (a line diff between the two,
// both written by the model in the same indentation) is replayed onto the file's own lines. Lines the
// change keeps stay byte for byte as the file has them, blank lines the file has and the search lacked
// stay, and added lines take the file's indentation through the match's shift.
import { snippetLines, trimBlankEnds } from "./snippet-lines.js";

/** The file's indentation = the search's with `add` prepended, or with the prefix `remove` taken off. */
export interface IndentShift {
  add: string;
  remove: string;
}

export interface ReindentInput {
  fileLines: string[];
  first: number;
  last: number;
  /** Blank file lines just before `first` / after `last` (at most the search's blank ends) that the result replaces too. */
  fileLead: number;
  fileTrail: number;
  /** Non-blank search line index → the file line it matched. */
  mapped: ReadonlyMap<number, number>;
  /** The search lines, blank lines at both ends dropped (as matched). */
  search: string[];
  searchLead: number;
  searchTrail: number;
  /** The replacement as the model wrote it. */
  replacement: string;
  shift: IndentShift;
  /** Strip trailing whitespace from added lines (the search had some the file does not). */
  trimTrailing: boolean;
}

type Op = { kind: "equal"; i: number; j: number } | { kind: "delete"; i: number } | { kind: "insert"; j: number };

/** The lines that replace file lines [first - fileLead, last + fileTrail]. Empty when the replacement removes them all. */
export function reindentReplacement(input: ReindentInput): string[] {
  const { fileLines, mapped, shift } = input;
  const trimmed = trimBlankEnds(snippetLines(input.replacement));
  const added = trimmed.lines;
  const out: string[] = [];
  // Blank lines around the match that the search's own blank ends cover: kept, dropped or added as the
  // replacement's blank ends say.
  out.push(...blankEnd(fileLines.slice(input.first - input.fileLead, input.first), input.searchLead, trimmed.lead, "lead"));
  let pointer = input.first;
  const isBlank = (index: number) => index <= input.last && (fileLines[index] as string).trim() === "";
  const emitUpTo = (index: number) => {
    for (; pointer < index; pointer++) out.push(fileLines[pointer] as string);
  };
  let nextSearch = 0;
  let previous: Op["kind"] = "equal";
  for (const op of diffLines(input.search, added)) {
    const after = previous;
    previous = op.kind;
    if (op.kind === "insert") {
      // A block added after a kept line goes after the blank lines the file has there and the search dropped
      // (git shows a new block after the blank context line); blank lines the search still has are left for
      // its own ops. Lines that replace removed ones take their place, before the blank lines.
      if (after !== "equal") {
        out.push(adjust(added[op.j] as string, shift, input.trimTrailing));
        continue;
      }
      let searchBlanks = 0;
      while (nextSearch + searchBlanks < input.search.length && (input.search[nextSearch + searchBlanks] as string).trim() === "") searchBlanks++;
      let fileBlanks = 0;
      while (isBlank(pointer + fileBlanks)) fileBlanks++;
      for (let surplus = fileBlanks - searchBlanks; surplus > 0; surplus--) out.push(fileLines[pointer++] as string);
      out.push(adjust(added[op.j] as string, shift, input.trimTrailing));
      continue;
    }
    nextSearch = op.i + 1;
    const fileIndex = mapped.get(op.i);
    if (fileIndex === undefined) {
      // A blank search line: the file may or may not have one here.
      if (isBlank(pointer)) {
        if (op.kind === "equal") out.push(fileLines[pointer] as string);
        pointer++;
      }
      continue;
    }
    emitUpTo(fileIndex);
    if (op.kind === "equal") out.push(fileLines[fileIndex] as string);
    pointer = fileIndex + 1;
  }
  emitUpTo(input.last + 1);
  out.push(...blankEnd(fileLines.slice(input.last + 1, input.last + 1 + input.fileTrail), input.searchTrail, trimmed.trail, "trail"));
  return out;
}

/** The file's blank lines at one end of the match, after the replacement's change to the search's count there. */
function blankEnd(fileBlanks: string[], searchCount: number, replacementCount: number, end: "lead" | "trail"): string[] {
  if (replacementCount >= searchCount) return [...fileBlanks, ...Array<string>(replacementCount - searchCount).fill("")];
  const keep = Math.max(0, fileBlanks.length - (searchCount - replacementCount));
  return end === "lead" ? fileBlanks.slice(fileBlanks.length - keep) : fileBlanks.slice(0, keep);
}

function adjust(line: string, shift: IndentShift, trimTrailing: boolean): string {
  let result = trimTrailing ? line.trimEnd() : line;
  if (result.trim() === "") return result;
  if (shift.add) result = shift.add + result;
  else if (shift.remove) result = result.startsWith(shift.remove) ? result.slice(shift.remove.length) : result.trimStart();
  return result;
}

/** Line diff of `a` → `b` (equal lines compared without trailing whitespace): common ends, then LCS on the middle. */
export function diffLines(a: string[], b: string[]): Op[] {
  const key = (line: string) => line.trimEnd();
  let head = 0;
  while (head < a.length && head < b.length && key(a[head] as string) === key(b[head] as string)) head++;
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && key(a[tailA - 1] as string) === key(b[tailB - 1] as string)) {
    tailA--;
    tailB--;
  }
  const ops: Op[] = [];
  for (let n = 0; n < head; n++) ops.push({ kind: "equal", i: n, j: n });
  const n = tailA - head;
  const m = tailB - head;
  if (n * m > 1_000_000) {
    // Too big to align line by line: the middle is replaced whole (still correct, only fewer bytes kept).
    for (let i = head; i < tailA; i++) ops.push({ kind: "delete", i });
    for (let j = head; j < tailB; j++) ops.push({ kind: "insert", j });
  } else {
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        const row = lcs[i] as Uint32Array;
        row[j] =
          key(a[head + i] as string) === key(b[head + j] as string)
            ? (lcs[i + 1] as Uint32Array)[j + 1]! + 1
            : Math.max((lcs[i + 1] as Uint32Array)[j]!, row[j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && key(a[head + i] as string) === key(b[head + j] as string)) {
        ops.push({ kind: "equal", i: head + i++, j: head + j++ });
      } else if (i < n && (j === m || (lcs[i + 1] as Uint32Array)[j]! >= (lcs[i] as Uint32Array)[j + 1]!)) {
        // Removals before additions, so a changed line's file neighbours (blank lines) stay before it.
        ops.push({ kind: "delete", i: head + i++ });
      } else {
        ops.push({ kind: "insert", j: head + j++ });
      }
    }
  }
  for (let k = 0; k < a.length - tailA; k++) ops.push({ kind: "equal", i: tailA + k, j: tailB + k });
  return ops;
}
