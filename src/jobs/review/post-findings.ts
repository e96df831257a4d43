// Posting a review's result on the pull request: one review with a line comment per new finding on a diff line
// (a suggestion rendered committable on GitHub where it spans exactly the replaced lines), and the report comment
// edited in place. A finding already posted (its fingerprint is in an earlier comment's hidden marker) is not
// posted again; findings off the diff stay in the report only.
import { sanitizeModelText } from "../../core/post/sanitize.js";
import type { ReviewFinding } from "../../core/review/review-record.js";
import type { ReviewResult } from "../../core/review/review-result.js";
import type { Forge, ReviewComment } from "../../ports/forge.js";
import { postReview, type PlannedComment } from "../shared/post-review.js";
import { upsertReport } from "../shared/upsert-report.js";

export const REVIEW_REPORT_MARKER = "review";
const FINDING_MARKER = /<!-- prd-bot:finding:([0-9a-f]{16}) -->/;

export interface PostedFinding {
  path: string;
  line: number | null;
  fingerprint: string;
  message: string;
}

/** Findings prd-bot posted on this PR before (from the hidden marker of its review comments). */
export function postedFindings(comments: readonly ReviewComment[]): PostedFinding[] {
  return comments.flatMap((comment) => {
    const match = FINDING_MARKER.exec(comment.body);
    if (!match?.[1]) return [];
    const message = comment.body.replace(FINDING_MARKER, "").split("\n").find((line) => line.trim() !== "") ?? "";
    return [{ path: comment.path, line: comment.line, fingerprint: match[1], message: message.replace(/^\*\*[^*]+\*\*\s*/, "") }];
  });
}

export function findingComment(path: string, finding: ReviewFinding): PlannedComment {
  const cites = finding.prd_refs.map((ref) => `\`${ref.document}\`${ref.heading ? ` › ${sanitizeModelText(ref.heading)}` : ""} @${ref.offset}`).join("; ");
  const body = [
    `**${finding.severity}** · ${sanitizeModelText(finding.category)} · confidence ${finding.confidence}: ${sanitizeModelText(finding.message.trim())}`,
    ...(cites ? ["", `Cites: ${cites}`] : []),
    "",
    `<!-- prd-bot:finding:${finding.fingerprint} -->`,
  ].join("\n");
  return {
    path,
    line: finding.line_end,
    ...(finding.line_start < finding.line_end ? { startLine: finding.line_start } : {}),
    body,
    ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
  };
}

export interface PostResult {
  comments: number;
  notPlaced: number;
  alreadyPosted: number;
  reportUrl: string | undefined;
}

export async function postReviewResult(forge: Forge, pr: number, result: ReviewResult, posted: readonly PostedFinding[]): Promise<PostResult> {
  const seen = new Set(posted.map((p) => p.fingerprint));
  const comments: PlannedComment[] = [];
  let alreadyPosted = 0;
  for (const file of result.files) {
    for (const finding of file.findings) {
      if (seen.has(finding.fingerprint)) {
        alreadyPosted += 1;
        continue;
      }
      seen.add(finding.fingerprint);
      comments.push(findingComment(file.path, finding));
    }
  }
  const files = result.files.flatMap((file) => (file.patch ? [{ path: file.path, patch: file.patch }] : []));
  const review = comments.length > 0 ? await postReview(forge, { pr, commitSha: result.head, body: "", comments, files }) : { posted: [], notPlaced: [] };
  const report = await upsertReport(forge, pr, REVIEW_REPORT_MARKER, result.report);
  return { comments: review.posted.length, notPlaced: review.notPlaced.length, alreadyPosted, reportUrl: report?.url };
}
