// The documents a review judges against: `review.documents` globs (default the PRD and docs/**/*.md) read at the
// PR's base, chunked, indexed for BM25, and, when `models.embed` is configured, embedded (vectors cached in the
// state store by chunk id). A PR that changes a document is still judged against the base version.
import { createHash } from "node:crypto";
import picomatch from "picomatch";
import type { Embedder } from "../../adapters/model/embedder.js";
import type { ReviewSource } from "../../adapters/workspace/git-review-source.js";
import type { Config } from "../../config/schema.js";
import { buildChunkIndex, type ChunkIndex } from "../../core/retrieval/chunk-index.js";
import { chunkMarkdown, type MarkdownChunk } from "../../core/retrieval/chunk-markdown.js";
import { retrieveChunks } from "../../core/retrieval/retrieve-chunks.js";
import type { StateStore } from "../../ports/state.js";
import { cachedVectors } from "../shared/vector-cache.js";

export interface ReviewDocuments {
  paths: string[];
  chunks: Map<string, MarkdownChunk>;
  index: ChunkIndex;
  /** Changes when any document (chunk id), the chunking or top_k changes: reuse of an earlier review needs the same. */
  key: string;
  embedder?: Embedder;
  vectors?: Map<string, Float32Array>;
  /** Chunks embedded in this run (0 when all were cached). */
  embedded: number;
  /** Top chunks for one file's query; `queryText` is embedded when an embedder is configured. */
  retrieve(terms: readonly string[], queryText: string): Promise<MarkdownChunk[]>;
}

/** Files larger than this are not treated as documents (a generated changelog of megabytes helps no review). */
const MAX_DOCUMENT_BYTES = 4_000_000;

export function documentGlobs(config: Config): string[] {
  return config.review.documents ?? [config.prd.path, "docs/**/*.md"];
}

export async function loadReviewDocuments(
  source: ReviewSource,
  config: Config,
  options: { state: StateStore; embedder?: Embedder; warn: (message: string) => void },
): Promise<ReviewDocuments> {
  const matches = picomatch(documentGlobs(config), { dot: true });
  const paths = (await source.pathsAtBase()).filter((path) => matches(path)).sort();
  const chunks = new Map<string, MarkdownChunk>();
  for (const path of paths) {
    const file = await source.read("base", path);
    if (!file || file.content.length > MAX_DOCUMENT_BYTES || file.content.includes("\0")) continue;
    for (const chunk of chunkMarkdown(path, file.content, { maxChars: config.review.chunk_chars, overlap: config.review.chunk_overlap })) chunks.set(chunk.id, chunk);
  }
  const index = buildChunkIndex([...chunks.values()]);
  const key = createHash("sha256")
    .update(JSON.stringify({ ids: [...chunks.keys()], k: config.review.top_k, embed: options.embedder?.id ?? null }))
    .digest("hex")
    .slice(0, 16);
  let vectors: Map<string, Float32Array> | undefined;
  let embedded = 0;
  let embedder = options.embedder;
  if (embedder && chunks.size > 0) {
    try {
      const cached = await cachedVectors(options.state, embedder, [...chunks.values()].map((chunk) => ({ id: chunk.id, text: embedText(chunk) })));
      vectors = cached.vectors;
      embedded = cached.embedded;
    } catch (error) {
      // Retrieval never needs a model: without vectors, BM25 alone.
      options.warn(`${(error as Error).message}; retrieving with BM25 alone`);
      embedder = undefined;
    }
  }
  const topK = config.review.top_k;
  return {
    paths,
    chunks,
    index,
    key,
    ...(embedder ? { embedder } : {}),
    ...(vectors ? { vectors } : {}),
    embedded,
    async retrieve(terms, queryText) {
      let queryVector: Float32Array | undefined;
      if (embedder && vectors) {
        queryVector = await embedder
          .embed([queryText.slice(0, 8000)])
          .then((v) => v[0])
          .catch((error: Error) => {
            options.warn(`${error.message}; this file's sections come from BM25 alone`);
            return undefined;
          });
      }
      const ids = retrieveChunks({ index, terms, k: topK, ...(vectors && queryVector ? { vectors, queryVector } : {}) });
      return ids.map((id) => chunks.get(id) as MarkdownChunk);
    },
  };
}

function embedText(chunk: MarkdownChunk): string {
  return `${chunk.heading.join(" > ")}\n${chunk.text}`.slice(0, 8000);
}
