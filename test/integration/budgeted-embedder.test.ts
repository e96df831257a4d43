// Embedding passes are booked on the same daily ledger as chat calls: one call and the texts' tokens each,
// refused before any request once a limit would be passed.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BudgetExceededError, budgetedEmbedder } from "../../src/adapters/model/budgeted.js";
import type { Embedder } from "../../src/adapters/model/embedder.js";
import { createDirectoryStore } from "../../src/adapters/state/directory-store.js";
import { countTokens } from "../../src/core/tokens.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function countingEmbedder(): Embedder & { passes: number } {
  const embedder = {
    id: "local/embed-1",
    passes: 0,
    async embed(texts: readonly string[]) {
      embedder.passes += 1;
      return texts.map(() => new Float32Array([1, 0]));
    },
  };
  return embedder;
}

describe("budgetedEmbedder", () => {
  it("books each pass as one call with its tokens, and refuses without asking once the day's calls are spent", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-embed-budget-"));
    dirs.push(dir);
    const state = createDirectoryStore(dir);
    const inner = countingEmbedder();
    const now = () => new Date("2026-12-02T10:00:00Z");
    const embedder = budgetedEmbedder(inner, { state, limits: { calls_per_day: 2, tokens_per_day: 10_000 }, now });
    const texts = ["def parse_headers(raw):", "class Session:"];

    expect(await embedder.embed(texts)).toHaveLength(2);
    expect(await embedder.embed([])).toEqual([]);
    await embedder.embed(["one more"]);
    const ledger = JSON.parse((await state.read("budget/2026-12-02.json")) ?? "{}");
    expect(ledger.calls).toBe(2);
    expect(ledger.tokens).toBe(countTokens(texts[0]!) + countTokens(texts[1]!) + countTokens("one more"));
    expect(ledger.by_model["local/embed-1"]).toBe(ledger.tokens);

    await expect(embedder.embed(["third pass"])).rejects.toBeInstanceOf(BudgetExceededError);
    expect(inner.passes).toBe(2);
  });
});
