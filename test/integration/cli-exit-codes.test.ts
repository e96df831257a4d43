// Outcomes and exit codes that tell the truth (issue 7, items 10, 13 and 15), through the built CLI:
// breakage never ends as a skip with exit 0, usage and configuration problems exit 2 naming the key or
// flag, and the repository's config cannot send the bot's writes outside the checkout.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import type { CycleRecord } from "../../src/core/types.js";
import { jsonOf, runCli } from "../support/cli.js";
import { modelEnv, useCliScenario } from "../support/cli-scenario.js";
import type { FakeOpenAI } from "../support/fake-openai.js";
import { makeRepo, runGit, type TestRepo } from "../support/git-repo.js";

let model: FakeOpenAI;
let repo: TestRepo | undefined;
const scratch: string[] = [];

useCliScenario({
  setModel: (started) => (model = started),
  repo: () => repo,
  after: async () => {
    repo = undefined;
    await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  },
});

const env = (extra: Record<string, string> = {}) => modelEnv(model, "coder-1", extra);

async function tempDir(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "prd-bot-exit-")));
  scratch.push(dir);
  return dir;
}

const withConfig = (yaml: string) => ({ ...SAMPLE_FILES, ".github/prd-bot.yml": `${SAMPLE_FILES[".github/prd-bot.yml"]}${yaml}` });

describe("usage and configuration problems exit 2 and name the flag or key", () => {
  it("not a git repository names --root", async () => {
    const dir = await tempDir();
    const result = await runCli(["cycle", "--root", dir, "--json"], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--root");
    expect(result.stderr).toContain("not inside a git work tree");
    expect(model.requests).toHaveLength(0);
  });

  it("a repository with no commit", async () => {
    const dir = await tempDir();
    await runGit(dir, ["init", "-q", "-b", "main"]);
    await writeFile(path.join(dir, "README.md"), "x\n");
    const result = await runCli(["cycle", "--root", dir, "--json"], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no commit yet");
    expect(model.requests).toHaveLength(0);
  });

  it("prd.path outside the repository names the key, for cycle and gaps", async () => {
    repo = await makeRepo(withConfig("prd:\n  path: ../outside.md\n"));
    await writeFile(path.join(repo.root, "..", "outside.md"), "- [ ] leak [bot-eligible]\n");
    for (const command of ["cycle", "gaps"]) {
      const result = await runCli([command, "--root", repo.root], { env: env() });
      expect(result.code, command).toBe(2);
      expect(result.stderr, command).toContain("prd.path");
    }
    expect(model.requests).toHaveLength(0);
  });

  it("no model configured: the error names every place it looked", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const result = await runCli(["cycle", "--root", repo.root], { env: { OPENAI_API_KEY: "k" } });
    expect(result.code).toBe(2);
    for (const place of ["--model", "PRD_BOT_MODEL", "models.propose in .github/prd-bot.yml"]) expect(result.stderr).toContain(place);
    await rm(path.join(repo.root, ".github", "prd-bot.yml"));
    await repo.git("commit", "-qam", "no config");
    const absent = await runCli(["cycle", "--root", repo.root], { env: { OPENAI_API_KEY: "k" } });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain("no such file");
  });
});

describe("breakage is never a skip with exit 0", () => {
  it("a corrupt budget file: no model call, a non-zero exit", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const day = new Date().toISOString().slice(0, 10);
    const budget = path.join(repo.root, ".git", "prd-bot", "budget");
    await mkdir(budget, { recursive: true });
    await writeFile(path.join(budget, `${day}.json`), "{ not json");
    const result = await runCli(["cycle", "--root", repo.root, "--json"], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`budget/${day}.json`);
    expect(model.requests).toHaveLength(0);
  });

  it("a repair request refused by the budget after an unusable answer is model_failed, exit 3", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    model.reply({ content: "Sure! Here is {\"summary\": " });
    const result = await runCli(["cycle", "--root", repo.root, "--json", "--calls-per-day", "1"], { env: env() });
    const record = jsonOf<CycleRecord>(result);
    expect(record.outcome).toBe("model_failed");
    expect(record.reason).toContain("no budget is left for the repair request");
    expect(result.code).toBe(3);
    expect(model.requests).toHaveLength(1);
  });
});

describe("state.dir from the repository's config stays inside", () => {
  it("refuses a state.dir outside the checkout; a flag or PRD_BOT_STATE_DIR may point anywhere", async () => {
    const outside = await tempDir();
    repo = await makeRepo(withConfig(`state:\n  dir: ../../../../../../../../..${outside}/x\n`));
    const refused = await runCli(["cycle", "--root", repo.root, "--json"], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("state.dir");
    expect(refused.stderr).toContain("--state-dir");
    expect(await readdir(outside)).toEqual([]);
    expect(model.requests).toHaveLength(0);

    model.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });
    const byEnv = await runCli(["cycle", "--root", repo.root, "--json", "--dry-run"], { env: env({ PRD_BOT_STATE_DIR: path.join(outside, "env") }) });
    expect(jsonOf<CycleRecord>(byEnv).outcome).toBe("ok");
    expect(existsSync(path.join(outside, "env", "events.jsonl"))).toBe(true);
    const byFlag = await runCli(["stats", "--root", repo.root, "--state-dir", path.join(outside, "env")], { env: env() });
    expect(byFlag.code).toBe(0);
  });

  it("a state.dir inside the checkout or the git dir is fine, and a symlink leading out is not", async () => {
    repo = await makeRepo({ ...withConfig("state:\n  dir: .git/records\n"), ".gitignore": "node_modules/\n" });
    expect((await runCli(["stats", "--root", repo.root], { env: env() })).code).toBe(0);
    const outside = await tempDir();
    const linked = await makeRepo(withConfig("state:\n  dir: records/x\n"));
    try {
      const { symlink } = await import("node:fs/promises");
      await symlink(outside, path.join(linked.root, "records"));
      const refused = await runCli(["stats", "--root", linked.root], { env: env() });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("state.dir");
    } finally {
      await linked.cleanup();
    }
  });
});

describe("policy.require_test counts only test code", () => {
  it("a fixture or a backup under test/ does not satisfy it", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const file = path.join(repo.root, "..", "proposal.json");
    const change = { path: "src/extra.js", is_new: true, content: "export const x = 1;\n" };
    for (const fake of ["test/fixture.json", "test/slugify.test.js.bak"]) {
      await writeFile(file, JSON.stringify({ summary: "s", rationale: "r", estimated_loc: 2, files: [change, { path: fake, is_new: true, content: "{}\n" }] }));
      const report = jsonOf<{ outcome: string; reason: string }>(await runCli(["apply-edits", "--root", repo.root, "--edits", file, "--check", "--json"]));
      expect(report.outcome, fake).toBe("proposal_rejected");
      expect(report.reason, fake).toContain("policy.require_test");
    }
  });
});

describe("the gap's context", () => {
  it("a nested list item keeps its parent item in the prompt", async () => {
    const prd = ["# PRD", "", "## Export", "", "- CSV export of the report table", ...Array.from({ length: 6 }, (_, i) => `  - keeps column ${i}`), "  - the same for the summary row [bot-eligible]", ""].join("\n");
    repo = await makeRepo({ ...SAMPLE_FILES, "docs/PRD.md": prd });
    model.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });
    const result = await runCli(["cycle", "--root", repo.root, "--json", "--dry-run"], { env: env() });
    expect(result.code, result.stderr).toBeLessThan(4);
    const prompt = (model.requests[0]?.body as { messages: { content: string }[] }).messages.map((m) => m.content).join("\n");
    expect(prompt).toContain("the same for the summary row");
    expect(prompt).toContain("CSV export of the report table");
  });
});
