// The parts of a file around given lines, within a token budget: the whole enclosing definition where
// one holds the line and fits, else a window of lines around it (with the definition's header line,
// so the model knows where it is). Lines earlier in `lines` win the budget. Line numbers stay visible:
// every shown line carries its number (or, with `numbered: false`, every part a `@@ lines a-b @@`
// header), and omitted stretches are marked.
import { countTokens } from "../tokens.js";
import { enclosingSymbol, symbolsOf, type CodeSymbol } from "./symbols.js";

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

export interface RegionOptions {
  maxTokens: number;
  /** Lines each side of a line whose definition is too big to show whole (default 12). */
  window?: number;
  /** Prefix every line with its number (default true); false: a header per part instead, text verbatim. */
  numbered?: boolean;
  /** Symbols already computed for this content. */
  symbols?: readonly CodeSymbol[];
}

export interface Regions {
  text: string;
  ranges: LineRange[];
  /** True unless the ranges cover the whole file. */
  partial: boolean;
}

export function regionsAround(path: string, content: string, lines: readonly number[], options: RegionOptions): Regions {
  const fileLines = content.split("\n");
  if (content.endsWith("\n")) fileLines.pop();
  const total = fileLines.length;
  const symbols = options.symbols ?? symbolsOf(path, content);
  const numbered = options.numbered ?? true;
  const window = options.window ?? 12;
  const width = String(total).length;
  const render = (ranges: readonly LineRange[]): string => renderRanges(fileLines, ranges, numbered, width);
  // Tokens per line, counted once, summed per choice (plus each part's header and marker); the text
  // chosen is counted exactly at the end, and trimmed if the sum was short.
  const lineTokens = new Map<number, number>();
  const tokensOfLine = (n: number): number => {
    let tokens = lineTokens.get(n);
    if (tokens === undefined) {
      tokens = countTokens(`${numbered ? `${String(n).padStart(width)}│ ` : ""}${fileLines[n - 1] ?? ""}\n`);
      lineTokens.set(n, tokens);
    }
    return tokens;
  };
  const cost = (ranges: readonly LineRange[]): number => {
    let sum = 0;
    for (const range of ranges) {
      sum += 12;
      for (let n = range.start; n <= range.end; n += 1) sum += tokensOfLine(n);
    }
    return sum + 12;
  };

  let chosen: LineRange[] = [];
  for (const raw of lines) {
    const line = Math.min(Math.max(1, Math.round(raw)), Math.max(1, total));
    if (total === 0 || chosen.some((range) => range.start <= line && line <= range.end)) continue;
    for (const candidate of candidatesFor(line, symbols, total, window)) {
      const next = merge([...chosen, ...candidate]);
      if (cost(next) <= options.maxTokens) {
        chosen = next;
        break;
      }
    }
  }
  while (chosen.length > 0 && countTokens(render(chosen)) > options.maxTokens) chosen = chosen.slice(0, -1);
  const whole = chosen.length === 1 && chosen[0]?.start === 1 && chosen[0]?.end === total;
  return { text: render(chosen), ranges: chosen, partial: !whole && total > 0 };
}

/** What to show for one line, best first: its whole definition, then shrinking windows with the header. */
function candidatesFor(line: number, symbols: readonly CodeSymbol[], total: number, window: number): LineRange[][] {
  const out: LineRange[][] = [];
  const symbol = enclosingSymbol(symbols, line);
  if (symbol) out.push([{ start: symbol.startLine, end: symbol.endLine }]);
  for (const size of [window, Math.ceil(window / 2), 2, 0]) {
    const low = Math.max(symbol ? symbol.startLine : 1, line - size);
    const high = Math.min(symbol ? symbol.endLine : total, line + size);
    const parts = [{ start: low, end: high }];
    if (symbol && symbol.startLine < low) parts.unshift({ start: symbol.startLine, end: symbol.startLine });
    out.push(parts);
  }
  return out;
}

/** Sorted, with overlapping or touching ranges joined (a one-line gap is shown rather than marked). */
export function merge(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: LineRange[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end + 2) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

function renderRanges(lines: readonly string[], ranges: readonly LineRange[], numbered: boolean, width: number): string {
  const out: string[] = [];
  let next = 1;
  for (const range of ranges) {
    if (range.start > next) out.push(`⋮ (lines ${next}-${range.start - 1} not shown)`);
    if (!numbered) out.push(`@@ lines ${range.start}-${range.end} @@`);
    for (let n = range.start; n <= range.end; n += 1) {
      const text = lines[n - 1] ?? "";
      out.push(numbered ? `${String(n).padStart(width)}│ ${text}` : text);
    }
    next = range.end + 1;
  }
  if (ranges.length > 0 && next <= lines.length) out.push(`⋮ (lines ${next}-${lines.length} not shown)`);
  return out.join("\n");
}
