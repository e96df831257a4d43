// Packing ranked files into a token budget, by parts. A file that fits (and does not eat more than its
// share) enters whole. One that does not enters as its outline plus the regions around the lines that
// matter (definitions the gap names or matches first, then the lines with the most query terms), marked
// partial: the model saw it in part, so it must change it with edits (apply-proposal.ts refuses a
// whole-content rewrite of such a file). After each of the first source files, the test that covers it
// comes along (whole when small, else in part): the model needs one to imitate.
import { countTokens } from "../tokens.js";
import { coveringTests, testsByBase } from "./code-languages.js";
import { outlineOf } from "./outline.js";
import type { RankedCode } from "./rank-code.js";
import { regionsAround, type LineRange } from "./regions.js";
import { tokenize } from "./retrieval-terms.js";
import type { SkipReason } from "./retrieval.js";
import type { SymbolIndex } from "./symbol-index.js";
import type { CodeSymbol } from "./symbols.js";
import { oneLine } from "./symbol-types.js";

export interface PackedFile {
  path: string;
  /** What goes into the prompt: the whole file, or its outline and regions when `partial`. */
  content: string;
  /** Tokens in the prompt, header overhead included. */
  tokens: number;
  /** Shown in part (outline + regions): the proposal must change it with edits, never whole content. */
  partial: boolean;
  /** Lines shown (1-based, inclusive) when partial. */
  ranges?: LineRange[];
  /** Lines of the whole file. */
  lines: number;
  source: "named" | "search" | "test" | "pinned";
  /** The ranking score (null for a covering test). */
  score: number | null;
  /** Why it was chosen. */
  reasons: string[];
}

export interface PackInput {
  ranking: readonly RankedCode[];
  files: ReadonlyMap<string, { path: string; content: string; blob?: string }>;
  pinned: readonly { path: string; why: string }[];
  weights: ReadonlyMap<string, number>;
  maxTokens: number;
  maxFiles: number;
  index: SymbolIndex;
  /** Bring the test that covers each of the first source files (default true). */
  bringTests?: boolean;
}

/** Header and fence around each file in the prompt. */
const OVERHEAD = 12;
/** Smallest useful part of a file (outline head + one region). */
const MIN_PART = 250;
/** Source files that bring their covering test. */
const TESTS_FOR = 2;

export function packContext(input: PackInput): { files: PackedFile[]; tokens: number; skipped: { path: string; reason: SkipReason }[] } {
  const files: PackedFile[] = [];
  const skipped: { path: string; reason: SkipReason }[] = [];
  const taken = new Set<string>();
  const tests = testsByBase([...input.files.keys()]);
  let used = 0;
  let testsBrought = 0;
  const room = () => input.maxTokens - used;

  const order: { entry: RankedCode | undefined; path: string; source: PackedFile["source"]; why: string[] }[] = [
    ...input.pinned.map((pin) => ({ entry: input.ranking.find((r) => r.path === pin.path), path: pin.path, source: "pinned" as const, why: [pin.why] })),
    ...input.ranking.map((entry) => ({ entry, path: entry.path, source: entry.named ? ("named" as const) : ("search" as const), why: entry.reasons })),
  ];
  let misses = 0;
  for (const [position, item] of order.entries()) {
    // Past a dozen files that did not fit, the rest will not either (and each try costs a token count).
    if (files.length >= input.maxFiles || room() < OVERHEAD * 2 || misses >= 12) break;
    if (taken.has(item.path)) continue;
    const file = input.files.get(item.path);
    if (!file) continue;
    const lead = position < 2 || item.source !== "search";
    // The first files may fill the room; later ones get a share, so one large match cannot crowd out the rest.
    const wholeCap = lead ? room() : Math.max(Math.floor(input.maxTokens * 0.4), MIN_PART);
    const partCap = Math.min(room(), Math.max(600, Math.floor(input.maxTokens * (lead ? 0.5 : 0.25))));
    // A part smaller than this says too little to be worth its outline.
    const packed = fit(file, item.entry?.focus ?? [], input, Math.min(room(), wholeCap), partCap);
    if (!packed) {
      misses += 1;
      if (skipped.length < 10) skipped.push({ path: item.path, reason: "over_budget" });
      continue;
    }
    files.push({ ...packed, source: item.source, score: item.entry?.score ?? null, reasons: item.why });
    taken.add(item.path);
    used += packed.tokens;

    if (input.bringTests === false || item.entry?.role !== "source" || testsBrought >= TESTS_FOR || files.length >= input.maxFiles) continue;
    const test = coveringTests(item.path, tests).find((path) => !taken.has(path));
    const testFile = test ? input.files.get(test) : undefined;
    if (!test || !testFile) continue;
    testsBrought += 1;
    const share = Math.min(room(), Math.max(MIN_PART, Math.floor(input.maxTokens * 0.12)));
    const packedTest = fit(testFile, [], input, share, share);
    if (!packedTest) continue;
    files.push({ ...packedTest, source: "test", score: null, reasons: [`covers ${item.path}`] });
    taken.add(test);
    used += packedTest.tokens;
  }
  return { files, tokens: used, skipped };
}

type Fitted = Pick<PackedFile, "path" | "content" | "tokens" | "partial" | "ranges" | "lines">;

/** The file whole within `wholeRoom`, else outline + regions within `partRoom`, else null. */
function fit(file: { path: string; content: string; blob?: string }, focus: readonly number[], input: PackInput, wholeRoom: number, partRoom: number): Fitted | null {
  const lineCount = file.content.split("\n").length;
  const overhead = countTokens(file.path) + OVERHEAD;
  const whole = tokensWithin(file.content, wholeRoom - overhead);
  if (whole !== null) return { path: file.path, content: file.content, tokens: whole + overhead, partial: false, lines: lineCount };
  if (partRoom < MIN_PART) return null;

  const symbols = symbolsFromIndex(input.index, file);
  const budget = partRoom - overhead - 40;
  const outline = fitLines(outlineOf(file.path, file.content, { symbols }), Math.floor(budget * 0.35));
  const outlineTokens = countTokens(outline);
  const lines = [...focus, ...termLines(file.content, input.weights)];
  if (lines.length === 0) lines.push(1);
  const regions = regionsAround(file.path, file.content, lines, { maxTokens: budget - outlineTokens, numbered: false, symbols });
  const content = `[outline]\n${outline}\n[regions]\n${regions.text}`;
  const tokens = countTokens(content) + overhead;
  if (regions.ranges.length === 0 || tokens > partRoom) return null;
  return { path: file.path, content, tokens, partial: true, ranges: regions.ranges, lines: lineCount };
}

/** The file's definitions from the index (parsed once, cached by blob), each signed by its first code line. */
function symbolsFromIndex(index: SymbolIndex, file: { path: string; content: string; blob?: string }): CodeSymbol[] {
  const lines = file.content.split("\n");
  return index.symbols(file).map((symbol) => {
    let n = symbol.startLine;
    // Past decorators and attributes to the line that declares it.
    while (n < symbol.endLine && /^\s*(@|#\[)/.test(lines[n - 1] ?? "")) n += 1;
    return { ...symbol, signature: oneLine(lines[n - 1] ?? "") };
  });
}

/** The text's tokens when at most `room`, else null; never tokenizes much more than `room` needs. */
function tokensWithin(text: string, room: number): number | null {
  if (room <= 0) return null;
  // Code runs 3-4 characters per token: a prefix of 8 characters per token of room already overflows for
  // nearly every file, so a huge file costs one bounded count instead of a full one.
  const probe = text.slice(0, room * 8);
  const probeTokens = countTokens(probe);
  if (probeTokens > room) return null;
  const tokens = probe.length === text.length ? probeTokens : countTokens(text);
  return tokens <= room ? tokens : null;
}

/** The leading lines of `text` that fit in `room` tokens, with a count of the rest. */
function fitLines(text: string, room: number): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const cost = countTokens(line) + 1;
    if (used + cost > room - 8) {
      out.push(`… ${lines.length - i} more outline lines`);
      break;
    }
    out.push(line);
    used += cost;
  }
  return out.join("\n");
}

/** Lines holding the most (weighted, distinct) query terms, best first; at most `max`. */
export function termLines(content: string, weights: ReadonlyMap<string, number>, max = 8): number[] {
  const scored: { line: number; score: number }[] = [];
  const lines = content.split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.length > 500) continue;
    const seen = new Set<string>();
    let score = 0;
    for (const word of tokenize(line)) {
      const lower = word.toLowerCase();
      for (const [term, weight] of weights) {
        if (seen.has(term)) continue;
        if (lower === term || (term.length >= 4 && lower.startsWith(term))) {
          seen.add(term);
          score += weight;
        }
      }
    }
    if (score > 0) scored.push({ line: i + 1, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.line - b.line)
    .slice(0, max)
    .map((entry) => entry.line);
}
