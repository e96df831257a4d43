// An issue labelled bot-eligible reads as one more task item of the PRD, parsed by the real gap parser.
import { describe, expect, it } from "vitest";
import { findGaps } from "../../src/core/gaps/gaps.js";
import { ISSUE_BODY_LIMIT, ISSUE_SECTION_HEADING, issueGapText, withIssueGap } from "../../src/core/gaps/issue-gap.js";

const TAG = "[bot-eligible]";
const PRD = "# PRD\n\n- [ ] first thing [bot-eligible]\n";

describe("withIssueGap", () => {
  it("appends the issue as an open task under its own heading; the parser finds it at the given line", () => {
    const issue = { number: 12, title: "Trim  dashes", body: "Slugs should not\nend with `-`." };
    const { text, line } = withIssueGap(PRD, issue, TAG);
    expect(text.startsWith(PRD)).toBe(true);
    const gaps = findGaps(text, { tag: TAG });
    expect(gaps).toHaveLength(2);
    const gap = gaps.find((g) => g.line === line);
    // The parser drops inline-code backticks from gap text, as for any PRD line.
    expect(gap).toMatchObject({ text: "Issue #12: Trim dashes — Slugs should not end with -.", checked: false, section: ["PRD", ISSUE_SECTION_HEADING] });
    // The real PRD's gaps keep their ids and lines (only their context shows the new section).
    const { context: _context, ...real } = findGaps(PRD, { tag: TAG })[0]!;
    expect(gaps[0]).toMatchObject(real);
  });

  it("works on a missing PRD and on one without a final newline", () => {
    for (const prd of [undefined, "# PRD", "# PRD\n\n"]) {
      const { text, line } = withIssueGap(prd, { number: 1, title: "Do it", body: "" }, TAG);
      expect(findGaps(text, { tag: TAG }).find((g) => g.line === line)?.text).toBe("Issue #1: Do it");
    }
  });

  it("strips the tag and HTML comments, collapses lines, and bounds the body", () => {
    const text = issueGapText({ number: 3, title: "[bot-eligible] Fix", body: `<!-- template\nhint -->Real ${"x".repeat(2000)}` }, TAG);
    expect(text).not.toContain(TAG);
    expect(text).not.toContain("template");
    expect(text.startsWith("Issue #3: Fix — Real xxx")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(`Issue #3: Fix — `.length + ISSUE_BODY_LIMIT);
    expect(text.endsWith("…")).toBe(true);
    expect(issueGapText({ number: 4, title: "  ", body: "" }, TAG)).toBe("Issue #4: (untitled)");
  });

  it("a Markdown heading or list marker in the issue stays inside the one item", () => {
    const { text, line } = withIssueGap(PRD, { number: 5, title: "## Not a heading", body: "- [x] not checked\n\n# nor this" }, TAG);
    const gap = findGaps(text, { tag: TAG }).find((g) => g.line === line);
    expect(gap?.checked).toBe(false);
    expect(gap?.text).toContain("## Not a heading");
  });
});
