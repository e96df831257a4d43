import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-VFFGMFW5.js";

// src/core/review/review-record.ts
var REVIEWS_PATH = "reviews.jsonl";
var SEVERITIES = ["info", "minor", "major", "critical"];
var TIERS = ["auto", "dry_run", "simulation", "block"];
var ATTEMPT_STATUSES = ["accepted", "thin", "invalid", "error"];
var prdRefSchema = external_exports.object({
  /** Chunk id (content-derived, stable across runs): see src/core/retrieval/chunk-markdown.ts. */
  id: external_exports.string().min(1),
  /** Repository path of the document the chunk is from, read at the PR's base. */
  document: external_exports.string(),
  /** Heading path, " > "-joined ("Review > Ladder"); "" for text before the first heading. */
  heading: external_exports.string(),
  /** Byte offset (UTF-8) of the chunk in the document. */
  offset: external_exports.number().int().nonnegative()
});
var reviewFindingSchema = external_exports.object({
  /** 1-based, inclusive, lines of the file at head. */
  line_start: external_exports.number().int().positive(),
  line_end: external_exports.number().int().positive(),
  severity: external_exports.enum(SEVERITIES),
  category: external_exports.string(),
  /** 0-100: the model's confidence in this finding. */
  confidence: external_exports.number().min(0).max(100),
  message: external_exports.string(),
  /** Replacement text for lines line_start..line_end (no trailing newline needed). */
  suggestion: external_exports.string().optional(),
  prd_refs: external_exports.array(prdRefSchema),
  /** sha256 prefix of path + normalized message + the code at line_start..line_end: same finding, same print. */
  fingerprint: external_exports.string().min(1)
});
var reviewAttemptSchema = external_exports.object({
  /** `provider/model` of the rung. */
  model: external_exports.string(),
  status: external_exports.enum(ATTEMPT_STATUSES),
  /** Why a rung was not accepted ("unparsable: …", "2 of 2 findings cited lines that do not exist"); "" when accepted. */
  reason: external_exports.string()
});
var droppedFindingSchema = external_exports.object({
  reason: external_exports.string(),
  line_start: external_exports.number().optional(),
  line_end: external_exports.number().optional(),
  message: external_exports.string().optional(),
  refs: external_exports.array(external_exports.string()).optional()
}).loose();
var reviewRecordSchema = external_exports.object({
  v: external_exports.literal(1),
  /** ISO time the file's review finished. */
  at: external_exports.string(),
  path: external_exports.string().min(1),
  base_sha: external_exports.string(),
  head_sha: external_exports.string(),
  /** git blob ids of the file at base and head ("" when absent there: an added file has no base blob). */
  base_blob: external_exports.string(),
  head_blob: external_exports.string(),
  pr: external_exports.number().int().positive().optional(),
  /** The model whose answer was accepted, "" when none was (the ladder ran out). */
  model: external_exports.string(),
  attempts: external_exports.array(reviewAttemptSchema),
  alignment_score: external_exports.number().min(1).max(10).optional(),
  summary: external_exports.string().optional(),
  findings: external_exports.array(reviewFindingSchema),
  dropped: external_exports.array(droppedFindingSchema),
  /** Over the kept findings; 0 when there are none. */
  confidence_avg: external_exports.number().min(0).max(100),
  confidence_min: external_exports.number().min(0).max(100),
  tier: external_exports.enum(TIERS),
  tokens: external_exports.object({ prompt: external_exports.number().int().nonnegative(), completion: external_exports.number().int().nonnegative() }),
  /** Hash of the documents (paths + chunk ids) the file was reviewed against: reuse needs the same. */
  documents_key: external_exports.string(),
  /** Hash of the ladder (`models.review`, in order) and the prompt version: reuse needs the same. */
  ladder_key: external_exports.string(),
  /** True when the file was reviewed in parts around its hunks (too large for one prompt). */
  partial: external_exports.boolean().optional(),
  /** True when this line copies an earlier review of the same content (incremental re-run). */
  reused: external_exports.boolean().optional()
}).loose();
function tierOf(confidences) {
  if (confidences.length === 0) return { avg: 0, min: 0, tier: "block" };
  const avg = Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length * 10) / 10;
  const min = Math.min(...confidences);
  const tier = avg >= 90 && min >= 70 ? "auto" : avg >= 75 ? "dry_run" : avg >= 50 ? "simulation" : "block";
  return { avg, min, tier };
}
function parseReviews(text) {
  const records = [];
  let invalid = 0;
  for (const line of (text ?? "").split("\n")) {
    if (line.trim() === "") continue;
    let raw;
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
function latestReviews(records, filter) {
  const latest = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (filter.pr !== void 0 && record.pr !== filter.pr) continue;
    if (filter.headSha !== void 0 && record.head_sha !== filter.headSha) continue;
    latest.set(record.path, record);
  }
  return latest;
}

export {
  REVIEWS_PATH,
  SEVERITIES,
  tierOf,
  parseReviews,
  latestReviews
};
