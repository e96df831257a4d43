// Ranking repository files for a gap. Four signals, each scaled to 0..1 over the candidates, summed with
// weights, then scaled by the file's role:
// - BM25 over contents and over paths (retrieval-index.ts), query terms weighted by where in the gap
//   they came from;
// - symbols: query terms that name a definition of the file (from the symbol index);
// - identifiers of the gap (`merge_setting`, `Session.request`) that the file defines: the strongest
//   hint after a named path;
// - named files (full, partial or module paths) come first whatever they score.
// Role: source counts whole; tests, docs and other files count less unless the gap is about them.
import { gapWants, roleOf, type FileRole } from "./code-languages.js";
import type { GapQuery } from "./gap-query.js";
import { rankFiles } from "./retrieval-index.js";
import { tokenize } from "./retrieval-terms.js";
import type { SymbolIndex} from "./symbol-index.js";
import { type IndexFile, type IndexedSymbol } from "./symbol-index.js";

export interface RankedCode {
  path: string;
  score: number;
  role: FileRole;
  /** Why it ranks: "named by sessions.py", "defines merge_setting", "bm25 content 0.83", … */
  reasons: string[];
  /** Lines worth showing when the file enters in part (definitions matched first), best first. */
  focus: number[];
  named: boolean;
}

export interface RankCodeOptions {
  /** Candidates taken from BM25 before the symbol signals (default 150). */
  pool?: number;
  /** Time for parsing the candidates into the symbol index (default 1500 ms; the fallback past it). */
  parseBudgetMs?: number;
  /** Time for parsing other files, growing the cached index run by run (default 250 ms). */
  growBudgetMs?: number;
  now?: () => number;
}

export interface RankCodeResult {
  ranked: RankedCode[];
  terms: { query: string[]; content: string[]; common: string[] };
  index: { parsed: number; fallback: number };
}

const SIGNAL = { content: 1, path: 0.5, symbols: 0.8, defines: 1.6, named: 10 };
const ROLE: Record<FileRole, number> = { source: 1, test: 0.45, docs: 0.3, other: 0.5 };
const MAX_TERMS = 31;
const MAX_IDENTIFIERS = 10;

export function rankCode(files: readonly IndexFile[], query: GapQuery, index: SymbolIndex, options: RankCodeOptions = {}): RankCodeResult {
  const terms = query.terms.slice(0, MAX_TERMS);
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const wants = gapWants(query.text);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const bm25 = rankFiles(files, terms.map((t) => t.term), { weights, limit: options.pool ?? 150, pathWeight: 0 });
  const paths = rankFiles(
    files.map((file) => ({ path: file.path, content: "" })),
    terms.map((t) => t.term),
    { weights, limit: options.pool ?? 150, pathWeight: 1 },
  );

  // Candidates: BM25's best, the path matches, the named files, and the files that contain an identifier.
  const identifiers = query.identifiers.slice(0, MAX_IDENTIFIERS);
  const candidates = new Set<string>([...bm25.ranked.map((r) => r.path), ...paths.ranked.map((r) => r.path), ...query.named.map((n) => n.path)]);
  for (const file of files) {
    if (candidates.has(file.path) || roleOf(file.path) === "docs") continue;
    if (identifiers.some((name) => file.content.includes(name.includes(".") ? (name.split(".").pop() as string) : name))) candidates.add(file.path);
  }
  const pool = [...candidates].map((path) => byPath.get(path)).filter((file): file is IndexFile => file !== undefined);
  const rest = files.filter((file) => !candidates.has(file.path));
  const indexed = index.update(pool, rest, options.parseBudgetMs ?? 1500, options.now, options.growBudgetMs ?? 250);

  const contentScore = scaled(new Map(bm25.ranked.map((r) => [r.path, r.score])));
  const pathScore = scaled(new Map(paths.ranked.map((r) => [r.path, r.score])));
  const termWeight = [...weights.values()].reduce((sum, w) => sum + w, 0) || 1;
  const named = new Map(query.named.map((n) => [n.path, n.by]));

  const ranked: RankedCode[] = pool.map((file) => {
    const symbols = index.symbols(file, { fast: true });
    const reasons: string[] = [];
    let score = 0;
    const by = named.get(file.path);
    if (by !== undefined) {
      score += SIGNAL.named;
      reasons.push(`named by ${by}`);
    }
    const c = contentScore.get(file.path) ?? 0;
    const p = pathScore.get(file.path) ?? 0;
    if (c > 0) reasons.push(`bm25 content ${c.toFixed(2)}`);
    if (p > 0) reasons.push(`bm25 path ${p.toFixed(2)}`);
    score += SIGNAL.content * c + SIGNAL.path * p;
    const { matched, lines } = symbolMatches(symbols, weights);
    if (matched.length > 0) {
      const share = matched.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) / termWeight;
      score += SIGNAL.symbols * Math.min(1, share * 3);
      reasons.push(`symbols match ${matched.slice(0, 4).join(", ")}`);
    }
    const defines = definedIdentifiers(symbols, identifiers);
    if (defines.names.length > 0) {
      score += SIGNAL.defines * Math.min(2, defines.names.length);
      reasons.push(`defines ${defines.names.slice(0, 3).join(", ")}`);
    }
    const role = roleOf(file.path);
    const factor = role === "test" && wants.tests ? 1 : role === "docs" && wants.docs ? 1 : ROLE[role];
    return { path: file.path, score: score * factor, role, reasons, focus: [...new Set([...defines.lines, ...lines])], named: by !== undefined };
  });
  // Named files first, in the order the gap names them; then by score.
  const namedOrder = new Map(query.named.map((n, i) => [n.path, i]));
  const place = (entry: RankedCode) => namedOrder.get(entry.path) ?? Number.POSITIVE_INFINITY;
  ranked.sort((a, b) => place(a) - place(b) || b.score - a.score || (a.path < b.path ? -1 : 1));
  return {
    ranked: ranked.filter((entry) => entry.score > 0),
    terms: { query: terms.map((t) => t.term), content: bm25.contentTerms, common: bm25.commonTerms },
    index: indexed,
  };
}

/** Each value over the largest. */
function scaled(scores: Map<string, number>): Map<string, number> {
  const max = Math.max(0, ...scores.values());
  if (max <= 0) return new Map();
  return new Map([...scores].map(([key, value]) => [key, value / max]));
}

/** Query terms that are a word of a definition's name, and those definitions' first lines. */
function symbolMatches(symbols: readonly IndexedSymbol[], weights: ReadonlyMap<string, number>): { matched: string[]; lines: number[] } {
  const matched = new Set<string>();
  const lines: { line: number; weight: number }[] = [];
  for (const symbol of symbols) {
    let weight = 0;
    for (const word of tokenize(symbol.name)) {
      const lower = word.toLowerCase();
      for (const [term, w] of weights) {
        if (lower === term || (term.length >= 4 && lower.startsWith(term))) {
          matched.add(term);
          weight += w;
        }
      }
    }
    if (weight > 0) lines.push({ line: symbol.startLine, weight });
  }
  return { matched: [...matched], lines: lines.sort((a, b) => b.weight - a.weight).map((entry) => entry.line) };
}

/** Identifiers of the gap that name a definition here (`Session.request` matches `request` in Session). */
function definedIdentifiers(symbols: readonly IndexedSymbol[], identifiers: readonly string[]): { names: string[]; lines: number[] } {
  const names: string[] = [];
  const lines: number[] = [];
  for (const identifier of identifiers) {
    const parts = identifier.split(".");
    const name = parts[parts.length - 1] as string;
    const owner = parts.length > 1 ? parts[parts.length - 2] : undefined;
    const hit = symbols.find((s) => s.name === name && (owner === undefined || s.container === owner)) ?? (owner ? undefined : symbols.find((s) => s.name.toLowerCase() === name.toLowerCase()));
    if (!hit) continue;
    names.push(identifier);
    lines.push(hit.startLine);
  }
  return { names, lines };
}
