// context.localize: model through the built CLI: one budgeted localization call before the proposal,
// its chosen file (one BM25 alone leaves out) in the proposal prompt and in the record; and a failed
// localization call falling back to the normal selection without failing the cycle.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import type { CycleRecord } from "../../src/core/types.js";
import { jsonOf, runCli } from "../support/cli.js";
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from "../support/fake-openai.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let model: FakeOpenAI;
let repo: TestRepo | undefined;
beforeEach(async () => {
  model = await startFakeOpenAI();
});
afterEach(async () => {
  expect(model.unexpected).toEqual([]);
  await model.close();
  await repo?.cleanup();
  repo = undefined;
});

const HIDDEN = "lib/text/edges.js";
const FILES: Record<string, string> = {
  ...SAMPLE_FILES,
  [HIDDEN]: "// Helpers for the ends of a string.\nexport function stripEnds(value, mark) {\n  return value.split(mark).filter(Boolean).join(mark);\n}\n",
  ".github/prd-bot.yml": `${SAMPLE_FILES[".github/prd-bot.yml"]}context:\n  max_files: 2\n  localize: model\nmodels:\n  localize: [cheap-1]\n`,
};
const env = () => ({ OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "sk-test-secret-123", PRD_BOT_MODEL: "coder-1" });
const userText = (request: RecordedRequest | undefined) => ((request?.body as { messages: { content: string }[] }).messages[1]?.content ?? "");
const modelOf = (request: RecordedRequest | undefined) => (request?.body as { model: string }).model;

async function cycle(...args: string[]) {
  const result = await runCli(["cycle", "--root", (repo as TestRepo).root, "--json", "--dry-run", ...args], { env: env() });
  return { ...result, record: jsonOf<CycleRecord>(result) };
}

describe("prd-bot cycle with context.localize: model", () => {
  it("pins the localization model's file into the proposal prompt, records it, and counts the call in the ledger", async () => {
    repo = await makeRepo(FILES);
    // Plain selection (BM25) leaves the helper out.
    const plain = jsonOf<{ files: { path: string }[] }>(await runCli(["context", "--root", repo.root, "--json"]));
    expect(plain.files.map((file) => file.path)).not.toContain(HIDDEN);

    model.reply({ content: JSON.stringify({ files: [{ path: HIDDEN, why: "stripEnds trims marks at both ends" }, { path: "../outside.js", why: "not in the repo" }] }) }, { content: JSON.stringify(SAMPLE_PROPOSAL) });
    const { record, stderr } = await cycle();
    expect(record.outcome, stderr).toBe("ok");
    expect(model.requests).toHaveLength(2);
    const [localize, propose] = model.requests;
    expect(modelOf(localize)).toBe("cheap-1");
    expect(modelOf(propose)).toBe("coder-1");
    expect(userText(localize)).toContain(HIDDEN);
    expect(userText(localize)).not.toContain("filter(Boolean)");
    expect(userText(propose)).toContain(`--- ${HIDDEN}\n`);
    expect(record.localized).toMatchObject({ files: [{ path: HIDDEN, why: "stripEnds trims marks at both ends" }], model: "default/cheap-1" });
    expect(record.localized?.fallback).toBeUndefined();
    expect(record.localized?.tokens.prompt).toBeGreaterThan(0);
    expect(record.calls).toBe(2);
    const day = new Date().toISOString().slice(0, 10);
    const ledger = JSON.parse(await readFile(path.join(repo.root, ".git", "prd-bot", "budget", `${day}.json`), "utf8")) as { calls: number };
    expect(ledger.calls).toBe(2);
  });

  it("falls back to the normal selection when the localization call fails, and says so", async () => {
    repo = await makeRepo(FILES);
    model.reply({ status: 400 }, { content: JSON.stringify(SAMPLE_PROPOSAL) });
    const { record, stderr } = await cycle();
    expect(record.outcome, stderr).toBe("ok");
    expect(record.localized?.files).toEqual([]);
    expect(record.localized?.fallback).toContain("the normal selection was used");
    expect(userText(model.requests.at(-1))).not.toContain(`--- ${HIDDEN}\n`);
  });
});
