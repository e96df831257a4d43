// Line numbering of a file shown whole in a review prompt (a file over the budget is shown in parts by
// core/retrieval/regions.ts's regionsAround instead, which numbers its lines the same way).

export function numberLines(lines: readonly string[], start: number, end: number): string {
  const width = String(end).length;
  const out: string[] = [];
  for (let n = start; n <= end; n++) out.push(`${String(n).padStart(width)}│ ${lines[n - 1] ?? ""}`);
  return out.join("\n");
}
