import { describe, expect, it } from "vitest";
import { chunkMarkdown } from "../../src/core/retrieval/chunk-markdown.js";
import { reciprocalRankFusion } from "../../src/core/retrieval/fuse-rankings.js";
import { checkCitations, fingerprintOf } from "../../src/core/review/check-citations.js";
import { parsePatch } from "../../src/core/diff/parse-patch.js";
import { parseReviewAnswer } from "../../src/core/review/review-answer.js";
import { renderTemplate } from "../../src/prompts/templates.js";

const DOC = "Intro é.\n\n# Top\n\nText.\n\n```\n# not a heading\n```\n\n## Sub\n\n" + "word ".repeat(200) + "\n\nSetext\n------\n\nunder setext\n";

describe("chunkMarkdown", () => {
  it("cuts by headings (not inside fences), then windows with overlap; byte offsets, lines and stable ids", () => {
    const chunks = chunkMarkdown("docs/PRD.md", DOC, { maxChars: 400, overlap: 50 });
    expect(chunks[0]).toMatchObject({ heading: [], offset: 0, line: 1 });
    const top = chunks.find((c) => c.heading.join(">") === "Top");
    expect(top?.text).toContain("# not a heading");
    // "é" is two bytes: the byte offset is one more than the character index.
    expect(top?.offset).toBe(DOC.indexOf("# Top") + 1);
    const sub = chunks.filter((c) => c.heading.join(">") === "Top>Sub");
    expect(sub.length).toBeGreaterThan(2);
    for (const chunk of sub) expect(chunk.text.length).toBeLessThanOrEqual(400);
    const [first, second] = sub;
    expect(first && second && first.text.slice(-30).trim().length > 0 && first.text.includes(second.text.slice(0, 20).trim())).toBe(true);
    expect(chunks.at(-1)?.heading).toEqual(["Top", "Setext"]);
    expect(chunkMarkdown("docs/PRD.md", DOC, { maxChars: 400, overlap: 50 }).map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    // An edit elsewhere keeps the ids of untouched sections.
    const edited = chunkMarkdown("docs/PRD.md", DOC.replace("under setext", "changed"), { maxChars: 400, overlap: 50 });
    expect(edited.find((c) => c.heading.join(">") === "Top")?.id).toBe(top?.id);
  });
});

describe("reciprocalRankFusion", () => {
  it("rewards items ranked well by both and keeps first appearance on ties", () => {
    expect(reciprocalRankFusion([["a", "b", "c"], ["c", "b", "a"]])).toEqual(["a", "c", "b"]);
    expect(reciprocalRankFusion([["x", "y"], ["y", "z"]])[0]).toBe("y");
    expect(reciprocalRankFusion([["a", "b"], []])).toEqual(["a", "b"]);
  });
});

describe("parsePatch", () => {
  it("numbers added lines on the new side and places deletions", () => {
    const patch = parsePatch("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,2 +10,1 @@\n x\n-y\n");
    expect(patch.added).toEqual([{ line: 2, text: "B" }]);
    expect(patch.removed.map((r) => r.line)).toEqual([2, 11]);
    expect(patch.changedLines).toEqual([2, 11]);
  });

  it("reads a CRLF file's diff without the \\r, keeps each side's lines in their hunk, and stops at the next file", () => {
    const patch = parsePatch("@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n+B\r\ndiff --git a/other b/other\n+++ b/other\n");
    expect(patch.added).toEqual([{ line: 2, text: "B" }]);
    expect(patch.removed).toEqual([{ line: 2, text: "b" }]);
    expect([...patch.right]).toEqual([[1, 0], [2, 0]]);
    expect([...patch.left]).toEqual([[1, 0], [2, 0]]);
  });
});

describe("the answer and the citation check", () => {
  const offered = new Map([["abc123abc123", { id: "abc123abc123", document: "docs/PRD.md", heading: "A > B", offset: 7 }]]);
  const content = "one\ntwo\nthree\n";
  it("parses fenced answers, quoted numbers and 0-1 confidences; names what is wrong otherwise", () => {
    const parsed = parseReviewAnswer('Here:\n```json\n{"summary":"s","alignment_score":"7","findings":[{"line_start":1,"line_end":1,"severity":"minor","category":"bug","confidence":0.8,"message":"m","prd_refs":[]}]}\n```');
    expect(parsed.ok && parsed.answer.findings[0]?.confidence).toBe(80);
    expect(parsed.ok && parsed.answer.alignment_score).toBe(7);
    const bad = parseReviewAnswer('{"summary":"s","alignment_score":12,"findings":[]}');
    expect(bad).toEqual({ ok: false, error: expect.stringContaining("alignment_score") });
  });
  it("keeps cited findings (refs resolved, fingerprinted), drops invented lines and ids, fails an answer with none kept", () => {
    const finding = (over: object) => ({ line_start: 2, line_end: 2, severity: "minor" as const, category: "bug", confidence: 70, message: "m", prd_refs: ["[ref:abc123abc123]"], ...over });
    const checked = checkCitations({ summary: "s", alignment_score: 5, findings: [finding({}), finding({ line_end: 9 }), finding({ prd_refs: ["zzz"] })], gaps: [] }, { path: "a.ts", content, offered });
    expect(checked.verdict.status).toBe("accepted");
    expect(checked.findings[0]?.prd_refs).toEqual([offered.get("abc123abc123")]);
    expect(checked.findings[0]?.fingerprint).toBe(fingerprintOf("a.ts", "M!", "  two  "));
    expect(checked.dropped.map((d) => d.reason)).toEqual(["lines 2-9 do not exist (the file has 3 lines)", "cites [ref:zzz], not offered in the prompt"]);
    const none = checkCitations({ summary: "s", alignment_score: 5, findings: [finding({ line_start: 5, line_end: 5 })], gaps: [] }, { path: "a.ts", content, offered });
    expect(none.verdict).toEqual({ status: "invalid", reason: "1 of 1 findings cited lines that do not exist" });
  });
});

describe("review prompts", () => {
  it("render with every variable (snapshot)", () => {
    expect(renderTemplate("review-system", {})).toMatchSnapshot();
    const user = renderTemplate("review-user", { path: "a.ts", file_note: "3 lines", pr_title: "T", pr_body: "B", diff: "@@", parts_note: "", file: "1│ x", sections: "[ref:x] d", learning: "" });
    expect(user).toMatchSnapshot();
    expect(renderTemplate("review-learning", { attempts: "- attempt 1 (m): thin: short" })).toContain("attempt 1");
  });
});
