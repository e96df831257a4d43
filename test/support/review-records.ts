// Review records (reviews.jsonl lines, src/core/review/review-record.ts) for apply tests.
import type { ReviewRecord } from "../../src/core/review/review-record.js";

export function reviewRecord(path: string, headSha: string, overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    v: 1,
    at: "2026-12-02T01:00:00.000Z",
    path,
    base_sha: "0".repeat(40),
    head_sha: headSha,
    base_blob: "",
    head_blob: "",
    model: "default/reviewer",
    attempts: [{ model: "default/reviewer", status: "accepted", reason: "" }],
    findings: [
      {
        line_start: 2,
        line_end: 2,
        severity: "major",
        category: "bug",
        confidence: 95,
        message: "off by one",
        prd_refs: [],
        fingerprint: `fp-${path}`,
      },
    ],
    dropped: [],
    confidence_avg: 95,
    confidence_min: 95,
    tier: "auto",
    tokens: { prompt: 10, completion: 5 },
    documents_key: "d",
    ladder_key: "l",
    ...overrides,
  };
}
