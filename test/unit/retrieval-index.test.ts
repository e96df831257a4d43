import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { rankFiles, rescaledBm25, type IndexedFile } from "../../src/core/retrieval/retrieval-index.js";
import { tokenize } from "../../src/core/retrieval/retrieval-terms.js";

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Files of varied length over a vocabulary where some words are rare and some common. */
function corpus(count: number, seed: number): IndexedFile[] {
  const random = lcg(seed);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `word${i}`);
  const rare = ["ledger", "parser", "parsing", "quota", "throttle"];
  return Array.from({ length: count }, (_, i) => {
    const words: string[] = [];
    const length = 20 + Math.floor(random() * 600);
    for (let w = 0; w < length; w += 1) {
      const roll = random();
      words.push(roll < 0.002 ? (rare[Math.floor(random() * rare.length)] as string) : roll < 0.3 ? "value" : (vocabulary[Math.floor(random() ** 2 * 400)] as string));
    }
    return { path: `src/m${i % 7}/file${i}.ts`, content: words.join(" ") };
  });
}

/** The reference: one MiniSearch index over every file's whole content. */
function fullIndexRanking(files: IndexedFile[], terms: string[]): { path: string; score: number }[] {
  const index = new MiniSearch<{ id: number; content: string }>({
    fields: ["content"],
    storeFields: [],
    tokenize,
    processTerm: (token) => token.toLowerCase(),
  });
  index.addAll(files.map((file, id) => ({ id, content: file.content })));
  return index
    .search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= 4 })
    .map((result) => ({ path: (files[result.id as number] as IndexedFile).path, score: result.score }));
}

describe("rankFiles", () => {
  it("ranks content exactly like a full MiniSearch index of every file", () => {
    const files = corpus(400, 7);
    const terms = ["ledger", "pars", "quota"];
    const ours = rankFiles(files, terms, { lengthSample: Infinity, pathWeight: 0, limit: 1000 });
    const reference = fullIndexRanking(files, terms);
    // Far fewer files were tokenized than the reference indexed, yet the scores are the same.
    expect(ours.tokenizedFiles).toBeLessThan(files.length * 0.8);
    expect(ours.ranked.length).toBe(reference.length);
    ours.ranked.forEach((result, i) => {
      expect(result.score).toBeCloseTo(reference[i]?.score ?? NaN, 6);
    });
    expect(new Set(ours.ranked.map((r) => r.path))).toEqual(new Set(reference.map((r) => r.path)));
  });

  it("keeps the same leaders when the mean length is estimated from a sample", () => {
    const files = corpus(600, 11);
    const terms = ["ledger", "throttle"];
    const exact = rankFiles(files, terms, { lengthSample: Infinity, limit: 10 }).ranked.map((r) => r.path);
    const sampled = rankFiles(files, terms, { lengthSample: 20, limit: 10 }).ranked.map((r) => r.path);
    expect(sampled.slice(0, 5)).toEqual(exact.slice(0, 5));
  });

  it("leaves terms found in most files out of content scoring but still matches them in paths", () => {
    const files = corpus(200, 3);
    files.push({ path: "src/value/value-store.ts", content: "nothing rare here" });
    const result = rankFiles(files, ["value", "ledger"]);
    expect(result.commonTerms).toEqual(["value"]);
    expect(result.contentTerms).toEqual(["ledger"]);
    expect(result.ranked.some((r) => r.path === "src/value/value-store.ts" && r.terms.includes("value"))).toBe(true);
  });

  it("puts the file about the query first among distractors that share one word each", () => {
    const files: IndexedFile[] = [
      { path: "src/billing/invoice.ts", content: "export class Invoice { total(): number { return 0; } }" },
      { path: "src/io/csv-reader.ts", content: "export function readCsv(text: string) { return text.split(','); }" },
      { path: "src/reports/monthly.ts", content: "export const monthlyWindow = 30;" },
      { path: "src/billing/invoice-csv-export.ts", content: "export function exportInvoicesCsv(invoices: Invoice[], month: Month) { /* monthly csv of invoices */ }" },
      ...corpus(100, 5),
    ];
    const [first, second] = rankFiles(files, ["csv", "invoice", "monthly", "export"]).ranked;
    expect(first?.path).toBe("src/billing/invoice-csv-export.ts");
    expect(first?.terms.sort()).toEqual(["csv", "export", "invoice", "monthly"]);
    expect(second?.score).toBeLessThan((first?.score ?? 0) / 2);
  });

  it("finds other forms of a stemmed term by prefix", () => {
    const files = [
      { path: "a.ts", content: "the parser and parsing" },
      { path: "b.ts", content: "nothing relevant" },
    ];
    expect(rankFiles(files, ["pars"]).ranked.map((r) => r.path)).toEqual(["a.ts"]);
  });

  it("returns nothing without terms or files", () => {
    expect(rankFiles([], ["x"]).ranked).toEqual([]);
    expect(rankFiles(corpus(5, 1), []).ranked).toEqual([]);
  });
});

describe("rescaledBm25", () => {
  it("turns the index's length normalisation into the corpus' one, up to a constant", () => {
    const { params, scale } = rescaledBm25(300, 200);
    const norm = (k: number, b: number, mean: number, length: number) => k * (1 - b + (b * length) / mean);
    for (const length of [10, 200, 300, 5000]) {
      expect(norm(params.k, params.b, 300, length)).toBeCloseTo(norm(1.2, 0.7, 200, length), 9);
    }
    expect(scale).toBeCloseTo((params.k + 1) / 2.2, 12);
    expect(rescaledBm25(0, 100).scale).toBe(1);
  });
});
