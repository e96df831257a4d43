// The review ladder against a real OpenAI-compatible server on loopback, one rung per failure kind: escalation
// order, the learning block each later rung sees, the citation check, the records and the budget ledger.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseReviews } from "../../src/core/review/review-record.js";
import { startFakeOpenAI, type FakeOpenAI, type Reply } from "../support/fake-openai.js";
import { answer, FETCHER, makeReviewFixture, modelOf, promptOf, providerConfig, refFor, type ReviewFixture } from "../support/review-fixture.js";

let model: FakeOpenAI | undefined;
let fixture: ReviewFixture | undefined;

afterEach(async () => {
  expect(model?.unexpected ?? []).toEqual([]);
  await model?.close();
  await fixture?.cleanup();
  model = undefined;
  fixture = undefined;
});

const CHANGED = FETCHER.replace("      attempt += 1;\n", "      attempt += 1;\n      if (attempt > 5) throw error;\n");

describe("review ladder", () => {
  it("escalates thin → error → timeout → unparsable → invented lines → invented ids → good, telling each rung what failed", async () => {
    const good = (request: Parameters<Extract<Reply, (...args: never[]) => unknown>>[0]): Reply =>
      answer({
        summary: "The retry loop gives up after 5 attempts, but the PRD asks for at most 3 retries with backoff.",
        alignment_score: 4,
        findings: [
          { line_start: 8, line_end: 8, severity: "major", category: "requirement", confidence: 88, message: "Retries 5 times; the PRD says at most 3, with exponential backoff.", suggestion: "      if (attempt > 3) throw error;", prd_refs: [refFor(promptOf(request), "Retries")] },
          { line_start: 400, line_end: 401, severity: "minor", category: "bug", confidence: 40, message: "Invented line.", prd_refs: [] },
        ],
        gaps: [{ message: "No backoff between retries.", prd_refs: [refFor(promptOf(request), "Retries")] }],
      });
    model = await startFakeOpenAI({
      respond: (request) => {
        switch (modelOf(request)) {
          case "thin":
            return answer({ summary: "Looks fine.", alignment_score: 7, findings: [], gaps: [] });
          case "broken":
            return { status: 500 };
          case "slow":
            return { hang: true };
          case "chatty":
            return { content: "I reviewed the file and it mostly looks good to me." };
          case "liar":
            return answer({ summary: "Problems found.", alignment_score: 3, findings: [{ line_start: 120, line_end: 130, severity: "major", category: "bug", confidence: 90, message: "Off by one.", prd_refs: [] }], gaps: [] });
          case "inventor":
            return answer({ summary: "Problems found.", alignment_score: 3, findings: [{ line_start: 8, line_end: 8, severity: "major", category: "requirement", confidence: 90, message: "Too many retries.", prd_refs: ["0123456789ab"] }], gaps: [] });
          case "good":
            return good(request);
          default:
            return undefined;
        }
      },
    });
    fixture = await makeReviewFixture();
    await fixture.commitOnFeature({ "src/fetcher.ts": CHANGED });
    const ladder = ["thin", "broken", "slow", "chatty", "liar", "inventor", "good"].map((m) => `local/${m}`);
    const result = await fixture.review(providerConfig(model.url, { review: ladder }));

    const chat = model.requests.filter((r) => r.path === "/v1/chat/completions");
    // broken and slow are retried once by the client; chatty gets one repair request.
    expect(chat.map(modelOf)).toEqual(["thin", "broken", "broken", "slow", "slow", "chatty", "chatty", "liar", "inventor", "good"]);
    const learning = promptOf(chat.at(-1) as (typeof chat)[number]);
    expect(learning).toContain("Earlier attempts at this review failed");
    expect(learning).toMatch(/attempt 1 \(local\/thin\): thin: no findings and a 11-character summary/);
    expect(learning).toMatch(/attempt 2 \(local\/broken\): error: HTTP 500/);
    expect(learning).toMatch(/attempt 3 \(local\/slow\): error: timed out/);
    expect(learning).toMatch(/attempt 4 \(local\/chatty\): invalid: unparsable after one repair request: no JSON object/);
    expect(learning).toMatch(/attempt 5 \(local\/liar\): invalid: 1 of 1 findings cited lines that do not exist/);
    expect(learning).toMatch(/attempt 6 \(local\/inventor\): invalid: 1 of 1 findings cited section ids that were not offered/);
    // The first rung saw no learning block; the JSON Schema response format was asked for.
    expect(promptOf(chat[0] as (typeof chat)[number])).not.toContain("Earlier attempts");
    expect((chat[0]?.body as { response_format?: { type: string } }).response_format?.type).toBe("json_schema");

    const file = result.files.find((f) => f.path === "src/fetcher.ts");
    expect(file?.status).toBe("reviewed");
    expect(file?.model).toBe("local/good");
    expect(file?.attempts.map((a) => a.status)).toEqual(["thin", "error", "error", "invalid", "invalid", "invalid", "accepted"]);
    expect(file?.findings).toHaveLength(1);
    expect(file?.findings[0]?.prd_refs[0]).toMatchObject({ document: "docs/PRD.md", heading: "Product > Fetching > Retries" });
    expect(file?.findings[0]?.prd_refs[0]?.offset).toBe(Buffer.byteLength(PRD_BEFORE_RETRIES));
    expect(file?.dropped).toEqual([expect.objectContaining({ reason: "lines 400-401 do not exist (the file has 11 lines)" })]);
    expect(file?.gaps[0]?.prd_refs[0]?.heading).toBe("Product > Fetching > Retries");
    expect(file).toMatchObject({ confidence_avg: 88, confidence_min: 88, tier: "dry_run" });

    const { records } = parseReviews(await readFile(path.join(fixture.stateDir, "reviews.jsonl"), "utf8"));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ path: "src/fetcher.ts", model: "local/good", tier: "dry_run", head_sha: result.head, base_sha: result.base });
    expect(records[0]?.head_blob).toBe(await fixture.repo.git("rev-parse", "feature:src/fetcher.ts"));
    const ledger = JSON.parse(await readFile(path.join(fixture.stateDir, "budget", "2026-12-02.json"), "utf8")) as { calls: number };
    // One reservation per chat() (the client's own retry is inside one call): 7 rungs + 1 repair.
    expect(ledger.calls).toBe(8);
    expect(result.report).toContain("local/good");
    expect(result.report).toContain("Dropped by the citation check (1)");
  }, 20_000);

  it("leaves the file unresolved when every rung fails, with each attempt's reason", async () => {
    model = await startFakeOpenAI({ respond: () => answer({ summary: "ok", alignment_score: 5, findings: [], gaps: [] }) });
    fixture = await makeReviewFixture();
    await fixture.commitOnFeature({ "src/fetcher.ts": CHANGED });
    const result = await fixture.review(providerConfig(model.url, { review: ["local/a", "local/b"] }));
    expect(result.files[0]).toMatchObject({ status: "unresolved", model: "", tier: "block" });
    expect(result.files[0]?.attempts.map((a) => a.status)).toEqual(["thin", "thin"]);
    expect(result.report).toContain("unresolved");
  });
});

const PRD_BEFORE_RETRIES = "# Product\n\nIntro text about the product.\n\n## Fetching\n\n";
