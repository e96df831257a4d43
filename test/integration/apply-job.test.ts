// `/scrum apply` on a forge (runApplyJob) against the local GitHub server (requests validated against GitHub's
// API description, git over smart HTTP) and a real OpenAI-compatible server on loopback: a same-repository PR
// gets one commit per green file pushed to its branch (tip checked first); a push to the PR branch between
// read and push means nothing is pushed and nothing is lost; a fork PR gets suggestions and no check run.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubForge } from "../../src/adapters/forge/github/create-github-forge.js";
import { createOpenAIModelClient } from "../../src/adapters/model/openai-compatible.js";
import { createDirectoryStore } from "../../src/adapters/state/directory-store.js";
import { configSchema } from "../../src/config/schema.js";
import { runApplyJob } from "../../src/jobs/apply/index.js";
import { silentLogger } from "../../src/jobs/logger.js";
import type { Forge } from "../../src/ports/forge.js";
import type { StateStore } from "../../src/ports/state.js";
import { FAST } from "../support/forge-adapter-fixtures.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { startGitHubServer, type GitHubServer, type RepoModel } from "../support/forge/index.js";
import { makeRepo, TEST_GIT_ENV, type TestRepo } from "../support/git-repo.js";
import { reviewRecord } from "../support/review-records.js";

const TOKEN = "ghs_applyjob0123456789abcdef0123456789";
const at = { owner: "acme", repo: "app" };
let server: GitHubServer;
let llm: FakeOpenAI;
let repo: TestRepo;
let model: RepoModel;
let forge: Forge;
let tempDir: string;
let state: StateStore;

const patch = (old_string: string, new_string: string) => ({ content: JSON.stringify({ patches: [{ old_string, new_string, rationale: "drop the off-by-one", confidence: 97 }] }) });
const config = (extra: Record<string, unknown> = {}) => configSchema.parse({ test: { command: "sh check.sh", timeout_seconds: 20 }, ...extra });

beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN });
  llm = await startFakeOpenAI();
  tempDir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-apply-job-"));
  state = createDirectoryStore(path.join(tempDir, "state"));
  repo = await makeRepo({ "check.sh": "if grep -rq BROKEN src; then echo red >&2; exit 1; fi\n", "src/a.py": "def f(xs):\n    return xs[len(xs)]\n" }, { withRemote: true });
  await repo.git("checkout", "-q", "-b", "feature");
  await writeFile(path.join(repo.root, "src/a.py"), "def f(xs):\n    return xs[len(xs)]\n\ndef g():\n    return 1\n");
  await repo.git("commit", "-qam", "feature");
  await repo.git("push", "-q", "origin", "feature");
  model = server.withRepo({ ...at, bareRepoPath: repo.remote as string });
  const now = new Date().toISOString();
  model.pulls.push({ number: 5, title: "Feature", body: "", head: "feature", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
  forge = createGitHubForge({ ...at, token: TOKEN, baseUrl: server.url, retries: 0, timing: FAST });
});
afterEach(async () => {
  expect(llm.unexpected).toEqual([]);
  await llm.close();
  await server.close();
  await repo.cleanup();
  await rm(tempDir, { recursive: true, force: true });
});

async function run(cfg = config()) {
  const head = await repo.git("rev-parse", "feature");
  await state.transact(async (tx) => tx.write("reviews.jsonl", `${JSON.stringify(reviewRecord("src/a.py", head, { pr: 5 }))}\n`));
  const client = createOpenAIModelClient([{ id: "default/patcher", provider: "default", model: "patcher", baseUrl: llm.url, apiKey: "sk-x", structuredOutput: "auto", timeoutMs: 5000 }]);
  const result = await runApplyJob({ pr: 5 }, { forge, config: cfg, model: client, state, tempDir, log: silentLogger, now: () => new Date(), detectCheckCommand: async () => undefined });
  return { head, result, report: model.comments.find((c) => c.body.startsWith("<!-- prd-bot:apply -->"))?.body ?? "" };
}

describe("runApplyJob", () => {
  it("same-repository PR: the green file's commit is pushed to the PR branch (fast-forward), and the report says so", async () => {
    llm.reply(patch("xs[len(xs)]", "xs[len(xs) - 1]"));
    const { head, report } = await run();
    const tip = execFileSync("git", ["-C", repo.remote as string, "rev-parse", "feature"], { encoding: "utf8" }).trim();
    expect(execFileSync("git", ["-C", repo.remote as string, "rev-parse", `${tip}^`], { encoding: "utf8" }).trim()).toBe(head);
    expect(execFileSync("git", ["-C", repo.remote as string, "show", `${tip}:src/a.py`], { encoding: "utf8" })).toContain("xs[len(xs) - 1]");
    expect(execFileSync("git", ["-C", repo.remote as string, "rev-parse", "main"], { encoding: "utf8" }).trim()).not.toBe(tip);
    expect(report).toContain("`src/a.py`: **committed**");
    expect(report).toContain("Pushed 1 commit(s) to `feature`");
  });

  it("a push to the PR branch between read and push: nothing pushed, the other commit kept, the report says why", async () => {
    llm.reply(() => {
      // Someone pushes to the PR branch while the model is thinking.
      const scratch = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
      const opts = { env: { ...process.env, ...TEST_GIT_ENV }, encoding: "utf8" as const };
      execFileSync("git", ["clone", "-q", "--branch", "feature", repo.remote as string, `${scratch}/c`], opts);
      execFileSync("sh", ["-c", `echo other > ${scratch}/c/other.txt && git -C ${scratch}/c add other.txt && git -C ${scratch}/c -c user.name=o -c user.email=o@x commit -qm other && git -C ${scratch}/c push -q origin feature`], opts);
      return patch("xs[len(xs)]", "xs[len(xs) - 1]");
    });
    const { head, report } = await run();
    const tip = execFileSync("git", ["-C", repo.remote as string, "rev-parse", "feature"], { encoding: "utf8" }).trim();
    expect(execFileSync("git", ["-C", repo.remote as string, "log", "-1", "--format=%s", tip], { encoding: "utf8" }).trim()).toBe("other");
    expect(execFileSync("git", ["-C", repo.remote as string, "rev-parse", `${tip}^`], { encoding: "utf8" }).trim()).toBe(head);
    expect(report).toContain("moved while prd-bot worked");
  });

  it("push_to_pr false: a follow-up draft PR into the PR's branch, the PR branch itself untouched", async () => {
    llm.reply(patch("xs[len(xs)]", "xs[len(xs) - 1]"));
    const { head, report } = await run(config({ apply: { push_to_pr: false } }));
    expect(execFileSync("git", ["-C", repo.remote as string, "rev-parse", "feature"], { encoding: "utf8" }).trim()).toBe(head);
    const branch = `prd-bot/apply-5-${head.slice(0, 7)}`;
    expect(execFileSync("git", ["-C", repo.remote as string, "show", `${branch}:src/a.py`], { encoding: "utf8" })).toContain("xs[len(xs) - 1]");
    expect(model.pulls.find((p) => p.head === branch)).toMatchObject({ base: "feature", draft: true });
    expect(report).toContain("Opened the follow-up draft PR");
  });

  it("fork PR: no clone, no check run, the patch posted as a committable suggestion on the diff line", async () => {
    const pull = model.pulls[0];
    if (pull) pull.headRepo = "mallory/app";
    const head = await repo.git("rev-parse", "feature");
    if (pull) pull.headSha = head;
    llm.reply(patch("xs[len(xs)]", "xs[len(xs) - 1]"));
    const { report } = await run(config({ test: { command: "touch /tmp/prd-bot-apply-job-must-not-run && false" } }));
    expect(report).toContain("comes from a fork");
    expect(report).toContain("**suggested**");
    const review = model.reviews.at(-1);
    expect(review?.comments).toEqual([expect.objectContaining({ path: "src/a.py", line: 2, side: "RIGHT", body: expect.stringContaining("```suggestion\n    return xs[len(xs) - 1]\n```") })]);
    expect(execFileSync("git", ["-C", repo.remote as string, "rev-parse", "feature"], { encoding: "utf8" }).trim()).toBe(head);
  });
});
