// Budget accounting as a wrapper around any ModelClient: every chat() first reserves one call and its
// estimated tokens (prompt + max output) on the day's ledger in the state store, atomically, and refuses
// with BudgetExceededError when that would pass a limit. After the call the estimate is replaced by the
// server-reported usage. A failed call keeps its call (a flaky provider must not allow unbounded retries)
// but spends no tokens. `budgetedEmbedder` books embedding passes on the same ledger.
import { ledgerPath, parseLedger, reserve, settle, utcDay, type BudgetLimits } from "../../core/budget.js";
import { countTokens, estimateChatTokens } from "../../core/tokens.js";
import type { Embedder } from "./embedder.js";
import type { ChatRequest, ChatResponse, ModelClient } from "../../ports/model.js";
import type { StateStore } from "../../ports/state.js";

export class BudgetExceededError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "BudgetExceededError";
  }
}

/** Estimates run a little high on purpose: servers' tokenizers differ from ours. */
const ESTIMATE_MARGIN = 1.1;

export function estimateRequestTokens(request: ChatRequest): number {
  return Math.ceil(estimateChatTokens(request.messages) * ESTIMATE_MARGIN) + request.maxTokens;
}

export function budgetedModelClient(
  inner: ModelClient,
  options: { state: StateStore; limits: BudgetLimits; now: () => Date },
): ModelClient {
  const { state, limits, now } = options;
  return {
    models: inner.models,
    async chat(request, callOptions) {
      const day = utcDay(now());
      const path = ledgerPath(day);
      const estimate = estimateRequestTokens(request);
      await state.transact(async (tx) => {
        const outcome = reserve(parseLedger(await tx.read(path), day), estimate, limits);
        if (!outcome.ok) throw new BudgetExceededError(outcome.reason);
        tx.write(path, JSON.stringify(outcome.ledger, null, 2) + "\n");
      });
      let response: ChatResponse | undefined;
      try {
        response = await inner.chat(request, callOptions);
        return response;
      } finally {
        const spent = response ? response.usage.prompt_tokens + response.usage.completion_tokens : 0;
        const model = response?.model ?? inner.models[0] ?? "unknown";
        await state.transact(async (tx) => {
          tx.write(path, JSON.stringify(settle(parseLedger(await tx.read(path), day), estimate, spent, model), null, 2) + "\n");
        });
      }
    },
  };
}

/**
 * The same ledger around an embedder: each embedding pass reserves one call and the texts' token count before
 * any request, and refuses with BudgetExceededError past a limit. Embeddings servers report no usage we rely
 * on, so the estimate is what is booked. Callers treat a refusal like any embedding failure (BM25 alone).
 */
export function budgetedEmbedder(inner: Embedder, options: { state: StateStore; limits: BudgetLimits; now: () => Date }): Embedder {
  const { state, limits, now } = options;
  return {
    id: inner.id,
    async embed(texts) {
      if (texts.length === 0) return [];
      const day = utcDay(now());
      const path = ledgerPath(day);
      const tokens = texts.reduce((sum, text) => sum + countTokens(text), 0);
      await state.transact(async (tx) => {
        const outcome = reserve(parseLedger(await tx.read(path), day), tokens, limits);
        if (!outcome.ok) throw new BudgetExceededError(outcome.reason);
        tx.write(path, JSON.stringify(settle(outcome.ledger, tokens, tokens, inner.id), null, 2) + "\n");
      });
      return inner.embed(texts);
    },
  };
}
