// Every outcome a local cycle can reach, through the built CLI, against a real git repository and a
// real OpenAI-compatible server on loopback.
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import type { CycleRecord } from "../../src/core/types.js";
import { jsonOf, runCli } from "../support/cli.js";
import { modelEnv, useCliScenario } from "../support/cli-scenario.js";
import type { FakeOpenAI } from "../support/fake-openai.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let model: FakeOpenAI;
let repo: TestRepo;

useCliScenario({ setModel: (started) => (model = started), repo: () => repo });

const env = () => modelEnv(model);

async function cycle(...args: string[]) {
  const result = await runCli(["cycle", "--root", repo.root, "--json", ...args], { env: env() });
  return { ...result, record: jsonOf<CycleRecord>(result) };
}

/** The checkout is as found: on main, at the same commit, nothing dirty. */
async function expectUntouched(head: string) {
  expect(await repo.git("rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
  expect(await repo.git("rev-parse", "main")).toBe(head);
  expect(await repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
}

const answer = (proposal: unknown) => ({ content: JSON.stringify(proposal) });

describe("prd-bot cycle", () => {
  it("ok: applies, tests green, commits on prd-bot/<gap>, leaves main and the tree alone", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const head = await repo.git("rev-parse", "HEAD");
    model.reply(answer(SAMPLE_PROPOSAL));
    const { code, record, stderr } = await cycle();
    expect(record.outcome, stderr).toBe("ok");
    expect(code).toBe(0);
    expect(record.files).toEqual([
      { path: "src/slugify.js", mode: "UPDATE" },
      { path: "test/slugify-trim.test.js", mode: "ADD" },
    ]);
    expect(record.test?.passed).toBe(true);
    expect(record.branch).toBe(`prd-bot/${record.gap?.id}`);
    expect(record.model).toBe("default/coder-1");
    expect(record.tokens.total).toBeGreaterThan(0);
    await expectUntouched(head);
    expect(await repo.git("show", `${record.branch}:src/slugify.js`)).toContain(".replace(/^-+|-+$/g, \"\")");
    expect(await repo.git("rev-parse", `${record.branch}^`)).toBe(head);
    // The PR body a forge would get is in the record, for opening a PR by hand.
    expect(record.pr_body).toContain(`## PRD gap \`${record.gap?.id}\``);
    expect(record.pr_body).toContain("ADD 1 · UPDATE 1 · NOOP 0");
    expect(record.pr_body).toContain("`node --test`: passed");
    // One record in the git dir, with its transcript; the request asked for structured output with the key.
    const stateDir = path.join(repo.root, ".git", "prd-bot");
    expect(await readdir(path.join(stateDir, "cycles"))).toEqual([`${record.cycle_id}.json`]);
    expect(existsSync(path.join(stateDir, record.transcript ?? "missing"))).toBe(true);
    const request = model.requests[0]?.body as { response_format?: { type: string }; messages: { content: string }[] };
    expect(request.response_format?.type).toBe("json_schema");
    expect(request.messages[1]?.content).toContain("trims leading and trailing dashes");
    expect(request.messages[1]?.content).toContain("--- src/slugify.js");
    expect(model.requests[0]?.bearer.present).toBe(true);
    // No secret in the record, the transcript or the logs.
    const written = await readFile(path.join(stateDir, "cycles", `${record.cycle_id}.json`), "utf8");
    const transcript = await readFile(path.join(stateDir, record.transcript ?? ""), "utf8");
    for (const text of [written, transcript, stderr]) expect(text).not.toContain("sk-test-secret-123");
  });

  it("cycle_noop: every file identical, no tests, no branch", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    model.reply(answer({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "test/slugify.test.js", is_new: false, content: SAMPLE_FILES["test/slugify.test.js"] }] }));
    const { record, code } = await cycle();
    expect(record.outcome).toBe("cycle_noop");
    expect(code).toBe(0);
    expect(record.test).toBeNull();
    expect(record.branch).toBeNull();
    expect(await repo.git("branch", "--list", "prd-bot/*")).toBe("");
  });

  it("skipped_pause: the pause file stops the cycle before any model call", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.paused": "" });
    const { record } = await cycle();
    expect(record.outcome).toBe("skipped_pause");
    expect(model.requests).toHaveLength(0);
  });

  it("skipped_dirty_tree: untracked and modified files stop it; its own records never do", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, "docs/PRD.md": "# PRD\n\nNothing tagged.\n" });
    expect((await cycle()).record.outcome).toBe("skipped_no_gap");
    expect((await cycle()).record.outcome).toBe("skipped_no_gap"); // records in .git/prd-bot are not dirt
    await writeFile(path.join(repo.root, "notes.txt"), "wip");
    const untracked = await cycle();
    expect(untracked.record.outcome).toBe("skipped_dirty_tree");
    expect(untracked.record.reason).toContain("notes.txt");
    expect(model.requests).toHaveLength(0);
  });

  it("skipped_no_gap: checked items and tags in code are not gaps", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, "docs/PRD.md": "# PRD\n\n- [x] done [bot-eligible]\n\n```\n- [ ] x [bot-eligible]\n```\n\nSee `[bot-eligible]`.\n" });
    const { record, code } = await cycle();
    expect(record.outcome).toBe("skipped_no_gap");
    expect(code).toBe(0);
  });

  it("skipped_cost: a call that would pass the token ceiling is never made", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const { record } = await cycle("--tokens-per-day", "500");
    expect(record.outcome).toBe("skipped_cost");
    expect(record.reason).toContain("> 500");
    expect(model.requests).toHaveLength(0);
  });

  it("skipped_policy: no test command can be found", async () => {
    const { ".github/prd-bot.yml": _config, ...files } = SAMPLE_FILES;
    repo = await makeRepo({ ...files, "package.json": '{"name":"x","scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}\n' });
    const { record } = await cycle();
    expect(record.outcome).toBe("skipped_policy");
    expect(record.reason).toContain("test.command");
    expect(model.requests).toHaveLength(0);
  });

  it("model_failed: garbage twice (one repair request quoting the error), then skipped_policy after 3 failures", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    model.reply({ content: "Sure! Here is the change: {\"summary\": \"x\", \"files\": [" }, { content: "I cannot do that." });
    const first = await cycle();
    expect(first.record.outcome).toBe("model_failed");
    expect(first.code).toBe(3);
    expect(model.requests).toHaveLength(2);
    const repairMessages = (model.requests[1]?.body as { messages: { role: string; content: string }[] }).messages;
    expect(repairMessages.at(-1)?.content).toContain("could not be used");
    model.reply({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    expect((await cycle()).record.outcome).toBe("model_failed");
    expect((await cycle()).record.outcome).toBe("model_failed");
    const given = model.requests.length;
    const fourth = await cycle();
    expect(fourth.record.outcome).toBe("skipped_policy");
    expect(fourth.record.reason).toMatch(/failed 3 cycles in a row/);
    expect(model.requests).toHaveLength(given);
  });

  it("proposal_rejected: path traversal, protected paths and a missing test are refused; nothing is written", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const head = await repo.git("rev-parse", "HEAD");
    model.reply(answer({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "../escape.txt", is_new: true, content: "x" }, { path: "test/a.test.js", is_new: true, content: "x" }] }));
    const traversal = await cycle();
    expect(traversal.record.outcome).toBe("proposal_rejected");
    expect(traversal.record.reason).toContain("../escape.txt");
    expect(existsSync(path.join(repo.root, "..", "escape.txt"))).toBe(false);
    model.reply(answer({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: ".github/workflows/ci.yml", is_new: true, content: "on: push" }, { path: "test/a.test.js", is_new: true, content: "x" }] }));
    expect((await cycle()).record.outcome).toBe("proposal_rejected");
    model.reply(answer({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "src/extra.js", is_new: true, content: "export const x = 1;\n" }] }));
    const noTest = await cycle();
    expect(noTest.record.outcome).toBe("proposal_rejected");
    expect(noTest.record.reason).toMatch(/test/);
    await expectUntouched(head);
  });

  it("apply_failed: an old_string that is not in the file", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const head = await repo.git("rev-parse", "HEAD");
    model.reply(answer({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "src/slugify.js", is_new: false, edits: [{ old_string: "no such text", new_string: "y" }] }, { path: "test/b.test.js", is_new: true, content: "x" }] }));
    const { record, code } = await cycle();
    expect(record.outcome).toBe("apply_failed");
    expect(record.reason).toContain("src/slugify.js");
    expect(code).toBe(3);
    await expectUntouched(head);
  });

  it("tests_failed: red, one repair round quoting the output, still red; the tree is restored", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const head = await repo.git("rev-parse", "HEAD");
    const failing = { summary: "s", rationale: "r", estimated_loc: 3, files: [{ path: "test/red.test.js", is_new: true, content: 'import { test } from "node:test";\ntest("red", () => { throw new Error("BOOM-RED"); });\n' }] };
    model.reply(answer(failing), answer(failing));
    const { record, code } = await cycle();
    expect(record.outcome).toBe("tests_failed");
    expect(code).toBe(3);
    expect(record.attempts).toBe(2);
    expect(model.requests).toHaveLength(2);
    const repair = (model.requests[1]?.body as { messages: { content: string }[] }).messages.at(-1)?.content ?? "";
    expect(repair).toContain("BOOM-RED");
    expect(record.test?.output_tail).toContain("BOOM-RED");
    await expectUntouched(head);
  });

  it("a repair round that turns green ends ok on the second attempt", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const red = { summary: "s", rationale: "r", estimated_loc: 3, files: [{ path: "test/red.test.js", is_new: true, content: 'import { test } from "node:test";\ntest("red", () => { throw new Error("nope"); });\n' }] };
    model.reply(answer(red), answer(SAMPLE_PROPOSAL));
    const { record } = await cycle();
    expect(record.outcome).toBe("ok");
    expect(record.attempts).toBe(2);
    expect(await repo.git("ls-tree", "--name-only", "-r", record.branch ?? "")).not.toContain("test/red.test.js");
  });

  it("a hanging test command is killed at the timeout and the tree restored", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": "test:\n  command: sleep 100 & sleep 100\n  timeout_seconds: 1\n  baseline: false\npolicy:\n  max_attempts: 1\n" });
    const head = await repo.git("rev-parse", "HEAD");
    model.reply(answer(SAMPLE_PROPOSAL));
    const started = Date.now();
    const { record } = await cycle();
    expect(record.outcome).toBe("tests_failed");
    expect(record.test?.timed_out).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
    await expectUntouched(head);
  });

  it("tolerates fences and prose around the JSON without a repair request", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    model.reply({ content: `Here you go:\n\`\`\`json\n${JSON.stringify(SAMPLE_PROPOSAL)}\n\`\`\`\nHope it helps.` });
    const { record } = await cycle();
    expect(record.outcome).toBe("ok");
    expect(model.requests).toHaveLength(1);
  });

  it("--replay re-runs a recorded cycle without calling any model", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    model.reply(answer(SAMPLE_PROPOSAL));
    const first = await cycle();
    expect(first.record.outcome).toBe("ok");
    const calls = model.requests.length;
    const replayed = await cycle("--replay", first.record.cycle_id, "--dry-run");
    expect(replayed.record.outcome).toBe("ok");
    expect(replayed.record.reason).toContain("dry run");
    expect(replayed.record.files).toEqual(first.record.files);
    expect(model.requests).toHaveLength(calls);
  });

  it("never spends past the daily budget under repeated runs", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    for (let i = 0; i < 12; i++) model.reply({ status: 500 });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { record } = await cycle("--calls-per-day", "2");
      outcomes.push(record.outcome);
    }
    const day = new Date().toISOString().slice(0, 10);
    const ledger = JSON.parse(await readFile(path.join(repo.root, ".git", "prd-bot", "budget", `${day}.json`), "utf8")) as { calls: number; tokens: number };
    expect(ledger.calls).toBeLessThanOrEqual(2);
    expect(outcomes.filter((o) => o === "skipped_cost").length).toBeGreaterThanOrEqual(3);
  });
});
