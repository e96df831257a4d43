// The model check against a local OpenAI-compatible server: claims extracted, each judged with evidence lines;
// a contradiction with a line the model was shown blocks, one with an invented line is dropped; no secret of the
// diff reaches the prompt; the day's ledger records the two calls; a spent budget skips the check and says so.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectoryStore } from "../../src/adapters/state/directory-store.js";
import { parseConfig } from "../../src/config/load-config.js";
import { renderDetails } from "../../src/core/audit/render-audit.js";
import { silentLogger } from "../../src/jobs/logger.js";
import { runAuditJob, type AuditSource } from "../../src/jobs/audit/index.js";
import { auditModel } from "../../src/wiring/audit-wiring.js";
import { pullRequest } from "../support/audit-fixtures.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";

const TOKEN_LIKE = ["ghp_", "R8mQ2vX9kLp4Tz7Wn3Yb6Hc1Jd5Fg0Se2Ua8"].join("");

describe("the auditor's model check", () => {
  let llm: FakeOpenAI;
  let dir: string;
  beforeAll(async () => {
    llm = await startFakeOpenAI();
    dir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-audit-model-"));
  });
  afterAll(async () => {
    await llm?.close();
    await rm(dir, { recursive: true, force: true });
  });

  function source(): AuditSource {
    const { files, tree } = pullRequest([
      { path: "src/retry.ts", before: "export const RETRIES = 2;\n", after: `export const RETRIES = 5;\nconst key = "${TOKEN_LIKE}";\n` },
    ]);
    return { label: "acme/app#3", title: "Raise retries to 3", body: "Sets the retry count to 3.", commits: [], author: "alice", fromFork: false, headSha: "a".repeat(40), files, tree, ci: "unknown", skipped: [] };
  }

  const config = (budget = 20) => parseConfig(`models:\n  providers:\n    local:\n      base_url: ${llm.url}\n  audit: [local/judge-1]\nbudget:\n  calls_per_day: ${budget}\n`, ".github/prd-bot.yml");

  it("blocks a contradiction backed by a shown line, drops one with an invented line, and keeps secrets out", async () => {
    llm.reply(
      { content: JSON.stringify({ claims: [{ text: "Sets the retry count to 3", verification: false }, { text: "Raise retries", verification: false }] }) },
      {
        content: JSON.stringify({
          verdicts: [
            { claim: 1, verdict: "contradicted", evidence: [{ path: "src/retry.ts", line: 1 }], reason: "The diff sets RETRIES to 5, not 3." },
            { claim: 2, verdict: "contradicted", evidence: [{ path: "src/other.ts", line: 40 }], reason: "Made up." },
          ],
        }),
      },
    );
    const state = createDirectoryStore(path.join(dir, "state"));
    const { model, skipped } = auditModel(config(), {}, state, () => new Date("2026-12-02T03:00:00Z"));
    expect(skipped).toBeUndefined();
    const { report } = await runAuditJob({ source: source(), config: config(), ...(model ? { model } : {}), log: silentLogger });
    const fromModel = report.issues.filter((i) => i.message.includes("(model)"));
    expect(fromModel).toEqual([{ kind: "claim_contradicted", blocking: true, message: 'claim contradicted (model): "Sets the retry count to 3": The diff sets RETRIES to 5, not 3.', path: "src/retry.ts", line: 1 }]);
    expect(report.model).toMatchObject({ status: "ran", claims: 2 });
    expect(JSON.stringify(llm.requests.map((r) => r.body))).not.toContain(TOKEN_LIKE.slice(4));
    expect(JSON.stringify(llm.requests[1]?.body)).toContain("[line withheld: it holds a credential]");
    const ledger = JSON.parse((await state.read("budget/2026-12-02.json")) ?? "{}") as { calls: number };
    expect(ledger.calls).toBe(2);
    expect(llm.unexpected).toEqual([]);
  });

  it("with the budget spent, the deterministic checks still run and the status says the model check was skipped", async () => {
    const state = createDirectoryStore(path.join(dir, "spent"));
    const { model } = auditModel(config(0), {}, state, () => new Date());
    const before = llm.requests.length;
    const { report } = await runAuditJob({ source: source(), config: config(0), ...(model ? { model } : {}), log: silentLogger });
    expect(llm.requests.length).toBe(before);
    expect(report.model.status).toBe("skipped");
    expect(report.model.detail).toMatch(/^budget spent: daily call budget spent/);
    expect(renderDetails(report)).toContain("Model check: skipped: budget spent");
    expect(report.issues.some((i) => i.kind === "secret" && i.blocking)).toBe(true);
  });
});
