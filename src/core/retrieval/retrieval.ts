// Context selection: which repository code goes into the prompt for a gap, within a token budget.
//
// 1. The query is the whole gap (gap-query.ts): tagged text first, section, surrounding text; the paths
//    and identifiers it names.
// 2. Ranking (rank-code.ts): BM25 over contents and paths, symbol matches from the symbol index, named
//    files first; source over docs and tests unless the gap is about them.
// 3. Packing (pack-context.ts): a file that fits enters whole; one that does not enters as its outline
//    plus the regions that match (whole enclosing definitions), marked partial, so the proposal must
//    change it with edits; the test that covers a chosen source file comes along.
// 4. A repository map (repo-map.ts) in a small share of the budget says what else exists.
// Binary-looking files and files over `maxFileBytes` are never sent. Protected paths are the caller's job.
import { buildQuery, type QueryGap } from "./gap-query.js";
import { packContext, type PackedFile } from "./pack-context.js";
import { rankCode, type RankedCode } from "./rank-code.js";
import { repoMap, type RepoMap } from "./repo-map.js";
import { SymbolIndex } from "./symbol-index.js";
import { outlineOf } from "./outline.js";
import { countTokens } from "../tokens.js";
import { gapWants, roleOf } from "./code-languages.js";
import { reciprocalRankFusion } from "./fuse-rankings.js";

export interface CandidateFile {
  path: string;
  content: string;
  /** Git blob id (from `git ls-tree`), the symbol index's key; computed when absent. */
  blob?: string;
}

export interface ContextLimits {
  maxTokens: number;
  maxFiles: number;
  /** Files larger than this (UTF-8 bytes) are skipped. */
  maxFileBytes?: number;
  /** Only this many leading characters of a file are searched (default 65,536). */
  maxIndexChars?: number;
  /** Share of maxTokens for the repository map (default 0.08; 0: no map). */
  mapShare?: number;
  /** The symbol index to use and extend (default: a fresh one). */
  index?: SymbolIndex;
  /** Time for parsing into the symbol index (default 1500 ms). */
  parseBudgetMs?: number;
  /** Files to put first whatever they score (a model's localization), with why. */
  pinned?: { path: string; why: string }[];
  /** Paths best first by embedding similarity to the gap (context.embed); fused with the ranking by reciprocal rank. */
  semantic?: readonly string[];
  now?: () => number;
}

export type SkipReason = "binary" | "too_large" | "not_found" | "over_budget";

/** A file as the prompt shows it: whole, or (`partial`) its outline and regions. */
export type ContextFile = PackedFile;

export interface ContextSelection {
  files: ContextFile[];
  /** Tokens of `files` (overhead included) and of the map. */
  tokens: number;
  map: RepoMap;
  /** The ranking, best first, for debugging and `prd-bot context`. */
  ranking: RankedCode[];
  terms: { query: string[]; content: string[]; common: string[]; identifiers: string[] };
  named: { path: string; by: string }[];
  /** Named files and ranked files that were left out, and why. */
  skipped: { path: string; reason: SkipReason }[];
  /** Candidates never considered. */
  filtered: { binary: number; tooLarge: number };
  /** Files parsed into the symbol index this time (real parser / fallback). */
  indexed: { parsed: number; fallback: number };
}

export const FILE_OVERHEAD_TOKENS = 12;
const DEFAULT_INDEX_CHARS = 65_536;

/** Tokens a file costs in the prompt. */
export function fileTokens(path: string, content: string): number {
  return countTokens(content) + countTokens(path) + FILE_OVERHEAD_TOKENS;
}

export function selectContext(gap: QueryGap, candidates: readonly CandidateFile[], limits: ContextLimits): ContextSelection {
  checkLimits(limits);
  const filtered = { binary: 0, tooLarge: 0 };
  const usable = new Map<string, CandidateFile>();
  const unusable = new Map<string, SkipReason>();
  for (const file of candidates) {
    const path = file.path.replace(/^\.\//, "");
    if (usable.has(path) || unusable.has(path)) continue;
    if (limits.maxFileBytes !== undefined && Buffer.byteLength(file.content, "utf8") > limits.maxFileBytes) {
      filtered.tooLarge += 1;
      unusable.set(path, "too_large");
    } else if (looksBinary(file.content)) {
      filtered.binary += 1;
      unusable.set(path, "binary");
    } else {
      usable.set(path, path === file.path ? file : { ...file, path });
    }
  }
  const paths = [...usable.keys()];
  const query = buildQuery(gap, paths);
  const skipped: ContextSelection["skipped"] = [];
  for (const file of gap.files) {
    const path = file.replace(/^\.\//, "");
    // A path the gap names in part (`requests/sessions.py` for src/requests/sessions.py) was found.
    if (!usable.has(path) && !query.named.some((named) => named.by === file)) skipped.push({ path, reason: unusable.get(path) ?? "not_found" });
  }

  const maxIndexChars = limits.maxIndexChars ?? DEFAULT_INDEX_CHARS;
  const searchable = [...usable.values()].map((file) =>
    // A searched prefix is not the blob: it is indexed under its own content's id.
    file.content.length > maxIndexChars ? { path: file.path, content: file.content.slice(0, maxIndexChars) } : file,
  );
  const index = limits.index ?? new SymbolIndex();
  const ranking = rankCode(searchable, query, index, { parseBudgetMs: limits.parseBudgetMs, now: limits.now });
  if (limits.semantic && limits.semantic.length > 0) ranking.ranked = fuseSemantic(ranking.ranked, limits.semantic.filter((path) => usable.has(path)));

  const wants = gapWants(query.text);
  const mapShare = limits.mapShare ?? 0.08;
  const mapBudget = usable.size > 1 ? Math.min(2000, Math.floor(limits.maxTokens * mapShare)) : 0;
  const packed = packContext({
    ranking: ranking.ranked,
    files: usable,
    pinned: (limits.pinned ?? []).filter((pin) => usable.has(pin.path)),
    weights: new Map(query.terms.map((t) => [t.term, t.weight])),
    maxTokens: limits.maxTokens - mapBudget,
    maxFiles: limits.maxFiles,
    index,
    // A gap about documentation needs the docs more than a test to imitate.
    bringTests: !wants.docs || wants.tests,
  });
  skipped.push(...packed.skipped);

  // The map lists the folders of the best-ranked files and outlines the best ones the prompt does not show.
  const shown = new Set(packed.files.map((file) => file.path));
  let outlines = 0;
  const relevant = ranking.ranked.slice(0, 12).map((entry) => {
    if (shown.has(entry.path) || outlines >= 4) return { path: entry.path };
    outlines += 1;
    return { path: entry.path, outline: outlineOf(entry.path, (usable.get(entry.path) as CandidateFile).content, { maxImports: 0 }) };
  });
  const map = repoMap({ paths, relevant, maxTokens: mapBudget });

  return {
    files: packed.files,
    tokens: packed.tokens + map.tokens,
    map,
    ranking: ranking.ranked,
    terms: { ...ranking.terms, identifiers: query.identifiers },
    named: query.named,
    skipped,
    filtered,
    indexed: ranking.index,
  };
}

/**
 * The lexical ranking fused with an embedding ranking (reciprocal rank fusion). Named files stay first; a
 * file only the embeddings found enters with score 0 and says why.
 */
export function fuseSemantic(ranked: readonly RankedCode[], semantic: readonly string[]): RankedCode[] {
  const byPath = new Map(ranked.map((entry) => [entry.path, entry]));
  const named = ranked.filter((entry) => entry.named);
  const rest = ranked.filter((entry) => !entry.named).map((entry) => entry.path);
  const place = new Map(semantic.map((path, i) => [path, i + 1]));
  const fused = reciprocalRankFusion([rest, semantic.filter((path) => !byPath.get(path)?.named)]);
  return [
    ...named,
    ...fused.map((path) => {
      const entry = byPath.get(path);
      const why = `embedding rank ${place.get(path) ?? "-"}`;
      if (entry) return place.has(path) ? { ...entry, reasons: [...entry.reasons, why] } : entry;
      return { path, score: 0, role: roleOf(path), reasons: [why], focus: [], named: false };
    }),
  ];
}

/** NUL bytes, or more than 10% control or replacement characters in the first 8,000 characters. */
export function looksBinary(content: string): boolean {
  const sample = content.slice(0, 8000);
  if (sample.includes("\u0000")) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) odd += 1;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

function checkLimits(limits: ContextLimits): void {
  const check = (name: keyof ContextLimits, value: number | undefined, where: string): void => {
    if (typeof value === "number" && Number.isInteger(value) && value > 0) return;
    throw new Error(`selectContext: ${name} must be a whole number above 0 (${where}), got ${String(value)}.`);
  };
  check("maxTokens", limits.maxTokens, "context.max_tokens in .github/prd-bot.yml");
  check("maxFiles", limits.maxFiles, "context.max_files in .github/prd-bot.yml");
  if (limits.maxFileBytes !== undefined) check("maxFileBytes", limits.maxFileBytes, "passed by the caller");
  if (limits.maxIndexChars !== undefined) check("maxIndexChars", limits.maxIndexChars, "passed by the caller");
}
