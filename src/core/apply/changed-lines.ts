// The one stretch of lines a change replaces, for a suggestion: lines [start, end] (1-based) of the old text
// become `lines`. A pure insertion is anchored on the line before it (a suggestion must cover a line).
export interface LineChange {
  start: number;
  end: number;
  lines: string[];
}

export function changedLines(before: string, after: string): LineChange | undefined {
  if (before === after) return undefined;
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  let start = head;
  const end = a.length - tail; // exclusive
  let replacement = b.slice(head, b.length - tail);
  if (end <= start) {
    // Nothing replaced: take the line before (or after, at the top) as the anchor.
    if (start > 0) {
      start -= 1;
      replacement = [a[start] as string, ...replacement];
    } else {
      replacement = [...replacement, a[0] as string];
      return { start: 1, end: 1, lines: replacement };
    }
    return { start: start + 1, end: start + 1, lines: replacement };
  }
  return { start: start + 1, end, lines: replacement };
}
