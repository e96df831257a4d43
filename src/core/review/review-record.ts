// One line of reviews.jsonl: what the review job concluded about one file of one pull request (or of one
// local base..head range). Written by the review job (src/jobs/review), read by `/scrum apply` (which gates on
// `tier` and per-finding `confidence`) and by the next review of the same PR (reuse + duplicate-free posting).
// The schema is the contract (PLAN.md contract 7): add optional fields freely, bump `v` for anything else.
import { z } from "zod";

export const REVIEWS_PATH = "reviews.jsonl";

export const SEVERITIES = ["info", "minor", "major", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TIERS = ["auto", "dry_run", "simulation", "block"] as const;
export type Tier = (typeof TIERS)[number];

/** How one rung of the ladder went. `accepted` is the answer the findings come from. */
export const ATTEMPT_STATUSES = ["accepted", "thin", "invalid", "error"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const prdRefSchema = z.object({
  /** Chunk id (content-derived, stable across runs): see src/core/retrieval/chunk-markdown.ts. */
  id: z.string().min(1),
  /** Repository path of the document the chunk is from, read at the PR's base. */
  document: z.string(),
  /** Heading path, " > "-joined ("Review > Ladder"); "" for text before the first heading. */
  heading: z.string(),
  /** Byte offset (UTF-8) of the chunk in the document. */
  offset: z.number().int().nonnegative(),
});
export type PrdRef = z.infer<typeof prdRefSchema>;

export const reviewFindingSchema = z.object({
  /** 1-based, inclusive, lines of the file at head. */
  line_start: z.number().int().positive(),
  line_end: z.number().int().positive(),
  severity: z.enum(SEVERITIES),
  category: z.string(),
  /** 0-100: the model's confidence in this finding. */
  confidence: z.number().min(0).max(100),
  message: z.string(),
  /** Replacement text for lines line_start..line_end (no trailing newline needed). */
  suggestion: z.string().optional(),
  prd_refs: z.array(prdRefSchema),
  /** sha256 prefix of path + normalized message + the code at line_start..line_end: same finding, same print. */
  fingerprint: z.string().min(1),
});
export type ReviewFinding = z.infer<typeof reviewFindingSchema>;

export const reviewAttemptSchema = z.object({
  /** `provider/model` of the rung. */
  model: z.string(),
  status: z.enum(ATTEMPT_STATUSES),
  /** Why a rung was not accepted ("unparsable: …", "2 of 2 findings cited lines that do not exist"); "" when accepted. */
  reason: z.string(),
});
export type ReviewAttempt = z.infer<typeof reviewAttemptSchema>;

/** A finding the citation check removed, with why (`reason`) and what it said. */
export const droppedFindingSchema = z
  .object({
    reason: z.string(),
    line_start: z.number().optional(),
    line_end: z.number().optional(),
    message: z.string().optional(),
    refs: z.array(z.string()).optional(),
  })
  .loose();
export type DroppedFinding = z.infer<typeof droppedFindingSchema>;

export const reviewRecordSchema = z
  .object({
    v: z.literal(1),
    /** ISO time the file's review finished. */
    at: z.string(),
    path: z.string().min(1),
    base_sha: z.string(),
    head_sha: z.string(),
    /** git blob ids of the file at base and head ("" when absent there: an added file has no base blob). */
    base_blob: z.string(),
    head_blob: z.string(),
    pr: z.number().int().positive().optional(),
    /** The model whose answer was accepted, "" when none was (the ladder ran out). */
    model: z.string(),
    attempts: z.array(reviewAttemptSchema),
    alignment_score: z.number().min(1).max(10).optional(),
    summary: z.string().optional(),
    findings: z.array(reviewFindingSchema),
    dropped: z.array(droppedFindingSchema),
    /** Over the kept findings; 0 when there are none. */
    confidence_avg: z.number().min(0).max(100),
    confidence_min: z.number().min(0).max(100),
    tier: z.enum(TIERS),
    tokens: z.object({ prompt: z.number().int().nonnegative(), completion: z.number().int().nonnegative() }),
    /** Hash of the documents (paths + chunk ids) the file was reviewed against: reuse needs the same. */
    documents_key: z.string(),
    /** Hash of the ladder (`models.review`, in order) and the prompt version: reuse needs the same. */
    ladder_key: z.string(),
    /** True when the file was reviewed in parts around its hunks (too large for one prompt). */
    partial: z.boolean().optional(),
    /** True when this line copies an earlier review of the same content (incremental re-run). */
    reused: z.boolean().optional(),
  })
  .loose();
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

/**
 * Confidence tier of a file from its kept findings: `auto` (avg ≥ 90 and min ≥ 70), `dry_run` (avg ≥ 75),
 * `simulation` (avg ≥ 50), else `block`. No findings → `block`: there is nothing an applier could apply.
 */
export function tierOf(confidences: readonly number[]): { avg: number; min: number; tier: Tier } {
  if (confidences.length === 0) return { avg: 0, min: 0, tier: "block" };
  const avg = Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 10) / 10;
  const min = Math.min(...confidences);
  const tier: Tier = avg >= 90 && min >= 70 ? "auto" : avg >= 75 ? "dry_run" : avg >= 50 ? "simulation" : "block";
  return { avg, min, tier };
}

/**
 * Parse reviews.jsonl. Lines that do not validate are skipped and counted, never fatal: a record written by a
 * newer version must not stop an older applier from reading the rest.
 */
export function parseReviews(text: string | undefined): { records: ReviewRecord[]; invalid: number } {
  const records: ReviewRecord[] = [];
  let invalid = 0;
  for (const line of (text ?? "").split("\n")) {
    if (line.trim() === "") continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      invalid += 1;
      continue;
    }
    const parsed = reviewRecordSchema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else invalid += 1;
  }
  return { records, invalid };
}

/** The newest record per path for one PR (or one head sha when `pr` is undefined), in file order. */
export function latestReviews(records: readonly ReviewRecord[], filter: { pr?: number; headSha?: string }): Map<string, ReviewRecord> {
  const latest = new Map<string, ReviewRecord>();
  for (const record of records) {
    if (filter.pr !== undefined && record.pr !== filter.pr) continue;
    if (filter.headSha !== undefined && record.head_sha !== filter.headSha) continue;
    latest.set(record.path, record);
  }
  return latest;
}
