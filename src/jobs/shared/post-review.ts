// The one way a job posts line comments: one review per run, each comment placed on a line of the diff (a
// range where it lies in one hunk), suggestions rendered for the forge (committable on GitHub when the comment
// spans exactly the replaced lines; a plain block otherwise), and everything that cannot be placed returned
// for the report instead of failing the review. GitHub refuses a whole review when one comment misses the
// diff (422); when the forge's diff differs from ours (the head moved), the review goes out without comments
// and they are returned as not placed.
import { diffSides, placeComment } from "../../core/post/diff-lines.js";
import type { DiffSides } from "../../core/post/diff-lines.js";
import { languageOf, renderSuggestion } from "../../core/post/render-suggestion.js";
import type { Forge, LineComment } from "../../ports/forge.js";
import { ForgeError } from "../../ports/forge.js";

export interface PlannedComment {
  path: string;
  /** Last line the comment is about (new side unless `side: "LEFT"`). */
  line: number;
  startLine?: number;
  side?: "RIGHT" | "LEFT";
  /** Markdown, already sanitized where a model wrote it (core/post/sanitize.ts). */
  body: string;
  /** Replacement text for lines startLine..line (new side), rendered under the body. */
  suggestion?: string;
}

export interface ReviewInput {
  pr: number;
  /** The head the comments were computed on: the review is pinned to it. */
  commitSha: string;
  /** Markdown of the review itself (may be empty when there are comments). */
  body: string;
  comments: PlannedComment[];
  /** The pull request's files with their unified diffs (`patch`); a file without one takes no line comments. */
  files: { path: string; patch?: string }[];
  /** Most line comments in one review (default 50); the rest are returned as not placed. */
  maxComments?: number;
}

export interface NotPlaced {
  comment: PlannedComment;
  reason: string;
}

export interface PostedReview {
  posted: LineComment[];
  notPlaced: NotPlaced[];
  /** False when there was nothing to post (no body, no placeable comment). */
  reviewed: boolean;
}

export async function postReview(forge: Forge, input: ReviewInput): Promise<PostedReview> {
  const { placed, notPlaced } = planReview(input, forge.capabilities.suggestions);
  if (placed.length === 0 && input.body.trim() === "") return { posted: [], notPlaced, reviewed: false };
  try {
    await forge.review(input.pr, { body: input.body, comments: placed, commitSha: input.commitSha });
    return { posted: placed, notPlaced, reviewed: true };
  } catch (error) {
    if (!(error instanceof ForgeError) || error.status !== 422 || placed.length === 0) throw error;
    const reason = `the forge refused the line comments (${error.message.slice(0, 200)}); the pull request may have moved on since ${input.commitSha.slice(0, 12)}`;
    const refused = input.comments.filter((c) => !notPlaced.some((n) => n.comment === c)).map((comment) => ({ comment, reason }));
    if (input.body.trim() !== "") await forge.review(input.pr, { body: input.body, comments: [], commitSha: input.commitSha });
    return { posted: [], notPlaced: [...notPlaced, ...refused], reviewed: input.body.trim() !== "" };
  }
}

/** Pure: which comments go on which lines, rendered, and which cannot be placed (with why). */
export function planReview(input: Pick<ReviewInput, "comments" | "files" | "maxComments">, committableSuggestions: boolean): { placed: LineComment[]; notPlaced: NotPlaced[] } {
  const sides = new Map<string, DiffSides>();
  for (const file of input.files) if (file.patch !== undefined) sides.set(file.path, diffSides(file.patch));
  const max = input.maxComments ?? 50;
  const placed: LineComment[] = [];
  const notPlaced: NotPlaced[] = [];
  const ordered = [...input.comments].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  for (const comment of ordered) {
    const fileSides = sides.get(comment.path);
    if (!fileSides) {
      notPlaced.push({ comment, reason: `${comment.path} has no diff to comment on` });
      continue;
    }
    const where = placeComment(fileSides, comment);
    if (!where.ok) {
      notPlaced.push({ comment, reason: where.reason });
      continue;
    }
    if (placed.length >= max) {
      notPlaced.push({ comment, reason: `more than ${max} line comments in one review` });
      continue;
    }
    // Committable only when GitHub will replace exactly the lines the suggestion was written for.
    const exact = where.range && where.side === "RIGHT" && committableSuggestions;
    const suggestion =
      comment.suggestion === undefined ? "" : `\n\n${renderSuggestion(comment.suggestion, { committable: exact, language: languageOf(comment.path) })}`;
    placed.push({
      path: comment.path,
      line: where.line,
      ...(where.side === "LEFT" ? { side: "LEFT" as const } : {}),
      ...(where.startLine !== undefined && committableSuggestions ? { startLine: where.startLine } : {}),
      body: `${comment.body}${suggestion}`,
    });
  }
  return { placed, notPlaced };
}
