// Embeddings on (models.embed, an OpenAI-compatible /embeddings on loopback): BM25 and cosine rankings fused,
// chunk vectors cached in the state store so an unchanged document is never embedded twice; an embeddings
// server that fails leaves retrieval to BM25, never the review.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { answer, FETCHER, makeReviewFixture, providerConfig, type ReviewFixture } from "../support/review-fixture.js";

let model: FakeOpenAI | undefined;
let fixture: ReviewFixture | undefined;

afterEach(async () => {
  await model?.close();
  await fixture?.cleanup();
});

/** A deterministic bag-of-letters vector: enough for cosine to mean something. */
const vector = (text: string) => Array.from({ length: 26 }, (_, i) => [...text.toLowerCase()].filter((c) => c.charCodeAt(0) === 97 + i).length);
const summary = "The change keeps the requirement about retries and backoff; nothing else in the PRD applies.";

describe("review with embeddings", () => {
  it("fuses BM25 with cosine and embeds each chunk once across runs", async () => {
    const embedded: string[][] = [];
    model = await startFakeOpenAI({
      embed: (inputs) => {
        embedded.push(inputs);
        return inputs.map(vector);
      },
      respond: () => answer({ summary, alignment_score: 8, findings: [], gaps: [] }),
    });
    fixture = await makeReviewFixture();
    await fixture.commitOnFeature({ "src/fetcher.ts": FETCHER.replace("attempt += 1;", "attempt += 2;") });
    const config = providerConfig(model.url, { review: ["local/r"], embed: "local/embedder" });
    const first = await fixture.review(config);
    expect(first.documents.retrieval).toBe("bm25+embeddings");
    expect(first.documents.embedded).toBe(first.documents.chunks);
    expect(embedded.map((batch) => batch.length)).toEqual([first.documents.chunks, 1]); // chunks, then the file's query
    await fixture.commitOnFeature({ "src/fetcher.ts": FETCHER.replace("attempt += 1;", "attempt += 3;") });
    const second = await fixture.review(config);
    expect(second.documents.embedded).toBe(0);
    expect(embedded.slice(2).map((batch) => batch.length)).toEqual([1]);
    expect(second.files[0]?.status).toBe("reviewed");
  });

  it("falls back to BM25 when the embeddings server fails", async () => {
    model = await startFakeOpenAI({ respond: () => answer({ summary, alignment_score: 8, findings: [], gaps: [] }) });
    fixture = await makeReviewFixture();
    await fixture.commitOnFeature({ "src/fetcher.ts": FETCHER.replace("attempt += 1;", "attempt += 2;") });
    const result = await fixture.review(providerConfig(model.url, { review: ["local/r"], embed: "local/embedder" }));
    expect(result.documents.retrieval).toBe("bm25");
    expect(result.files[0]?.status).toBe("reviewed");
  });
});
