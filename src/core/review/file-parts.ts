// TODO(H3 regionsAround): a file too large for one prompt is shown around its changed lines. Until
// core/retrieval's regionsAround (whole enclosing definitions) lands this is windows with overlap.
import { countTokens } from "../tokens.js";

export interface FileParts {
  /** The parts, each line prefixed with its number, separated by "…" lines. */
  text: string;
  ranges: { start: number; end: number }[];
  partial: boolean;
}

/** Lines around each of `lines` (1-based), growing while the budget allows; numbered. */
export function windowsAround(content: string, lines: readonly number[], options: { maxTokens: number }): FileParts {
  const all = content.split("\n");
  const count = content.endsWith("\n") ? all.length - 1 : all.length;
  const targets = [...new Set(lines.filter((line) => line >= 1 && line <= count))].sort((a, b) => a - b);
  if (targets.length === 0) targets.push(1);
  let radius = 40;
  let best: { start: number; end: number }[] = merge(targets.map((line) => ({ start: line, end: line })), count);
  for (;;) {
    const ranges = merge(targets.map((line) => ({ start: Math.max(1, line - radius), end: Math.min(count, line + radius) })), count);
    if (countTokens(render(all, ranges)) > options.maxTokens) break;
    best = ranges;
    if (ranges.length === 1 && ranges[0]?.start === 1 && ranges[0]?.end === count) break;
    radius *= 2;
  }
  return { text: render(all, best), ranges: best, partial: !(best.length === 1 && best[0]?.start === 1 && best[0]?.end === count) };
}

function merge(ranges: { start: number; end: number }[], count: number): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end + 1) last.end = Math.max(last.end, Math.min(count, range.end));
    else merged.push({ ...range });
  }
  return merged;
}

export function numberLines(lines: readonly string[], start: number, end: number): string {
  const width = String(end).length;
  const out: string[] = [];
  for (let n = start; n <= end; n++) out.push(`${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
  return out.join("\n");
}

function render(all: readonly string[], ranges: readonly { start: number; end: number }[]): string {
  return ranges.map((range) => numberLines(all, range.start, range.end)).join("\n…\n");
}
