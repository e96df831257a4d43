// Context selection: which repository files go into the prompt for a gap, within a token budget.
//
// Order: first the files the gap names (`src/foo.ts` in its text) that exist, then the best BM25 matches
// for the gap's words and section (retrieval-index.ts), until `maxFiles` or `maxTokens` is reached.
// Budget: a file counts its content tokens plus its path and FILE_OVERHEAD_TOKENS for the header and
// fence the prompt wraps it in.
// - A named file that does not fit whole is cut at a line boundary with a marker saying so, when at
//   least MIN_TRUNCATED_TOKENS remain: the gap is about that file, so its head beats nothing. The
//   selection flags it `truncated`, so the proposal step can insist on edits rather than a full rewrite.
// - A search match that does not fit whole is skipped (the next match may fit): a truncated file the
//   model did not ask for is more likely to mislead than to help.
// Binary-looking files and files over `maxFileBytes` are never sent. Protected paths are the caller's job.
import type { Gap } from "../types.js";
import { countTokens } from "../tokens.js";
import { rankFiles, type RankedFile } from "./retrieval-index.js";
import { queryTerms } from "./retrieval-terms.js";

export interface CandidateFile {
  path: string;
  content: string;
}

export interface ContextLimits {
  maxTokens: number;
  maxFiles: number;
  /** Files larger than this (UTF-8 bytes) are skipped. */
  maxFileBytes?: number;
  /** Only this many leading characters of a file are searched (default 65,536). */
  maxIndexChars?: number;
}

export type SkipReason = "binary" | "too_large" | "not_found" | "over_budget";

export interface ContextFile {
  path: string;
  /** What goes into the prompt (with the truncation marker when `truncated`). */
  content: string;
  tokens: number;
  truncated: boolean;
  source: "named" | "search";
  /** The BM25 score (null for a named file that ranked nowhere). */
  score: number | null;
}

export interface ContextSelection {
  files: ContextFile[];
  /** Tokens of `files`, overhead included. */
  tokens: number;
  /** The search ranking, best first, for debugging. */
  ranking: RankedFile[];
  terms: { query: string[]; content: string[]; common: string[] };
  /** Named files and search matches that were left out, and why. */
  skipped: { path: string; reason: SkipReason }[];
  /** Candidates never considered. */
  filtered: { binary: number; tooLarge: number };
}

export const FILE_OVERHEAD_TOKENS = 12;
export const MIN_TRUNCATED_TOKENS = 256;
const DEFAULT_INDEX_CHARS = 65_536;

/** Tokens a file costs in the prompt. */
export function fileTokens(path: string, content: string): number {
  return countTokens(content) + countTokens(path) + FILE_OVERHEAD_TOKENS;
}

export function selectContext(
  gap: Pick<Gap, "text" | "section" | "files">,
  candidates: readonly CandidateFile[],
  limits: ContextLimits,
): ContextSelection {
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
      usable.set(path, { path, content: file.content });
    }
  }

  const named = gap.files.map((path) => path.replace(/^\.\//, ""));
  const terms = queryTerms([gap.text, ...gap.section, ...named]);
  const searchable = [...usable.values()].filter((file) => !named.includes(file.path));
  const maxIndexChars = limits.maxIndexChars ?? DEFAULT_INDEX_CHARS;
  const search = rankFiles(
    searchable.map((file) => ({ path: file.path, content: file.content.slice(0, maxIndexChars) })),
    terms,
  );

  const packer = new Packer(limits);
  for (const path of named) {
    const file = usable.get(path);
    if (file) packer.addNamed(file);
    else packer.skip(path, unusable.get(path) ?? "not_found");
  }
  for (const match of search.ranked) {
    if (packer.full()) break;
    packer.addMatch(usable.get(match.path) as CandidateFile, match.score);
  }
  return {
    files: packer.files,
    tokens: packer.used,
    ranking: search.ranked,
    terms: { query: terms, content: search.contentTerms, common: search.commonTerms },
    skipped: packer.skipped,
    filtered,
  };
}

class Packer {
  readonly files: ContextFile[] = [];
  readonly skipped: { path: string; reason: SkipReason }[] = [];
  used = 0;

  constructor(private readonly limits: ContextLimits) {}

  full(): boolean {
    return this.files.length >= this.limits.maxFiles || this.limits.maxTokens - this.used < FILE_OVERHEAD_TOKENS * 2;
  }

  skip(path: string, reason: SkipReason): void {
    this.skipped.push({ path, reason });
  }

  addNamed(file: CandidateFile): void {
    if (this.files.length >= this.limits.maxFiles) return this.skip(file.path, "over_budget");
    const room = this.limits.maxTokens - this.used;
    const whole = tokensWithin(file, room);
    if (whole !== null) return this.take(file, file.content, whole, false, "named", null);
    const head = truncateToFit(file, room);
    if (head === null) return this.skip(file.path, "over_budget");
    this.take(file, head.content, head.tokens, true, "named", null);
  }

  addMatch(file: CandidateFile, score: number): void {
    const tokens = tokensWithin(file, this.limits.maxTokens - this.used);
    if (tokens === null) return this.skip(file.path, "over_budget");
    this.take(file, file.content, tokens, false, "search", score);
  }

  private take(file: CandidateFile, content: string, tokens: number, truncated: boolean, source: ContextFile["source"], score: number | null): void {
    this.files.push({ path: file.path, content, tokens, truncated, source, score });
    this.used += tokens;
  }
}

/** The file's tokens when it fits in `room`, else null; never tokenizes much more than `room` needs. */
function tokensWithin(file: CandidateFile, room: number): number | null {
  const overhead = countTokens(file.path) + FILE_OVERHEAD_TOKENS;
  if (room <= overhead) return null;
  // Code runs 3-4 characters per token; a prefix 8 characters per token of room already overflows for
  // nearly every file, so a huge file costs one bounded count instead of a full one.
  const probe = file.content.slice(0, (room - overhead) * 8);
  const probeTokens = countTokens(probe);
  if (probeTokens > room - overhead) return null;
  const tokens = probe.length === file.content.length ? probeTokens : countTokens(file.content);
  return tokens + overhead <= room ? tokens + overhead : null;
}

/** The longest head of the file, cut at a line end, that fits in `room` with its marker; null if too little room. */
function truncateToFit(file: CandidateFile, room: number): { content: string; tokens: number } | null {
  if (room < MIN_TRUNCATED_TOKENS) return null;
  const lines = file.content.split("\n");
  const render = (count: number): string =>
    `${lines.slice(0, count).join("\n")}\n… [prd-bot: truncated after line ${count} of ${lines.length} to fit the context budget]`;
  const cost = (count: number): number => fileTokens(file.path, render(count));
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (cost(mid) <= room) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return null;
  return { content: render(low), tokens: cost(low) };
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
