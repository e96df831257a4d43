// The review's limits with real parts: a large file shown in parts around its hunk (findings on unshown lines
// dropped), the budget running out mid-PR (the rest listed, never silent), priorities and skipped files, and
// the CLI's --json and exit codes through the built dist/cli.js.
import { afterEach, describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../support/cli.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { answer, makeReviewFixture, modelOf, promptOf, providerConfig, PRD, type ReviewFixture } from "../support/review-fixture.js";

let model: FakeOpenAI | undefined;
let fixture: ReviewFixture | undefined;

afterEach(async () => {
  expect(model?.unexpected ?? []).toEqual([]);
  await model?.close();
  await fixture?.cleanup();
  model = undefined;
  fixture = undefined;
});

const summary = "The change keeps the requirement about retries and backoff; nothing else in the PRD applies.";
const bigFile = (marker: string) =>
  Array.from({ length: 600 }, (_, i) => `export function helper${i}(value: number): number {\n  return value + ${i === 450 ? marker : i};\n}\n`).join("");

describe("review limits", () => {
  it("reviews a large file in parts around its hunk and drops findings on lines that were not shown", async () => {
    model = await startFakeOpenAI({
      respond: () =>
        answer({
          summary,
          alignment_score: 7,
          findings: [
            { line_start: 1352, line_end: 1352, severity: "minor", category: "bug", confidence: 80, message: "Magic number.", prd_refs: [] },
            { line_start: 2, line_end: 2, severity: "minor", category: "bug", confidence: 80, message: "Far away, never shown.", prd_refs: [] },
          ],
          gaps: [],
        }),
    });
    fixture = await makeReviewFixture({ "docs/PRD.md": PRD, "src/big.ts": bigFile("450") });
    await fixture.commitOnFeature({ "src/big.ts": bigFile("4500") });
    const result = await fixture.review(providerConfig(model.url, { review: ["local/r"] }), {});
    const prompt = promptOf(model.requests[0] as (typeof model.requests)[number]);
    expect(prompt).toContain("in parts around the changes");
    expect(prompt).toContain("1352│   return value + 4500;");
    expect(prompt).toContain("export function helper450("); // the whole enclosing definition
    expect(prompt).not.toContain("export function helper3(");
    const file = result.files[0];
    expect(file).toMatchObject({ status: "reviewed", partial: true });
    expect(file?.findings.map((f) => f.line_start)).toEqual([1352]);
    expect(file?.dropped[0]?.reason).toBe("lines 2-2 were not shown (the file was reviewed in parts)");
  });

  it("stops at the budget mid-PR and lists the rest as not reviewed; skips binary, deleted, ignored and protected files; tests go last", async () => {
    model = await startFakeOpenAI({ respond: () => answer({ summary, alignment_score: 8, findings: [], gaps: [] }) });
    fixture = await makeReviewFixture({ "docs/PRD.md": PRD, "src/old.ts": "export const old = 1;\n", "src/a.ts": "a\n", "src/b.ts": "b\n", "test/a.test.ts": "t\n" });
    await fixture.commitOnFeature({
      "src/a.ts": "a\nmore\n",
      "src/b.ts": "b\nmore\nand more\nand more\n",
      "test/a.test.ts": "t\nlots\nof\nlines\nhere\nreally\n",
      "src/old.ts": null,
      "assets/logo.png": "\u0000PNG\u0000binary",
      "vendor/lib.js": "x\n",
      ".env.local": "TOKEN=1\n",
    });
    const result = await fixture.review({ ...providerConfig(model.url, { review: ["local/r"] }), review: { parallel: 1 } }, {});
    expect(model.requests.map((r) => promptOf(r).match(/^File: (\S+)/)?.[1])).toEqual(["src/b.ts", "src/a.ts", "test/a.test.ts"]);
    const raw = providerConfig(model.url, { review: ["local/r"] });
    const second = await makeReviewFixture({ "docs/PRD.md": PRD, "src/a.ts": "a\n", "src/b.ts": "b\n", "src/c.ts": "c\n" });
    try {
      await second.commitOnFeature({ "src/a.ts": "a\n1\n", "src/b.ts": "b\n1\n2\n", "src/c.ts": "c\n1\n2\n3\n" });
      const limited = await second.review({ ...raw, budget: { calls_per_day: 2 }, review: { parallel: 1 } });
      expect(limited.files.filter((f) => f.status === "reviewed").map((f) => f.path)).toEqual(["src/b.ts", "src/c.ts"]);
      expect(limited.not_reviewed).toEqual([{ path: "src/a.ts", reason: expect.stringMatching(/^budget: daily call budget spent: 2\/2 calls/) }]);
      expect(limited.report).toMatch(/### Not reviewed\n\n- `src\/a.ts`: budget: daily call budget spent/);
    } finally {
      await second.cleanup();
    }
    const skipped = Object.fromEntries(result.files.filter((f) => f.status === "skipped").map((f) => [f.path, f.reason]));
    expect(skipped).toEqual({
      ".env.local": "protected path (never shown to a model)",
      "assets/logo.png": "binary",
      "src/old.ts": "deleted",
      "vendor/lib.js": "vendored or generated (review.ignore)",
    });
    expect(model.requests.map(modelOf).every((m) => m === "r")).toBe(true);
  });

  it("the CLI prints one JSON object with the issue's fields, exits 0 when it reviewed, 3 when nothing could be, 2 on bad usage", async () => {
    model = await startFakeOpenAI({ respond: () => answer({ summary, alignment_score: 8, findings: [], gaps: [] }) });
    fixture = await makeReviewFixture();
    await fixture.commitOnFeature({ "src/fetcher.ts": "export const x = 1;\n" });
    const env = { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "sk-test", PRD_BOT_MODEL: "reviewer" };
    const ok = await runCli(["review", "--root", fixture.repo.root, "--base", "main", "--head", "feature", "--json"], { env });
    expect(ok.code, ok.stderr).toBe(0);
    const out = jsonOf<Record<string, unknown> & { files: Record<string, unknown>[] }>(ok);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["base", "head", "files", "not_reviewed", "tokens", "report"]));
    expect(Object.keys(out.files[0] ?? {})).toEqual(expect.arrayContaining(["path", "status", "model", "attempts", "alignment_score", "findings", "dropped", "confidence_avg", "confidence_min", "tier"]));
    expect(out.files[0]).toMatchObject({ path: "src/fetcher.ts", status: "reviewed", model: "default/reviewer" });
    const none = await runCli(["review", "--root", fixture.repo.root, "--base", "main", "--head", "feature", "--files", "docs/**"], { env });
    expect(none.code).toBe(3);
    expect(none.stdout).toContain("src/fetcher.ts`: not among the files asked for");
    const bad = await runCli(["review", "--root", fixture.repo.root], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--base REF is required");
    const unknown = await runCli(["review", "--root", fixture.repo.root, "--base", "nope"], { env });
    expect(unknown.code).toBe(2);
  }, 30_000);
});
