// The top K document chunks for one query: BM25 alone, or BM25 fused with cosine similarity of embeddings by
// reciprocal rank fusion when vectors are available. Pure: the index, vectors and query vector come in.
import type { ChunkIndex } from "./chunk-index.js";
import { cosine, reciprocalRankFusion } from "./fuse-rankings.js";

export interface RetrieveInput {
  index: ChunkIndex;
  terms: readonly string[];
  k: number;
  /** Chunk vectors by id, and the query's vector: both or neither. */
  vectors?: ReadonlyMap<string, Float32Array>;
  queryVector?: Float32Array;
  /** How deep each ranking goes before fusion (default 50). */
  depth?: number;
}

export function retrieveChunks(input: RetrieveInput): string[] {
  const depth = Math.max(input.k, input.depth ?? 50);
  const bm25 = input.index.search(input.terms, depth).map((hit) => hit.id);
  if (!input.vectors || !input.queryVector || input.vectors.size === 0) return bm25.slice(0, input.k);
  const query = input.queryVector;
  const dense = [...input.vectors.entries()]
    .map(([id, vector]) => ({ id, score: cosine(query, vector) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, depth)
    .map((hit) => hit.id);
  return reciprocalRankFusion([bm25, dense]).slice(0, input.k);
}
