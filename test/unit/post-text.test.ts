// What prd-bot posts: model text neutralized, suggestions fenced safely, bodies cut to the forge's limit,
// commentable diff lines per side, and the placement of review comments.
import { describe, expect, it } from "vitest";
import { diffLines, diffSides, placeComment } from "../../src/core/post/diff-lines.js";
import { COMMENT_BODY_MAX, fitBody, openFence } from "../../src/core/post/fit-body.js";
import { fenceFor, languageOf, renderSuggestion } from "../../src/core/post/render-suggestion.js";
import { sanitizeModelLine, sanitizeModelText } from "../../src/core/post/sanitize.js";
import { planReview } from "../../src/jobs/shared/post-review.js";

describe("sanitizeModelText", () => {
  it("neutralizes user and team mentions, but not e-mail addresses", () => {
    const out = sanitizeModelText("Ask @alice or @acme/security-team (cc:@bob), mail dev@example.com");
    expect(out).toBe("Ask @&#8203;alice or @&#8203;acme/security-team (cc:@&#8203;bob), mail dev@example.com");
    expect(out).not.toMatch(/(^|[^A-Za-z0-9])@[A-Za-z0-9]/);
    expect(sanitizeModelText("first.last@example.com, a_b@x.org, see https://social.example/@carol\n@dave")).toBe("first.last@example.com, a_b@x.org, see https://social.example/@carol\n@&#8203;dave");
  });

  it("escapes raw HTML, so no tag, comment or fake prd-bot marker survives; blockquotes stay", () => {
    const out = sanitizeModelText('<!-- prd-bot:review -->\n<details open><summary>x</summary><img src="https://t.example/p.gif"></details>\n> quoted &lt;b&gt;');
    expect(out).not.toContain("<");
    expect(out).toContain("&lt;!-- prd-bot:review --&gt;".replace("--&gt;", "-->"));
    expect(out.split("\n")[2]).toBe("> quoted &amp;lt;b&amp;gt;");
  });

  it("turns images into links and breaks cross-repository references", () => {
    expect(sanitizeModelText("![pixel](https://t.example/p.gif) see other/repo#12 and #3")).toBe("[pixel](https://t.example/p.gif) see other/repo&#8203;#12 and #3");
  });

  it("leaves code spans and fenced blocks alone, renames a model's suggestion fence, and closes an open fence", () => {
    const text = "Use `@Input()` here:\n```ts\nconst a = x < y && @decorator;\n```\n```suggestion\nrm -rf /\n```\n````\nunclosed <b>";
    const out = sanitizeModelText(text);
    expect(out).toContain("Use `@Input()` here:");
    expect(out).toContain("const a = x < y && @decorator;");
    expect(out).toContain("```text\nrm -rf /");
    expect(out).not.toContain("```suggestion");
    expect(out.endsWith("````\nunclosed <b>\n````")).toBe(true);
    expect(openFence(out)).toBeUndefined();
  });

  it("makes one safe table cell of a multi-line text", () => {
    expect(sanitizeModelLine("a | b\n@carol <i>", 100)).toBe("a \\| b @&#8203;carol &lt;i>");
    expect(sanitizeModelLine("x".repeat(20), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("renderSuggestion", () => {
  it("is a committable block on GitHub, with a fence longer than any backtick run in the code", () => {
    expect(renderSuggestion("const a = 1;\n", { committable: true })).toBe("```suggestion\nconst a = 1;\n```");
    expect(renderSuggestion("a\n```\nb", { committable: true })).toBe("````suggestion\na\n```\nb\n````");
    expect(renderSuggestion("", { committable: true })).toBe("```suggestion\n```");
    expect(fenceFor("`````")).toBe("``````");
  });

  it("is a plain block elsewhere (Gitea, ranges it cannot span), highlighted by the file's language", () => {
    expect(renderSuggestion("x = 1\r\n", { committable: false, language: languageOf("app/main.py") })).toBe("Suggested change:\n\n```python\nx = 1\n```");
    expect(renderSuggestion("", { committable: false })).toBe("Suggested change: delete these lines.");
    expect(renderSuggestion("a", { committable: false, language: "x\ny" })).toBe("Suggested change:\n\n```\na\n```");
  });
});

describe("fitBody", () => {
  it("keeps short bodies, cuts long ones at a line break with a note, and closes a fence the cut left open", () => {
    expect(fitBody("short")).toBe("short");
    const long = `intro\n\`\`\`ts\n${"const x = 1;\n".repeat(10_000)}\`\`\`\nafter`;
    const cut = fitBody(long);
    expect(cut.length).toBeLessThanOrEqual(COMMENT_BODY_MAX);
    expect(openFence(cut)).toBeUndefined();
    expect(cut).toMatch(/```\n\n_\(cut here: the full text is longer than the forge allows in one comment\)_$/);
    expect(fitBody("a".repeat(500), 100).length).toBeLessThanOrEqual(100);
  });
});

const PATCH = ["@@ -1,4 +1,5 @@", " one", "-two", "+TWO", "+two and a half", " three", " four", "@@ -10,2 +11,3 @@", " ten", "+ten b", " eleven", "\\ No newline at end of file"].join("\n");

describe("diffLines", () => {
  it("lists commentable lines per side, each with its hunk", () => {
    expect([...diffLines(PATCH)]).toEqual([1, 2, 3, 4, 5, 11, 12, 13]);
    const sides = diffSides(PATCH);
    expect([...sides.left.keys()]).toEqual([1, 2, 3, 4, 10, 11]);
    expect(sides.right.get(5)).toBe(0);
    expect(sides.right.get(11)).toBe(1);
    expect(diffLines(undefined).size).toBe(0);
    expect([...diffLines("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b")]).toEqual([1, 2]);
  });

  it("places a range inside one hunk, the last line of a range across hunks, and nothing off the diff", () => {
    const sides = diffSides(PATCH);
    expect(placeComment(sides, { line: 3, startLine: 2 })).toEqual({ ok: true, line: 3, startLine: 2, side: "RIGHT", range: true });
    expect(placeComment(sides, { line: 12, startLine: 4 })).toEqual({ ok: true, line: 12, side: "RIGHT", range: false });
    expect(placeComment(sides, { line: 2, side: "LEFT" })).toEqual({ ok: true, line: 2, side: "LEFT", range: true });
    expect(placeComment(sides, { line: 8 })).toEqual({ ok: false, reason: "line 8 (new side) is not part of the diff" });
  });
});

describe("planReview", () => {
  const files = [{ path: "src/a.ts", patch: PATCH }, { path: "bin/tool" }];

  it("renders committable suggestions only where GitHub replaces exactly the lines, and returns what cannot be placed", () => {
    const comments = [
      { path: "src/a.ts", line: 3, startLine: 2, body: "Rename.", suggestion: "const TWO = 2;\nconst half = 2.5;\n" },
      { path: "src/a.ts", line: 12, startLine: 4, body: "Spans hunks.", suggestion: "x" },
      { path: "src/a.ts", line: 8, body: "Off the diff." },
      { path: "bin/tool", line: 1, body: "Binary." },
      { path: "src/a.ts", line: 2, side: "LEFT" as const, body: "Was better." },
    ];
    const github = planReview({ comments, files }, true);
    expect(github.placed).toEqual([
      { path: "src/a.ts", line: 2, side: "LEFT", body: "Was better." },
      { path: "src/a.ts", line: 3, startLine: 2, body: "Rename.\n\n```suggestion\nconst TWO = 2;\nconst half = 2.5;\n```" },
      { path: "src/a.ts", line: 12, body: "Spans hunks.\n\nSuggested change:\n\n```ts\nx\n```" },
    ]);
    expect(github.notPlaced.map((n) => [n.comment.body, n.reason])).toEqual([
      ["Binary.", "bin/tool has no diff to comment on"],
      ["Off the diff.", "line 8 (new side) is not part of the diff"],
    ]);
    const gitea = planReview({ comments, files }, false);
    expect(gitea.placed[1]).toEqual({ path: "src/a.ts", line: 3, body: "Rename.\n\nSuggested change:\n\n```ts\nconst TWO = 2;\nconst half = 2.5;\n```" });
  });

  it("caps the comments of one review", () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ path: "src/a.ts", line: i + 1, body: `c${i}` }));
    const plan = planReview({ comments: many, files, maxComments: 3 }, true);
    expect(plan.placed).toHaveLength(3);
    expect(plan.notPlaced.map((n) => n.reason)).toEqual(["more than 3 line comments in one review", "more than 3 line comments in one review"]);
  });
});
