import { describe, expect, it } from "vitest";
import { latestReviews, parseReviews, reviewRecordSchema, tierOf, type ReviewRecord } from "../../src/core/review/review-record.js";

function record(over: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    v: 1,
    at: "2026-12-02T01:00:00.000Z",
    path: "src/a.ts",
    base_sha: "b".repeat(40),
    head_sha: "h".repeat(40),
    base_blob: "1".repeat(40),
    head_blob: "2".repeat(40),
    pr: 7,
    model: "local/small",
    attempts: [{ model: "local/small", status: "accepted", reason: "" }],
    findings: [
      {
        line_start: 3,
        line_end: 4,
        severity: "major",
        category: "requirement",
        confidence: 92,
        message: "The PRD asks for a retry limit.",
        suggestion: "const retries = 3;",
        prd_refs: [{ id: "c0ffee12", document: "docs/PRD.md", heading: "Fetching > Retries", offset: 120 }],
        fingerprint: "abc123",
      },
    ],
    dropped: [{ reason: "line 99 is past the end of the file (40 lines)", line_start: 99 }],
    confidence_avg: 92,
    confidence_min: 92,
    tier: "auto",
    tokens: { prompt: 1000, completion: 200 },
    documents_key: "d",
    ladder_key: "l",
    ...over,
  };
}

describe("review records", () => {
  it("tiers files by the confidences of their kept findings", () => {
    expect(tierOf([95, 90, 85])).toEqual({ avg: 90, min: 85, tier: "auto" });
    expect(tierOf([99, 99, 60])).toMatchObject({ tier: "dry_run" });
    expect(tierOf([75])).toMatchObject({ tier: "dry_run" });
    expect(tierOf([74, 50])).toMatchObject({ tier: "simulation" });
    expect(tierOf([49])).toMatchObject({ tier: "block" });
    expect(tierOf([])).toEqual({ avg: 0, min: 0, tier: "block" });
  });

  it("reads reviews.jsonl, skipping lines it cannot validate, and keeps the newest per path", () => {
    const lines = [
      JSON.stringify(record()),
      "not json",
      JSON.stringify({ ...record(), v: 2 }),
      JSON.stringify(record({ path: "src/b.ts", pr: 8 })),
      JSON.stringify(record({ at: "2026-12-02T02:00:00.000Z", tier: "block", extra_field: true } as Partial<ReviewRecord>)),
    ].join("\n");
    const { records, invalid } = parseReviews(lines + "\n");
    expect(invalid).toBe(2);
    expect(records).toHaveLength(3);
    const latest = latestReviews(records, { pr: 7 });
    expect([...latest.keys()]).toEqual(["src/a.ts"]);
    expect(latest.get("src/a.ts")?.tier).toBe("block");
  });

  it("refuses a finding without a fingerprint or with an unknown severity", () => {
    const bad = record();
    const finding = { ...bad.findings[0], severity: "huge", fingerprint: "" };
    expect(reviewRecordSchema.safeParse({ ...bad, findings: [finding] }).success).toBe(false);
  });
});
