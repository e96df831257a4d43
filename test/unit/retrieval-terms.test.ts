import { describe, expect, it } from "vitest";
import { queryTerms, stem, tokenize } from "../../src/core/retrieval/retrieval-terms.js";

describe("tokenize", () => {
  it("splits identifiers at case changes, digits and punctuation", () => {
    expect(tokenize("parseCsvRow HTTPServer snake_case_name src/billing/invoice-export.ts v2")).toEqual([
      "parse", "Csv", "Row", "HTTP", "Server", "snake", "case", "name", "src", "billing", "invoice", "export", "ts", "v", "2",
    ]);
  });

  it("keeps letters outside ASCII", () => {
    expect(tokenize("Größe prüfen 日本語")).toEqual(["Größe", "prüfen", "日本語"]);
  });
});

describe("queryTerms", () => {
  it("lower-cases, stems, drops stopwords and one-letter words, and keeps first appearances in order", () => {
    expect(queryTerms(["Add CSV exports of the monthly Invoices to a file", "Billing", "src/billing/invoice-csv.ts"])).toEqual([
      "csv", "export", "monthly", "invoice", "file", "bill", "src", "ts",
    ]);
  });
});

describe("stem", () => {
  it("cuts inflections only when four letters remain", () => {
    expect(["exports", "parsing", "parsed", "queries", "matches", "caches", "status", "class", "uses", "ids"].map(stem)).toEqual([
      "export", "pars", "pars", "quer", "match", "cach", "status", "class", "uses", "ids",
    ]);
  });
});
