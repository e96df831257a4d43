// Embeddings over any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, LM Studio, gateways) with
// the official SDK (its retries, timeouts), in batches. Vectors are asked as plain floats: several local servers
// do not implement the SDK's default base64 encoding. Failures say which model and server, never the key.
import type OpenAI from "openai";
import type { ResolvedModel } from "../../ports/model-config.js";
import { describeModelFailure } from "./describe-model-failure.js";
import { openAISdk } from "./openai-sdk.js";

export interface Embedder {
  /** `provider/model`, part of the cache key: vectors of two models never mix. */
  readonly id: string;
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export class EmbeddingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddingError";
  }
}

export interface EmbedderOptions {
  fetch?: typeof globalThis.fetch;
  /** Texts per request (default 64). */
  batchSize?: number;
  maxRetries?: number;
}

export function createEmbedder(model: ResolvedModel, options: EmbedderOptions = {}): Embedder {
  const maxRetries = options.maxRetries ?? 2;
  const sdk = openAISdk(model, { maxRetries, fetch: options.fetch });
  const batchSize = Math.max(1, options.batchSize ?? 64);
  return {
    id: model.id,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let from = 0; from < texts.length; from += batchSize) {
        const batch = texts.slice(from, from + batchSize);
        let response: OpenAI.Embeddings.CreateEmbeddingResponse;
        try {
          response = await sdk.embeddings.create({ model: model.model, input: [...batch], encoding_format: "float" });
        } catch (error) {
          throw new EmbeddingError(`embeddings from ${model.id}: ${describeModelFailure(error, model, { tries: maxRetries + 1, secrets: model.apiKey ? [model.apiKey] : [] })}`);
        }
        const data = [...(response.data ?? [])].sort((a, b) => a.index - b.index);
        if (data.length !== batch.length || data.some((item) => !Array.isArray(item.embedding) || item.embedding.length === 0)) {
          throw new EmbeddingError(`embeddings from ${model.id}: expected ${batch.length} vectors, got ${data.length} (is ${model.model} an embeddings model?)`);
        }
        for (const item of data) vectors.push(normalize(item.embedding));
      }
      return vectors;
    },
  };
}

export function normalize(vector: readonly number[]): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(vector, (x) => x * scale);
}
