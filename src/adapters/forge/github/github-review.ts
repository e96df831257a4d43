// Review comments on GitHub: port LineComments → the review API's `line`/`side`/`start_line`/`start_side`,
// and GitHub's review-comment answers → the port's ReviewComment. `line` is null on an outdated comment (the
// line changed since it was made); GitHub keeps the first placement in `original_line`.
import type { LineComment, ReviewComment } from "../../../ports/forge.js";
import { fitBody } from "../../../core/post/fit-body.js";

export interface GitHubReviewCommentInput {
  path: string;
  body: string;
  line: number;
  side: "RIGHT" | "LEFT";
  start_line?: number;
  start_side?: "RIGHT" | "LEFT";
}

export function toGitHubReviewComment(comment: LineComment): GitHubReviewCommentInput {
  const side = comment.side ?? "RIGHT";
  const out: GitHubReviewCommentInput = { path: comment.path, body: fitBody(comment.body), line: comment.line, side };
  // GitHub refuses start_line equal to line ("start_line must be part of the same hunk and precede line").
  if (comment.startLine !== undefined && comment.startLine < comment.line) {
    out.start_line = comment.startLine;
    out.start_side = side;
  }
  return out;
}

export interface GitHubReviewCommentLike {
  id: number | bigint;
  path: string;
  line?: number | null;
  side?: string;
  body: string;
}

export function toReviewComment(comment: GitHubReviewCommentLike): ReviewComment {
  return { id: Number(comment.id), path: comment.path, line: comment.line ?? null, ...(comment.side === "LEFT" ? { side: "LEFT" as const } : {}), body: comment.body };
}
