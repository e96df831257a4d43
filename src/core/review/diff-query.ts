// What to look up in the documents for one changed file: the change itself, not the file's first characters
// (the reference pipeline's query, which found the same sections for every file of a module). In order of
// weight: the names of the definitions the change sits in, the path, then the words of the added and removed
// lines (identifiers split at case changes, comments' words too). Light-stemmed, stopwords out, capped.
import { queryTerms } from "../retrieval/retrieval-terms.js";
import type { ParsedPatch } from "../diff/parse-patch.js";

export interface DiffQueryInput {
  path: string;
  patch: ParsedPatch;
  /** Names of the definitions enclosing the changed lines (from symbolsOf), innermost first. */
  enclosing: readonly string[];
}

/** Longest query: past this, more terms add noise and search time, not recall. */
export const MAX_QUERY_TERMS = 48;

// Words every source file has: they would match any section that mentions code.
const CODE_NOISE = new Set(
  "const let var function return import export from class extends new this true false null undefined void async await def self fn pub impl struct mut int str string number boolean type interface else elif try catch except finally throw raise public private protected static final package func nil println print console log".split(
    " ",
  ),
);

export function diffQuery(input: DiffQueryInput): string[] {
  const pathWords = input.path.replace(/\.[a-z0-9]+$/i, "").split(/[/._-]+/);
  const parts = [
    ...input.enclosing,
    pathWords.join(" "),
    ...input.patch.added.map((line) => line.text),
    ...input.patch.removed.map((line) => line.text),
  ];
  return queryTerms(parts)
    .filter((term) => !CODE_NOISE.has(term) && !/^\d+$/.test(term))
    .slice(0, MAX_QUERY_TERMS);
}

/** The reference pipeline's query, kept for the retrieval bench: the file's first 800 characters. */
export function headQuery(content: string): string[] {
  return queryTerms([content.slice(0, 800)]).filter((term) => !CODE_NOISE.has(term)).slice(0, MAX_QUERY_TERMS);
}
