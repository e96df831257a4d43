import { describe, expect, it } from "vitest";
import { FILE_OVERHEAD_TOKENS, fileTokens, looksBinary, selectContext, type CandidateFile } from "../../src/core/retrieval/retrieval.js";

const gap = (text: string, files: string[] = [], section: string[] = []) => ({ text, files, section });

function source(topic: string, lines: number): string {
  return Array.from({ length: lines }, (_, i) => `export function ${topic}Step${i}(input: Input): Output { return helper${i}(input); }`).join("\n");
}

const distractors: CandidateFile[] = Array.from({ length: 60 }, (_, i) => ({
  path: `src/misc/module-${i}.ts`,
  content: source(["render", "schedule", "upload", "notify"][i % 4] as string, 10 + (i % 7)),
}));

describe("selectContext", () => {
  it("puts the relevant file first among distractors", () => {
    const files = [...distractors, { path: "src/billing/invoice-csv-export.ts", content: source("exportInvoiceCsv", 12) }];
    const selection = selectContext(gap("Export monthly invoices as CSV", [], ["Billing"]), files, { maxTokens: 4000, maxFiles: 3 });
    expect(selection.files[0]?.path).toBe("src/billing/invoice-csv-export.ts");
    expect(selection.files[0]?.source).toBe("search");
    expect(selection.ranking[0]?.path).toBe("src/billing/invoice-csv-export.ts");
    expect(selection.terms.query).toEqual(["export", "monthly", "invoice", "csv", "bill"]);
  });

  it("puts the files the gap names first, in the gap's order, then search matches", () => {
    const files = [
      ...distractors,
      { path: "src/upload/limits.ts", content: source("uploadLimit", 5) },
      { path: "src/config.ts", content: "export const config = {};" },
    ];
    const selection = selectContext(gap("Raise upload limits, see ./src/config.ts and src/upload/limits.ts and src/missing.ts", ["./src/config.ts", "src/upload/limits.ts", "src/missing.ts"]), files, {
      maxTokens: 6000,
      maxFiles: 5,
    });
    expect(selection.files.map((file) => [file.path, file.source]).slice(0, 2)).toEqual([
      ["src/config.ts", "named"],
      ["src/upload/limits.ts", "named"],
    ]);
    const matches = selection.files.slice(2);
    expect(matches).toHaveLength(3);
    for (const file of matches) {
      expect(file.source).toBe("search");
      expect(file.content).toContain("uploadStep");
    }
    expect(selection.skipped).toContainEqual({ path: "src/missing.ts", reason: "not_found" });
  });

  it("stays within the token budget and counts every file's tokens with its overhead", () => {
    for (const maxTokens of [300, 1000, 2500]) {
      const selection = selectContext(gap("schedule upload render notify step helper"), distractors, { maxTokens, maxFiles: 50 });
      expect(selection.files.length).toBeGreaterThan(0);
      expect(selection.tokens).toBeLessThanOrEqual(maxTokens);
      expect(selection.tokens).toBe(selection.files.reduce((sum, file) => sum + file.tokens, 0) + selection.map.tokens);
      for (const file of selection.files) expect(file.tokens).toBe(fileTokens(file.path, file.content));
    }
  });

  it("shows a match that does not fit whole as its outline and matching regions, marked partial", () => {
    const engine = source("quotaLimit", 120).split("\n");
    engine[60] = "export function enforceQuotaLimit(input: Input): Output { return checkQuota(input); }";
    const files = [{ path: "src/quota/quota-engine.ts", content: engine.join("\n") }, ...distractors];
    const selection = selectContext(gap("Enforce the quota limit"), files, { maxTokens: 1500, maxFiles: 5, mapShare: 0 });
    expect(selection.ranking[0]?.path).toBe("src/quota/quota-engine.ts");
    const [file] = selection.files;
    expect(file?.path).toBe("src/quota/quota-engine.ts");
    expect(file?.partial).toBe(true);
    expect(file?.lines).toBe(120);
    expect(file?.content).toMatch(/^\[outline\]\n1: export function quotaLimitStep0/);
    expect(file?.content).toContain("[regions]\n");
    expect(file?.ranges?.some((range) => range.start <= 61 && 61 <= range.end)).toBe(true);
    expect(file?.content).toContain("@@ lines ");
    expect(file?.content).toContain("export function enforceQuotaLimit(input: Input)");
    expect(selection.tokens).toBeLessThanOrEqual(1500);
  });

  it("respects maxFiles", () => {
    const selection = selectContext(gap("schedule upload render notify"), distractors, { maxTokens: 100_000, maxFiles: 4 });
    expect(selection.files).toHaveLength(4);
  });

  it("shows a named file that does not fit in part, and skips it when too little room is left", () => {
    const big = { path: "src/big.ts", content: source("bigThing", 400) };
    const selection = selectContext(gap("Fix src/big.ts", ["src/big.ts"]), [big], { maxTokens: 1000, maxFiles: 3 });
    const [file] = selection.files;
    expect(file?.partial).toBe(true);
    expect(file?.source).toBe("named");
    expect(file?.reasons).toContain("named by src/big.ts");
    expect(file?.tokens).toBeLessThanOrEqual(1000);

    const tight = selectContext(gap("Fix src/big.ts", ["src/big.ts"]), [big], { maxTokens: 200, maxFiles: 3 });
    expect(tight.files).toEqual([]);
    expect(tight.skipped).toEqual([{ path: "src/big.ts", reason: "over_budget" }]);
  });

  it("never sends binary-looking or oversized files", () => {
    const files = [
      { path: "assets/logo.png", content: "\u0089PNG\r\n\u001a\n\u0000\u0000 upload" },
      { path: "src/huge.ts", content: source("upload", 2000) },
      { path: "src/upload.ts", content: source("upload", 3) },
    ];
    const selection = selectContext(gap("upload", ["assets/logo.png"]), files, { maxTokens: 5000, maxFiles: 5, maxFileBytes: 50_000 });
    expect(selection.files.map((file) => file.path)).toEqual(["src/upload.ts"]);
    expect(selection.filtered).toEqual({ binary: 1, tooLarge: 1 });
    expect(selection.skipped).toEqual([{ path: "assets/logo.png", reason: "binary" }]);
  });

  it("says which limit is wrong and where to set it", () => {
    expect(() => selectContext(gap("x"), [], { maxTokens: 0, maxFiles: 1 })).toThrow(/maxTokens must be a whole number above 0 \(context\.max_tokens in \.github\/prd-bot\.yml\), got 0/);
    expect(() => selectContext(gap("x"), [], { maxTokens: 10, maxFiles: 1.5 })).toThrow(/maxFiles .*context\.max_files/);
  });

  it("charges the header overhead per file", () => {
    expect(fileTokens("a.ts", "")).toBe(FILE_OVERHEAD_TOKENS + 2);
  });
});

describe("looksBinary", () => {
  it("tells text from binary", () => {
    expect(looksBinary("plain\ttext\r\nwith lines\f")).toBe(false);
    expect(looksBinary("")).toBe(false);
    expect(looksBinary("abc\u0000def")).toBe(true);
    expect(looksBinary("\u0001\u0002\u0003abcdefgh")).toBe(true);
    expect(looksBinary("\ufffd\ufffdab")).toBe(true);
  });
});
