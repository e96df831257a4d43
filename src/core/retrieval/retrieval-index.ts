// BM25 ranking of repository files for one query, with MiniSearch, built to stay fast on 20k files.
//
// A full index of a 20k-file repository (~100 MB) takes 5-10 s to build here, and a cycle asks one
// question of it. So the index is built for the question:
// 1. A substring scan counts, per query term, the files that contain it (document frequency). Terms in
//    more than half of the files ("export" in a TypeScript repository) weigh less than ln 2 in BM25
//    against 4-10 for a rare term; they are left out of content scoring (the path index keeps them).
// 2. Only files containing a remaining term are tokenized, and only their tokens that can match a query
//    term (equal to it, or starting with it for prefix search) are stored. Every other file is added as
//    an empty document, so the document count, and with it every IDF, is that of the whole repository.
// 3. BM25 normalises by the mean document length, which would now be the mean of the matching files
//    only. The true mean is estimated from a sample of the other files, and BM25's k, b and d are
//    rescaled so the scores are those of an index with the true mean, times one constant: the ranking
//    is the full index's (test/unit/retrieval-index.test.ts compares them).
// Paths are small: they get their own full index, searched with every query term.
import MiniSearch from "minisearch";
import { tokenize } from "./retrieval-terms.js";

export interface IndexedFile {
  path: string;
  /** The text to index (the caller may pass a bounded prefix of a large file). */
  content: string;
}

export interface RankedFile {
  path: string;
  score: number;
  /** Query terms that matched its path or content. */
  terms: string[];
}

export interface RankOptions {
  /** Content scoring leaves out terms found in more than this fraction of the files (default 0.5). */
  commonFraction?: number;
  /** Non-matching files tokenized to estimate the mean length (default 256; Infinity: all, exact). */
  lengthSample?: number;
  /** Weight of a path match against a content match (default 2: a file named after the topic is a strong hint). */
  pathWeight?: number;
  /** Longest ranking returned (default 50). */
  limit?: number;
  /** Weight per query term (default 1): the gap's tagged text counts more than the text around it. */
  weights?: ReadonlyMap<string, number>;
}

export interface RankResult {
  ranked: RankedFile[];
  /** Terms that scored content, and the common ones left out of content scoring. */
  contentTerms: string[];
  commonTerms: string[];
  /** Files tokenized for the content index. */
  tokenizedFiles: number;
}

/** MiniSearch's own BM25+ defaults. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** Query terms this long or longer also match longer words (stems: "pars" finds "parser"). */
const PREFIX_MIN = 4;
/** Presence is tracked in a 32-bit mask per file. */
const MAX_TERMS = 31;

export function rankFiles(files: readonly IndexedFile[], queryTerms: readonly string[], options: RankOptions = {}): RankResult {
  const terms = [...new Set(queryTerms.map((term) => term.toLowerCase()))].slice(0, MAX_TERMS);
  const limit = options.limit ?? 50;
  if (terms.length === 0 || files.length === 0) return { ranked: [], contentTerms: [], commonTerms: [], tokenizedFiles: 0 };

  const { masks, documentFrequency } = presence(files, terms);
  const contentTerms = chooseContentTerms(terms, documentFrequency, files.length, options.commonFraction ?? 0.5);
  const commonTerms = terms.filter((term, i) => (documentFrequency[i] ?? 0) > 0 && !contentTerms.includes(term));
  let contentMask = 0;
  for (const term of contentTerms) contentMask |= 1 << terms.indexOf(term);

  const scores = new Map<number, { score: number; terms: Set<string> }>();
  const add = (id: number, score: number, matched: readonly string[]): void => {
    const entry = scores.get(id) ?? { score: 0, terms: new Set<string>() };
    entry.score += score;
    for (const term of matched) entry.terms.add(term);
    scores.set(id, entry);
  };

  const boostTerm = options.weights ? (term: string) => options.weights?.get(term) ?? 1 : undefined;
  const content = contentScores(files, masks, contentMask, contentTerms, options.lengthSample ?? 256, boostTerm);
  for (const result of content.results) add(result.id, result.score, result.terms);
  const pathWeight = options.pathWeight ?? 2;
  if (pathWeight > 0) for (const result of pathScores(files, terms, boostTerm)) add(result.id, pathWeight * result.score, result.terms);

  const ranked = [...scores.entries()]
    .map(([id, entry]) => ({ path: (files[id] as IndexedFile).path, score: entry.score, terms: [...entry.terms] }))
    .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, limit);
  return { ranked, contentTerms, commonTerms, tokenizedFiles: content.tokenized };
}

function presence(files: readonly IndexedFile[], terms: readonly string[]): { masks: Uint32Array; documentFrequency: number[] } {
  const masks = new Uint32Array(files.length);
  const documentFrequency = terms.map(() => 0);
  files.forEach((file, id) => {
    const text = file.content.toLowerCase();
    let mask = 0;
    terms.forEach((term, t) => {
      if (text.includes(term)) {
        mask |= 1 << t;
        documentFrequency[t] = (documentFrequency[t] ?? 0) + 1;
      }
    });
    masks[id] = mask;
  });
  return { masks, documentFrequency };
}

function chooseContentTerms(terms: readonly string[], df: readonly number[], total: number, commonFraction: number): string[] {
  const present = terms.filter((_, i) => (df[i] ?? 0) > 0);
  const rare = present.filter((term) => (df[terms.indexOf(term)] ?? 0) <= commonFraction * total);
  if (rare.length > 0) return rare;
  // Every term is common: score with the three least common rather than with nothing.
  return [...present].sort((a, b) => (df[terms.indexOf(a)] ?? 0) - (df[terms.indexOf(b)] ?? 0)).slice(0, 3);
}

interface Scored {
  id: number;
  score: number;
  terms: string[];
}

function contentScores(
  files: readonly IndexedFile[],
  masks: Uint32Array,
  contentMask: number,
  terms: readonly string[],
  lengthSample: number,
  boostTerm?: (term: string) => number,
): { results: Scored[]; tokenized: number } {
  if (terms.length === 0) return { results: [], tokenized: 0 };
  let indexedLength = 0;
  const index = new MiniSearch<{ id: number; content?: string }>({
    fields: ["content"],
    storeFields: [],
    // MiniSearch's field length is the number of distinct tokens; it is summed here on the way through
    // (the index keeps it private) for the mean length below.
    tokenize: (text) => {
      const tokens = tokenize(text);
      indexedLength += new Set(tokens).size;
      return tokens;
    },
    processTerm: termFilter(terms),
  });
  let indexedCount = 0;
  const others: number[] = [];
  files.forEach((file, id) => {
    if (((masks[id] ?? 0) & contentMask) === 0) {
      others.push(id);
      return;
    }
    index.add({ id, content: file.content });
    indexedCount += 1;
  });
  // Added after the matching files and without content: they count as documents (IDF) but not in the
  // index's mean length (MiniSearch averages only the fields it saw), which is corrected below.
  for (const id of others) index.add({ id });

  const meanIndexed = indexedCount > 0 ? indexedLength / indexedCount : 0;
  const meanAll = estimateMeanLength(files, others, indexedLength, lengthSample);
  const bm25 = rescaledBm25(meanIndexed, meanAll);
  const results = index.search(terms.join(" "), {
    combineWith: "OR",
    prefix: (term) => term.length >= PREFIX_MIN,
    bm25: bm25.params,
    ...(boostTerm ? { boostTerm } : {}),
  });
  return {
    results: results.map((result) => ({ id: result.id as number, score: result.score / bm25.scale, terms: result.queryTerms })),
    tokenized: indexedCount,
  };
}

/** Keeps (lower-cased) only the tokens a query term can match, so the index stays tiny. */
function termFilter(terms: readonly string[]): (token: string) => string | null {
  const firstLetters = new Set(terms.map((term) => term.charCodeAt(0)));
  const exact = new Set(terms);
  const prefixes = terms.filter((term) => term.length >= PREFIX_MIN);
  return (token) => {
    // Most tokens fail on their first letter: check it before lower-casing (ASCII fast path).
    const first = token.charCodeAt(0);
    const firstLower = first >= 65 && first <= 90 ? first + 32 : first;
    if (first < 128 && !firstLetters.has(firstLower)) return null;
    const lower = token.toLowerCase();
    if (!firstLetters.has(lower.charCodeAt(0))) return null;
    if (exact.has(lower)) return lower;
    for (const prefix of prefixes) if (lower.startsWith(prefix)) return lower;
    return null;
  };
}

/** MiniSearch's length of a field: its distinct tokens. */
function uniqueTokens(text: string): number {
  return new Set(tokenize(text)).size;
}

function estimateMeanLength(files: readonly IndexedFile[], others: readonly number[], indexedLength: number, sample: number): number {
  const total = files.length;
  if (others.length === 0) return indexedLength / total;
  // An evenly spread sample: its tokens per character, applied to the characters of all the other files.
  const step = Math.max(1, Math.ceil(others.length / Math.max(1, sample)));
  let sampledTokens = 0;
  let sampledChars = 0;
  let otherChars = 0;
  others.forEach((id, i) => {
    const content = (files[id] as IndexedFile).content;
    otherChars += content.length;
    if (i % step !== 0) return;
    sampledTokens += uniqueTokens(content);
    sampledChars += content.length;
  });
  const estimate = step === 1 ? sampledTokens : sampledChars > 0 ? (sampledTokens / sampledChars) * otherChars : 0;
  return (indexedLength + estimate) / total;
}

/**
 * BM25 parameters that, with the index's mean length, give the scores of the true mean times `scale`:
 * k·(1 - b' + b'·len/meanIndexed)·c' = k·(1 - b + b·len/meanAll) for every length, with k' = k/c.
 */
export function rescaledBm25(meanIndexed: number, meanAll: number): { params: typeof BM25; scale: number } {
  if (meanIndexed <= 0 || meanAll <= 0) return { params: BM25, scale: 1 };
  const ratio = meanIndexed / meanAll;
  const c = 1 / (1 - BM25.b + BM25.b * ratio);
  const k = BM25.k / c;
  const scale = (k + 1) / (BM25.k + 1);
  return { params: { k, b: BM25.b * ratio * c, d: BM25.d * scale }, scale };
}

function pathScores(files: readonly IndexedFile[], terms: readonly string[], boostTerm?: (term: string) => number): Scored[] {
  const index = new MiniSearch<{ id: number; path: string }>({
    fields: ["path"],
    storeFields: [],
    tokenize,
    processTerm: (token) => (token.length > 1 ? token.toLowerCase() : null),
  });
  index.addAll(files.map((file, id) => ({ id, path: file.path })));
  return index
    .search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= PREFIX_MIN, ...(boostTerm ? { boostTerm } : {}) })
    .map((result) => ({ id: result.id as number, score: result.score, terms: result.queryTerms }));
}
