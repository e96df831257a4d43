// What one review run concluded, per file and overall: the shape of `prd-bot review --json`, of the report and
// of what the forge posting reads. Records (reviews.jsonl) are derived from it (review-record.ts).
import type { AttemptStatus, DroppedFinding, PrdRef, ReviewAttempt, ReviewFinding, Tier } from "./review-record.js";

export type FileStatus = "reviewed" | "unresolved" | "skipped" | "reused";

export interface FileReview {
  path: string;
  status: FileStatus;
  /** Why a file was skipped or left unresolved. */
  reason?: string;
  model: string;
  attempts: ReviewAttempt[];
  alignment_score: number | null;
  summary: string;
  findings: ReviewFinding[];
  gaps: { message: string; prd_refs: PrdRef[] }[];
  dropped: DroppedFinding[];
  confidence_avg: number;
  confidence_min: number;
  tier: Tier;
  /** Reviewed in parts around its hunks. */
  partial: boolean;
  tokens: { prompt: number; completion: number };
  /** Sections offered to the model (for the report's "judged against"). */
  sections: PrdRef[];
  base_blob: string;
  head_blob: string;
  /** New-side lines of the diff, where line comments can go. */
  patch?: string;
}

export interface ReviewResult {
  base: string;
  head: string;
  pr?: number;
  files: FileReview[];
  not_reviewed: { path: string; reason: string }[];
  tokens: { prompt: number; completion: number };
  documents: { paths: string[]; chunks: number; embedded: number; retrieval: "bm25" | "bm25+embeddings"; changed_by_pr: string[] };
  /** Earlier posted findings on files of this run that are no longer found (the code changed since). */
  outdated: { path: string; line: number | null; message: string }[];
  report: string;
}

export type { AttemptStatus };

/** A file that could be looked at: some model's answer (now or reused) stands. */
export function wasReviewed(file: FileReview): boolean {
  return file.status === "reviewed" || file.status === "reused";
}
