// `prd-bot apply` through the built CLI: a real git repository, review records in the state directory, a real
// OpenAI-compatible server on loopback answering per file with good, whitespace-perturbed, ambiguous,
// oversized, low-confidence, malformed and build-breaking patches, and a check command that fails or hangs.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, runCli } from "../support/cli.js";
import { modelEnv, useCliScenario } from "../support/cli-scenario.js";
import type { FakeOpenAI, RecordedRequest } from "../support/fake-openai.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { reviewRecord } from "../support/review-records.js";

let model: FakeOpenAI;
let repo: TestRepo;
useCliScenario({ setModel: (started) => (model = started), repo: () => repo });

const env = () => modelEnv(model, "patcher-1");

// check.sh fails when a file holds BROKEN and hangs when one holds HANG.
const FILES: Record<string, string> = {
  "check.sh": "if grep -rq BROKEN src; then echo 'build failed: BROKEN found' >&2; exit 1; fi\nif grep -rq HANG src; then sleep 30; fi\nexit 0\n",
  ".github/prd-bot.yml": "test:\n  command: sh check.sh\n  timeout_seconds: 2\n",
  "src/good.py": "def f(xs):\n    for i in range(len(xs) + 1):\n        print(xs[i])\n",
  "src/tolerant.py": "class A:\n    def g(self):\n        return 1 + 1\n",
  "src/ambiguous.py": "x = 1\nx = 1\n",
  "src/broken.py": "value = 1\n",
  "src/mixed.py": "a = 1\nb = 2\n",
  "src/hang.py": "h = 1\n",
  "docs/guide.py": "d = 1\n",
};

type PatchSpec = { old_string: string; new_string: string; rationale?: string; confidence: number };
const patches = (...list: PatchSpec[]) => ({ content: JSON.stringify({ patches: list.map((p) => ({ rationale: "fix", ...p })) }) });

function fileOf(request: RecordedRequest): string {
  const messages = (request.body as { messages: { content: string }[] }).messages;
  return /^File: (\S+)/m.exec(messages[1]?.content ?? "")?.[1] ?? "?";
}

async function writeReviews(lines: object[]) {
  const dir = path.join(repo.root, ".git", "prd-bot");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "reviews.jsonl"), lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
}

interface ApplyJson {
  ok: boolean;
  branch: string | null;
  head_sha: string;
  files: { path: string; action: string; reason: string; applied: { tolerant: boolean }[]; rejected: { gate: string; reason: string }[]; commit: string | null; check?: { output_tail: string; timed_out: boolean } }[];
  skipped: { path: string; reason: string }[];
  tokens: { prompt: number; completion: number };
}

describe("prd-bot apply", () => {
  it("gates, checks, commits green files one by one on a working branch, reverts red ones, and logs every action", async () => {
    repo = await makeRepo(FILES);
    const head = await repo.git("rev-parse", "HEAD");
    const confidences: Record<string, number> = { "src/good.py": 99, "src/tolerant.py": 98, "src/ambiguous.py": 97, "src/broken.py": 96, "src/mixed.py": 95 };
    await writeReviews([
      ...Object.entries(confidences).map(([file, avg]) => reviewRecord(file, head, { confidence_avg: avg })),
      reviewRecord("src/hang.py", head, { confidence_avg: 80, tier: "dry_run" }),
      reviewRecord("docs/guide.py", head),
      reviewRecord("src/stale.py", "f".repeat(40)),
    ]);
    const mixedAnswers = [
      { content: "Sure! Here are the patches: {\"patches\": [{\"old_string\": 1}]}" },
      patches(
        { old_string: "a = 1\n", new_string: "a = 10\n", confidence: 92 },
        { old_string: "b = 2\n", new_string: "b = 20\n", confidence: 40 },
        { old_string: "a = 10\nb = 2\n1\n2\n3\n4\n5\n", new_string: "x\n", confidence: 99 },
        { old_string: "b = 2", new_string: "b = 2", confidence: 99 },
      ),
    ];
    model.reply(...Array.from({ length: 6 }, () => (request: RecordedRequest) => {
      switch (fileOf(request)) {
        case "src/good.py":
          return patches({ old_string: "range(len(xs) + 1)", new_string: "range(len(xs))", confidence: 97 });
        case "src/tolerant.py":
          // Indentation lost and trailing spaces added: a tolerant match, written with the file's indentation.
          return patches({ old_string: "def g(self):  \n    return 1 + 1\n", new_string: "def g(self):\n    return 2\n", confidence: 95 });
        case "src/ambiguous.py":
          return patches({ old_string: "x = 1\n", new_string: "x = 2\n", confidence: 99 });
        case "src/broken.py":
          return patches({ old_string: "value = 1", new_string: "value = BROKEN", confidence: 99 });
        default:
          return mixedAnswers.shift() ?? { content: "{}" };
      }
    }));

    const result = await runCli(["apply", "--root", repo.root, "--commit", "--json"], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const out = jsonOf<ApplyJson>(result);
    expect(out.branch).toBe(`prd-bot/apply-${head.slice(0, 7)}`);
    const byPath = Object.fromEntries(out.files.map((file) => [file.path, file]));
    expect(out.files.map((file) => [file.path, file.action])).toEqual([
      ["src/good.py", "committed"],
      ["src/tolerant.py", "committed"],
      ["src/ambiguous.py", "all_rejected"],
      ["src/broken.py", "build_red_reverted"],
      ["src/mixed.py", "committed"],
    ]);
    expect(byPath["src/tolerant.py"]?.applied).toEqual([{ rationale: "fix", confidence: 95, tolerant: true }]);
    expect(byPath["src/ambiguous.py"]?.rejected).toEqual([{ gate: "match", reason: "old_string matches 2 places; it must match exactly once" }]);
    expect(byPath["src/broken.py"]?.check?.output_tail).toContain("build failed: BROKEN found");
    // The malformed answer got one repair request; then one patch applied and each other gate named.
    expect(byPath["src/mixed.py"]?.rejected.map((entry) => entry.gate)).toEqual(["confidence", "size", "noop"]);
    expect(out.skipped).toEqual(
      expect.arrayContaining([
        { path: "src/hang.py", reason: "review confidence_avg 80 < 90 (apply.min_confidence)" },
        { path: "docs/guide.py", reason: "denied by apply.deny (docs/**)" },
      ]),
    );
    expect(out.skipped.map((file) => file.path)).not.toContain("src/stale.py");

    // One commit per green file, on the working branch, with the rationale and confidence; main untouched.
    expect(await repo.git("rev-parse", "main")).toBe(head);
    expect(await repo.git("rev-parse", "--abbrev-ref", "HEAD")).toBe(out.branch);
    expect((await repo.git("log", "--format=%s", `${head}..HEAD`)).split("\n")).toEqual([
      "prd-bot apply: 1 patch in src/mixed.py",
      "prd-bot apply: 1 patch in src/tolerant.py",
      "prd-bot apply: 1 patch in src/good.py",
    ]);
    expect(await repo.git("log", "-1", "--format=%b", byPath["src/tolerant.py"]?.commit ?? "")).toContain("- fix (confidence 95, matched ignoring whitespace)");
    expect(await repo.git("show", "--stat", "--format=", byPath["src/good.py"]?.commit ?? "")).toContain("src/good.py");
    expect(await readFile(path.join(repo.root, "src/tolerant.py"), "utf8")).toBe("class A:\n    def g(self):\n        return 2\n");
    expect(await readFile(path.join(repo.root, "src/broken.py"), "utf8")).toBe("value = 1\n");
    expect(await repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");

    const log = (await readFile(path.join(repo.root, ".git", "prd-bot", "auto_apply.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log.map((line) => line.action)).toEqual(["committed", "committed", "all_rejected", "build_red_reverted", "committed"]);
    expect(log[3]).toMatchObject({ file: "src/broken.py", head_sha: head, model: "default/patcher-1", check: { command: "sh check.sh", exit_code: 1 } });
    expect(model.requests).toHaveLength(6);
    const ledger = await readFile(path.join(repo.root, ".git", "prd-bot", "budget", `${new Date().toISOString().slice(0, 10)}.json`), "utf8");
    expect(JSON.parse(ledger)).toMatchObject({ calls: 6 });
    for (const text of [result.stdout, result.stderr]) expect(text).not.toContain("sk-test-secret-123");
  });

  it("dry run by default: a hanging check is killed at the timeout and reverted; nothing committed; no records → run the review first", async () => {
    repo = await makeRepo(FILES);
    const head = await repo.git("rev-parse", "HEAD");
    const none = await runCli(["apply", "--root", repo.root, "--json"], { env: env() });
    expect(none.code).toBe(3);
    expect(jsonOf<{ reason: string }>(none).reason).toContain("run the review first");

    await writeReviews([reviewRecord("src/hang.py", head), reviewRecord("src/good.py", head, { confidence_avg: 91 })]);
    model.reply(patches({ old_string: "h = 1", new_string: "h = 'HANG'", confidence: 99 }), patches({ old_string: "+ 1)", new_string: ")", confidence: 99 }));
    const started = Date.now();
    const result = await runCli(["apply", "--root", repo.root, "--json"], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    const out = jsonOf<ApplyJson>(result);
    expect(out.files.map((file) => [file.path, file.action])).toEqual([
      ["src/hang.py", "build_red_reverted"],
      ["src/good.py", "dry_run_committed"],
    ]);
    expect(out.files[0]?.check?.timed_out).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(out.branch).toBe("main");
    expect(await repo.git("rev-parse", "HEAD")).toBe(head);
    expect(await repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("a check that is red before any patch: no model call, nothing applied, exit 3 with the reason", async () => {
    repo = await makeRepo({ ...FILES, "src/already.py": "BROKEN = 1\n" });
    const head = await repo.git("rev-parse", "HEAD");
    await writeReviews([reviewRecord("src/good.py", head)]);
    const result = await runCli(["apply", "--root", repo.root, "--json"], { env: env() });
    expect(result.code).toBe(3);
    expect(jsonOf<{ reason: string }>(result).reason).toContain("the check is red before any patch");
    expect(model.requests).toEqual([]);
    expect(await repo.git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });
});
