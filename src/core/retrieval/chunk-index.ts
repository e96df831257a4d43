// BM25 over document chunks (MiniSearch): built once per review run, asked once per changed file. Headings
// count double (a section named after the topic is a strong hint), query terms of 4+ letters also match
// longer words (the terms are light-stemmed, see retrieval-terms.ts).
import MiniSearch from "minisearch";
import type { MarkdownChunk } from "./chunk-markdown.js";
import { tokenize } from "./retrieval-terms.js";

export interface ChunkIndex {
  /** Chunk ids, best first, at most `limit`. */
  search(terms: readonly string[], limit: number): { id: string; score: number }[];
  readonly size: number;
}

const PREFIX_MIN = 4;

export function buildChunkIndex(chunks: readonly MarkdownChunk[]): ChunkIndex {
  const index = new MiniSearch<{ id: string; text: string; heading: string; document: string }>({
    fields: ["text", "heading", "document"],
    storeFields: [],
    tokenize,
    processTerm: (term) => (term.length > 1 ? term.toLowerCase() : null),
    searchOptions: { boost: { heading: 2, document: 0.5 } },
  });
  index.addAll(chunks.map((chunk) => ({ id: chunk.id, text: chunk.text, heading: chunk.heading.join(" "), document: chunk.document })));
  return {
    size: chunks.length,
    search(terms, limit) {
      if (terms.length === 0) return [];
      return index
        .search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= PREFIX_MIN })
        .slice(0, limit)
        .map((result) => ({ id: String(result.id), score: result.score }));
    },
  };
}
