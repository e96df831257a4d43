// The CLI's other commands, through dist/cli.js: gaps, apply-edits, stats, demo, help and bad input.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import { jsonOf, runCli } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let repo: TestRepo | undefined;
const temps: string[] = [];
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-cli-"));
  temps.push(dir);
  await writeFile(path.join(dir, name), content);
  return path.join(dir, name);
}

describe("prd-bot gaps", () => {
  it("lists gaps as JSON with id, line, text, section, checked; --since keeps only new ones", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const all = jsonOf<{ id: string; line: number; text: string; section: string; checked: boolean }[]>(await runCli(["gaps", "--root", repo.root, "--json"]));
    expect(all.map((gap) => [gap.line, gap.checked])).toEqual([[5, true], [6, false]]);
    expect(all[1]?.section).toBe("slug-kit PRD > Slugs");
    expect(all[1]?.id).toMatch(/^[0-9a-f]{12}$/);
    const base = await repo.git("rev-parse", "HEAD");
    const prd = SAMPLE_FILES["docs/PRD.md"] ?? "";
    await writeFile(path.join(repo.root, "docs/PRD.md"), prd.replace("## Notes", "- [ ] `slugify` caps slugs at 80 characters [bot-eligible]\n\n## Notes"));
    await repo.git("commit", "-qam", "new gap");
    const since = jsonOf<{ text: string }[]>(await runCli(["gaps", "--root", repo.root, "--json", "--since", base]));
    expect(since.map((gap) => gap.text)).toEqual(["slugify caps slugs at 80 characters"]);
  });

  it("names a missing PRD and exits non-zero", async () => {
    repo = await makeRepo({ "README.md": "x\n" });
    const result = await runCli(["gaps", "--root", repo.root]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("no PRD at docs/PRD.md");
  });
});

describe("prd-bot apply-edits", () => {
  it("applies a proposal file through the guardrails and reports each file's mode", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const edits = await tempFile("proposal.json", "```json\n" + JSON.stringify(SAMPLE_PROPOSAL) + "\n```\n");
    const result = await runCli(["apply-edits", "--root", repo.root, "--edits", edits, "--json"]);
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toEqual({
      ok: true,
      outcome: "applied",
      reason: "written",
      files: [
        { path: "src/slugify.js", mode: "UPDATE" },
        { path: "test/slugify-trim.test.js", mode: "ADD" },
      ],
    });
    expect(await readFile(path.join(repo.root, "src/slugify.js"), "utf8")).toContain("replace(/^-+|-+$/g");
  });

  it("applies an edit whose old_string differs in whitespace, in the file's CRLF and indentation, and reports it as tolerant", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, "src/crlf.py": "def f():\r\n    a = 1\r\n\r\n    return a\r\n" });
    const proposal = {
      summary: "s",
      rationale: "r",
      estimated_loc: 1,
      files: [
        { path: "src/crlf.py", is_new: false, edits: [{ old_string: "a = 1  \nreturn a\n", new_string: "a = 2\nreturn a\n" }] },
        { path: "test/crlf.test.js", is_new: true, content: "// f() is 2\n" },
      ],
    };
    const edits = await tempFile("tolerant.json", JSON.stringify(proposal));
    const result = await runCli(["apply-edits", "--root", repo.root, "--edits", edits, "--json"]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: true, files: [{ path: "src/crlf.py", mode: "UPDATE", tolerant_edits: [0] }, { mode: "ADD" }] });
    expect(await readFile(path.join(repo.root, "src/crlf.py"), "utf8")).toBe("def f():\r\n    a = 2\r\n\r\n    return a\r\n");
    // Ambiguous (two places once whitespace is ignored): refused, nothing written.
    await repo.git("checkout", "--", ".");
    await repo.git("clean", "-fdq");
    const twice = { ...proposal, files: [{ path: "src/crlf.py", is_new: false, edits: [{ old_string: "  a", new_string: "b" }] }, proposal.files[1]] };
    await writeFile(path.join(repo.root, "src/crlf.py"), "x:\n    a\ny:\n      a\n");
    await repo.git("commit", "-qam", "two");
    const refused = await runCli(["apply-edits", "--root", repo.root, "--edits", await tempFile("twice.json", JSON.stringify(twice)), "--json"]);
    expect(refused.code).toBe(3);
    expect(jsonOf<{ reason: string }>(refused).reason).toContain("matches 2 times");
  });

  it("refuses a protected path and a traversal with exit 3, writing nothing", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const bad = await tempFile("bad.json", JSON.stringify({ summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "docs/PRD.md", is_new: false, content: "gone" }] }));
    const result = await runCli(["apply-edits", "--root", repo.root, "--edits", bad, "--json"]);
    expect(result.code).toBe(3);
    expect(jsonOf<{ outcome: string; reason: string }>(result)).toMatchObject({ outcome: "proposal_rejected" });
    expect(await repo.git("status", "--porcelain")).toBe("");
  });

  it("says what is wrong with a malformed proposal file (exit 2)", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const bad = await tempFile("bad.json", '{"summary": "s", "files": [{"path": 3}]}');
    const result = await runCli(["apply-edits", "--root", repo.root, "--edits", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("files[0].path");
  });
});

describe("prd-bot stats and demo", () => {
  it("the demo runs a full cycle with the replayed model, and stats counts it", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "prd-bot-demo-test-"));
    temps.push(parent);
    const demo = await runCli(["demo", "--dir", parent, "--json"]);
    const record = jsonOf<{ outcome: string; branch: string; files: unknown[]; test: { passed: boolean } }>(demo);
    expect(record.outcome, demo.stderr).toBe("ok");
    expect(record.test.passed).toBe(true);
    expect(record.branch).toMatch(/^prd-bot\/[0-9a-f]{12}$/);
    const root = path.join(parent, (await import("node:fs")).readdirSync(parent).find((name) => name.startsWith("prd-bot-demo-")) ?? "", "slug-kit");
    const stats = jsonOf<{ cycles: number; ok: number; ok_share: number; gaps: { cycles: number }[] }>(await runCli(["stats", "--root", root, "--json"]));
    expect(stats).toMatchObject({ cycles: 1, ok: 1, ok_share: 1 });
    expect(stats.gaps[0]?.cycles).toBe(1);
  });
});

describe("usage and configuration errors", () => {
  it("every command has --help", async () => {
    for (const command of ["cycle", "gaps", "apply-edits", "stats", "demo"]) {
      const result = await runCli([command, "--help"]);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain(`Usage: prd-bot ${command}`);
    }
    const top = await runCli(["--help"]);
    expect(top.stdout).toContain("skipped_duplicate");
  });

  it("an unknown flag and an unknown command exit 2 with a hint", async () => {
    const flag = await runCli(["cycle", "--frobnicate"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("prd-bot cycle --help");
    const command = await runCli(["launch"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "launch"');
  });

  it("a bad config names the file and the key, exits 2 and writes no record", async () => {
    repo = await makeRepo({ ...SAMPLE_FILES, ".github/prd-bot.yml": "policy:\n  max_filez: 3\nbudget:\n  calls_per_day: lots\n" });
    const result = await runCli(["cycle", "--root", repo.root, "--json"], { env: { PRD_BOT_MODEL: "m", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(".github/prd-bot.yml");
    expect(result.stderr).toContain("max_files");
    expect(result.stderr).toContain("budget.calls_per_day");
    expect((await import("node:fs")).existsSync(path.join(repo.root, ".git", "prd-bot", "cycles"))).toBe(false);
  });

  it("no model configured is a usage error that says how to set one", async () => {
    repo = await makeRepo(SAMPLE_FILES);
    const result = await runCli(["cycle", "--root", repo.root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PRD_BOT_MODEL|models\.propose/);
  });
});
