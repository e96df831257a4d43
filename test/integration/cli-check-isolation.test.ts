// What model-written tests can reach when the built CLI runs them (issue 7, part A): credentials, processes
// that outlive the run, the git dir and the bot's own state, a suite that is red before any change, and two
// cycles on one checkout. A real git repository, a real OpenAI-compatible server on loopback, dist/cli.js.
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import type { CycleRecord } from "../../src/core/types.js";
import { jsonOf, runCli } from "../support/cli.js";
import { modelEnv, useCliScenario } from "../support/cli-scenario.js";
import { keyFingerprint, type FakeOpenAI } from "../support/fake-openai.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let model: FakeOpenAI;
let repo: TestRepo;

useCliScenario({ setModel: (started) => (model = started), repo: () => repo });

const SECRETS = { ROUTER_KEY: "router-secret-1", OPENROUTER_KEY: "or-secret-2", GH_PAT: "pat-secret-3", NPM_AUTH: "npm-secret-4", AWS_ACCESS_KEY_ID: "aws-secret-5" };
const env = () => modelEnv(model, "coder-1", { ...SECRETS, MY_SETTING: "wanted" });

async function cycle(...args: string[]) {
  const result = await runCli(["cycle", "--root", repo.root, "--json", ...args], { env: env() });
  return { ...result, record: jsonOf<CycleRecord>(result) };
}

const answer = (proposal: unknown) => ({ content: JSON.stringify(proposal) });
const config = (test: string, extra = "") => `test:\n  command: node --test\n  timeout_seconds: 60\n${test}${extra}`;
const today = () => new Date().toISOString().slice(0, 10);

/** SAMPLE_PROPOSAL plus one more test file whose body is `code` (it runs in the cycle's test step). */
function proposalWith(code: string) {
  const file = { path: "test/hostile.test.js", is_new: true, content: `import { test } from "node:test";\nimport assert from "node:assert/strict";\nimport { execSync, spawn } from "node:child_process";\nimport { writeFileSync } from "node:fs";\n\ntest("hostile", () => {\n${code}\n});\n` };
  return { ...SAMPLE_PROPOSAL, files: [...SAMPLE_PROPOSAL.files, file] };
}

async function growing(file: string): Promise<boolean> {
  const size = () => (existsSync(file) ? statSync(file).size : -1);
  const before = size();
  await new Promise((resolve) => setTimeout(resolve, 400));
  return size() !== before;
}

describe("prd-bot cycle: the test step", () => {
  it("the tests see no provider key (not even the configured api_key_env), token or PAT; test.env names pass", async () => {
    repo = await makeRepo({
      ...SAMPLE_FILES,
      ".github/prd-bot.yml": config(
        "  env: [MY_SETTING]\n",
        `models:\n  providers:\n    router:\n      base_url: ${model.url}\n      api_key_env: ROUTER_KEY\n  propose: [router/coder-1]\n`,
      ),
    });
    const leaked = Object.keys(SECRETS).map((name) => `assert.equal(process.env.${name}, undefined, "${name} leaked");`).join("\n");
    model.reply(answer(proposalWith(`${leaked}\nassert.equal(process.env.OPENAI_API_KEY, undefined);\nassert.equal(process.env.MY_SETTING, "wanted");`)));
    const { record, stderr } = await cycle("--dry-run");
    expect(record.outcome, `${record.reason}\n${record.test?.output_tail}\n${stderr}`).toBe("ok");
    expect(model.requests[0]?.bearer.sha256Prefix).toBe(keyFingerprint(SECRETS.ROUTER_KEY));
    for (const secret of Object.values(SECRETS)) expect(record.test?.output_tail).not.toContain(secret);
  });

  it.each(["none", "bubblewrap"])("a setsid grandchild started by the tests is gone when the cycle ends (sandbox %s)", async (sandbox) => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": config(`  sandbox: ${sandbox}\n`) });
    const stray = path.join(repo.root, "stray.txt");
    model.reply(answer(proposalWith(`spawn("sh", ["-c", "setsid sh -c 'while :; do echo x >> ${stray}; sleep 0.05; done' >/dev/null 2>&1 &"], { stdio: "ignore" });`)));
    const { record } = await cycle("--dry-run");
    expect(record.outcome, record.test?.output_tail).toBe("ok");
    expect(record.test?.sandbox).toBe(sandbox);
    expect(await growing(stray)).toBe(false);
    expect(existsSync(stray)).toBe(false);
  });

  it("without a sandbox, tests that plant a hook, hooksPath, an alias, a tag and a negative ledger end proposal_rejected, all put back", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": config("  sandbox: none\n") });
    const gitConfig = await readFile(path.join(repo.root, ".git", "config"), "utf8");
    const ledgerFile = path.join(repo.root, ".git", "prd-bot", "budget", `${today()}.json`);
    const hostile = [
      `writeFileSync(".git/hooks/post-checkout", "#!/bin/sh\\necho pwned\\n", { mode: 0o755 });`,
      `execSync("git config core.hooksPath /tmp/evil && git config alias.st '!echo pwned' && git tag planted");`,
      `writeFileSync(${JSON.stringify(ledgerFile)}, JSON.stringify({ date: "${today()}", calls: -100, tokens: -100000, by_model: {} }));`,
    ].join("\n");
    model.reply(answer(proposalWith(hostile)));
    const { record, code } = await cycle("--calls-per-day", "1");
    expect(record.outcome, record.test?.output_tail).toBe("proposal_rejected");
    expect(code).toBe(3);
    for (const changed of [".git/hooks/post-checkout", ".git/config", ".git/refs/tags/planted", `.git/prd-bot/budget/${today()}.json`]) {
      expect(record.reason).toContain(changed);
    }
    expect(existsSync(path.join(repo.root, ".git", "hooks", "post-checkout"))).toBe(false);
    expect(await readFile(path.join(repo.root, ".git", "config"), "utf8")).toBe(gitConfig);
    expect(await repo.git("tag", "--list")).toBe("");
    expect(JSON.parse(await readFile(ledgerFile, "utf8"))).toMatchObject({ calls: 1 });
    // The one call of the day was spent: the planted negative ledger bought nothing.
    const next = await cycle("--calls-per-day", "1");
    expect(next.record.outcome).toBe("skipped_cost");
    expect(model.requests).toHaveLength(1);
  });

  it("with bubblewrap the same tests cannot write the git dir at all", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": config("  sandbox: bubblewrap\n") });
    const gitConfig = await readFile(path.join(repo.root, ".git", "config"), "utf8");
    model.reply(answer(proposalWith(`assert.throws(() => writeFileSync(".git/hooks/post-checkout", "x"), /EROFS/);\nassert.throws(() => execSync("git tag planted", { stdio: "pipe" }));`)));
    const { record } = await cycle("--dry-run");
    expect(record.outcome, record.test?.output_tail).toBe("ok");
    expect(record.test?.gitChanges).toBeUndefined();
    expect(await readFile(path.join(repo.root, ".git", "config"), "utf8")).toBe(gitConfig);
    expect(await repo.git("tag", "--list")).toBe("");
  });

  it("an invalid budget ledger fails closed: no model call, the file named, a non-zero exit", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const dir = path.join(repo.root, ".git", "prd-bot", "budget");
    await mkdir(dir, { recursive: true });
    for (const bad of ['{"calls":-4,"tokens":0}', `{"date":"1999-01-01","calls":0,"tokens":0}`]) {
      await writeFile(path.join(dir, `${today()}.json`), bad);
      const result = await runCli(["cycle", "--root", repo.root, "--json"], { env: env() });
      expect(result.code, bad).toBe(1);
      const record = jsonOf<CycleRecord>(result);
      expect(record.outcome).toBe("error");
      expect(record.reason).toContain(`budget/${today()}.json`);
    }
    expect(model.requests).toHaveLength(0);
  });
});

describe("prd-bot cycle: baseline", () => {
  it("red before any change → skipped_policy naming the sha, no model call; cached per tree; test.baseline: false skips it", async () => {
    const red = 'import { test } from "node:test";\ntest("broken on main", () => { throw new Error("BROKEN-AT-BASE"); });\n';
    repo = await makeRepo({ ...SAMPLE_FILES, "test/broken.test.js": red });
    const head = await repo.git("rev-parse", "HEAD");
    const first = await cycle();
    expect(first.record.outcome).toBe("skipped_policy");
    expect(first.code).toBe(0);
    expect(first.record.reason).toContain(`tests fail before any change at ${head.slice(0, 12)}`);
    expect(first.record.test?.output_tail).toContain("BROKEN-AT-BASE");
    const second = await cycle();
    expect(second.record.outcome).toBe("skipped_policy");
    expect(second.record.reason).toContain("cached");
    expect(second.record.timings.baseline_ms).toBeLessThan(first.record.timings.baseline_ms ?? 0);
    expect(model.requests).toHaveLength(0);
    expect(await repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");

    await writeFile(path.join(repo.root, ".github", "prd-bot.yml"), config("  baseline: false\n", "policy:\n  max_attempts: 1\n"));
    await repo.git("commit", "-qam", "no baseline");
    model.reply(answer(SAMPLE_PROPOSAL));
    const third = await cycle();
    expect(third.record.outcome).toBe("tests_failed");
    expect(model.requests).toHaveLength(1);
  });
});

describe("prd-bot cycle: one cycle per checkout", () => {
  it("two cycles started together both finish green: the second waits for the first", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const slow = { ...SAMPLE_PROPOSAL, files: SAMPLE_PROPOSAL.files.map((file) => (file.path.startsWith("test/") ? { ...file, content: `${file.content}\nawait new Promise((r) => setTimeout(r, 700));\n` } : file)) };
    model.reply(answer(slow), answer(slow));
    const [a, b] = await Promise.all([cycle("--dry-run"), cycle("--dry-run")]);
    expect([a.record.outcome, b.record.outcome], `${a.record.reason}\n${b.record.reason}`).toEqual(["ok", "ok"]);
  });

  it("a cycle that cannot get the checkout in time ends skipped_policy, and it never counts against the gap", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": config("  lock_wait_seconds: 0\n", "policy:\n  give_up_after_failures: 1\n") });
    const lock = path.join(repo.root, ".git", "prd-bot-checkout.lock");
    await writeFile(lock, "pid 1 on elsewhere since now\n");
    for (let i = 0; i < 2; i++) {
      const busy = await cycle();
      expect(busy.record.outcome).toBe("skipped_policy");
      expect(busy.record.reason).toContain("another prd-bot job holds this checkout (pid 1 on elsewhere");
    }
    expect(model.requests).toHaveLength(0);
    await unlink(lock);
    model.reply(answer(SAMPLE_PROPOSAL));
    expect((await cycle()).record.outcome).toBe("ok");
  });
});
