// Line comments on Gitea: `new_position` is a line of the new file, `old_position` one of the old file (Gitea
// treats a non-zero old_position as a comment on the left side). Gitea has no multi-line comments, so a range
// is commented on its last line, and no committable suggestions (core/post/render-suggestion.ts renders a
// plain code block for it instead).
import type { LineComment } from "../../../ports/forge.js";
import { fitBody } from "../../../core/post/fit-body.js";

export interface GiteaReviewCommentInput {
  path: string;
  body: string;
  new_position?: number;
  old_position?: number;
}

export function toGiteaReviewComment(comment: LineComment): GiteaReviewCommentInput {
  const body = fitBody(comment.body);
  return comment.side === "LEFT" ? { path: comment.path, body, old_position: comment.line } : { path: comment.path, body, new_position: comment.line };
}
