// An issue labelled `bot-eligible` becomes a gap without anyone editing the PRD: the cycle reads the PRD
// with one extra task item appended under its own heading, built from the issue's title and body. The
// item goes through the same gap parser as every other line, so its id is the usual hash of its text,
// and the PR it leads to names the issue ("Issue #12: …"), which both forges turn into a link.
import type { IssueGapSource } from "../events/route-event.js";

export const ISSUE_SECTION_HEADING = "Issues labelled for prd-bot";
/** Characters of the issue's body kept in the gap text: enough to state a small task, not a whole spec. */
export const ISSUE_BODY_LIMIT = 1500;

/** The one-line text of an issue's gap, without the tag: "Issue #12: title — body". */
export function issueGapText(issue: IssueGapSource, tag: string): string {
  const clean = (text: string) =>
    text
      .split(tag)
      .join(" ")
      // HTML comments (issue templates are full of them) would swallow the rest of the line in Markdown.
      .replace(/<!--[\s\S]*?(-->|$)/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const title = clean(issue.title) || "(untitled)";
  let body = clean(issue.body);
  if (body.length > ISSUE_BODY_LIMIT) body = `${body.slice(0, ISSUE_BODY_LIMIT - 1)}…`;
  return body ? `Issue #${issue.number}: ${title} — ${body}` : `Issue #${issue.number}: ${title}`;
}

/**
 * The PRD as the cycle should read it: the real text plus a section holding the issue's task item.
 * `line` is the 1-based line of that item, which the caller uses to find the parsed gap.
 */
export function withIssueGap(prd: string | undefined, issue: IssueGapSource, tag: string): { text: string; line: number } {
  const base = prd ?? "";
  const lead = base === "" ? "" : base.endsWith("\n") ? "\n" : "\n\n";
  const prefix = `${base}${lead}## ${ISSUE_SECTION_HEADING}\n\n`;
  const line = prefix.split("\n").length;
  return { text: `${prefix}- [ ] ${issueGapText(issue, tag)} ${tag}\n`, line };
}
