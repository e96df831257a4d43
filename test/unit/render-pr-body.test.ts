import { describe, expect, it } from "vitest";
import { PR_MARKER, renderPrBody, renderPrTitle } from "../../src/core/propose/render-pr-body.js";

describe("PR body", () => {
  const body = renderPrBody({
    gap: { id: "abc123def456", text: "slugify trims dashes", line: 7, section: ["Slugs", "Edge cases"] },
    prdPath: "docs/PRD.md",
    summary: "Trim dashes",
    rationale: "Because the PRD says so.",
    files: [
      { path: "src/slugify.js", mode: "UPDATE" },
      { path: "test/trim.test.js", mode: "ADD" },
      { path: "README.md", mode: "NOOP" },
    ],
    test: { command: "npm test", exit_code: 0, timed_out: false, duration_ms: 1530, output_tail: "", passed: true },
    model: "local/m",
    tokens: { prompt: 100, completion: 20, total: 120 },
    cycleId: "20261121T000000Z-aaaaaa",
  });

  it("names the gap, its place, the counts, the test result, the model and tokens", () => {
    expect(body.startsWith(`${PR_MARKER}abc123def456 -->`)).toBe(true);
    expect(body).toContain("> slugify trims dashes");
    expect(body).toContain("docs/PRD.md, line 7 · section: Slugs › Edge cases");
    expect(body).toContain("ADD 1 · UPDATE 1 · NOOP 1");
    expect(body).toContain("| `test/trim.test.js` | ADD |");
    expect(body).toContain("`npm test`: passed in 1.5 s");
    expect(body).toContain("model `local/m` · tokens 120 (prompt 100, completion 20)");
    expect(body).toContain("Because the PRD says so.");
  });

  it("titles the PR from the summary, bounded", () => {
    expect(renderPrTitle("  Trim\n dashes ", "g")).toBe("prd-bot: Trim dashes");
    expect(renderPrTitle("", "g1")).toBe("prd-bot: Close PRD gap g1");
    expect(renderPrTitle("x".repeat(300), "g").length).toBeLessThanOrEqual(109);
  });
});
