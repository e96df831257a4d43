// The review ladder and the embedder from config + environment: one client per rung of `models.review` (each
// rung is its own chain of one, so the ladder, not the client's fallback, decides what happens after a failure),
// and `models.embed` when configured. The job wraps every rung in the budget ledger.
import { createEmbedder, type Embedder } from "../adapters/model/embedder.js";
import { createOpenAIModelClient } from "../adapters/model/openai-compatible.js";
import { resolveEmbedModel, resolveModelChain } from "../config/resolve-models.js";
import type { Config } from "../config/schema.js";
import type { Rung } from "../jobs/review/review-file.js";

export interface ReviewModels {
  ladder: Rung[];
  embedder?: Embedder;
}

export function reviewModelsFor(config: Config, env: Record<string, string | undefined>, options: { file?: string; fetch?: typeof globalThis.fetch } = {}): ReviewModels {
  const chain = resolveModelChain(config, env, { task: "review", ...(options.file ? { file: options.file } : {}) });
  // One retry per rung for 429/5xx blips; past that the next rung is the better retry.
  const ladder = chain.map((model) => ({ id: model.id, client: createOpenAIModelClient([model], { maxRetries: 1, ...(options.fetch ? { fetch: options.fetch } : {}) }) }));
  const embed = resolveEmbedModel(config, env, options.file ? { file: options.file } : {});
  return { ladder, ...(embed ? { embedder: createEmbedder(embed, options.fetch ? { fetch: options.fetch } : {}) } : {}) };
}
