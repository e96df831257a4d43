// The auditor on a pull request of the local GitHub and Gitea (requests validated against their API
// descriptions, git over smart HTTP): the built Action finishes the app's pending prd-bot/auditor status with
// the verdict (GitHub: a check run with annotations, and the commit status; Gitea: the commit status and one
// details comment edited in place), and a fork PR is audited from refs/pull/<n>/head without any checkout.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect as globalExpect, it, type ExpectStatic } from "vitest";
import { createGitHubForge } from "../../src/adapters/forge/github/create-github-forge.js";
import { parseConfig } from "../../src/config/load-config.js";
import { silentLogger } from "../../src/jobs/logger.js";
import { runForgeAudit } from "../../src/wiring/audit-job.js";
import { runActionDist } from "../support/action-dist.js";
import { startGiteaServer, startGitHubServer, type ForgeServer, type RepoModel } from "../support/forge/index.js";
import { makeRepo, runGit } from "../support/git-repo.js";

const TOKEN = "ghs_audittesttoken0123456789";
const STATE = "from dataclasses import dataclass\n\n@dataclass\nclass RouterState:\n    opencode_key: str\n    ollama_key: str\n";
const ROUTER = "from .state import RouterState\n\n\ndef pick(state: RouterState) -> str:\n    if state.opencode_key:\n        return 'zen'\n    return 'ollama'\n";
const MESSAGE = "gateway: rename the Zen key\n\nThe new key was verified live against the gateway.";

type Flavour = "github" | "gitea";

async function world(flavour: Flavour, onTestFinished: (fn: () => Promise<void>) => void, options: { fork?: boolean } = {}) {
  const repo = await makeRepo({ "gateway/state.py": STATE, "gateway/router.py": ROUTER, "tests/test_router.py": "def test_pick():\n    pass\n" }, { withRemote: true });
  onTestFinished(() => repo.cleanup());
  await repo.git("checkout", "-q", "-b", "zen-key");
  await writeFile(path.join(repo.root, "gateway/state.py"), STATE.replace("opencode_key", "zen_api_key"));
  await repo.git("commit", "-qam", MESSAGE);
  const headSha = await repo.git("rev-parse", "HEAD");
  // GitHub and Gitea keep every PR's head at refs/pull/<n>/head in the base repository, forks included.
  await repo.git("push", "-q", "origin", `HEAD:refs/pull/7/head`, ...(options.fork ? [] : ["zen-key"]));
  const forge: ForgeServer & { withRepo(o: object): RepoModel } = flavour === "github" ? await startGitHubServer({ token: TOKEN }) : await startGiteaServer({ token: TOKEN });
  onTestFinished(() => forge.close());
  const model = forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string });
  const now = new Date().toISOString();
  model.pulls.push({
    number: 7,
    title: "Rename the Zen key",
    body: "Renames `opencode_key`.",
    head: "zen-key",
    base: "main",
    state: "open",
    draft: false,
    labels: [],
    author: "alice",
    createdAt: now,
    updatedAt: now,
    ...(options.fork ? { headRepo: "mallory/app", headSha } : {}),
  });
  // What the webhook app's run-plan.ts leaves before it starts the job.
  model.statuses.push({ id: model.nextId(), sha: headSha, context: "prd-bot/auditor", state: "pending", description: "Queued", targetUrl: undefined });
  return { repo, forge, model, headSha };
}

function payload(headSha: string, fork = false) {
  const repo = { full_name: "acme/app", name: "app", owner: { login: "acme" }, default_branch: "main" };
  return {
    action: "opened",
    number: 7,
    pull_request: { number: 7, state: "open", title: "Rename the Zen key", head: { sha: headSha, ref: "zen-key", repo: fork ? { ...repo, full_name: "mallory/app" } : repo }, base: { ref: "main", repo } },
    repository: repo,
  };
}

function expectClean(forge: ForgeServer, expect: ExpectStatic = globalExpect) {
  expect(forge.violations).toEqual([]);
  expect(forge.unexpected).toEqual([]);
}

describe.concurrent("the auditor on a forge", () => {
  it.for(["github", "gitea"] as const)("%s: the built Action finishes the pending status with the verdict", async (flavour, { expect, onTestFinished }) => {
    const w = await world(flavour, onTestFinished);
    // The runner's checkout is the base branch (as pull_request_target leaves it); the PR's code is never checked out.
    const checkout = path.join(path.dirname(w.repo.root), "runner");
    await runGit(path.dirname(w.repo.root), ["clone", "-q", "--branch", "main", w.repo.remote as string, checkout]);
    const run = () =>
      runActionDist({
        event: "pull_request",
        payload: payload(w.headSha),
        inputs: { token: TOKEN },
        env: { GITHUB_REPOSITORY: "acme/app", GITHUB_API_URL: w.forge.apiUrl, GITHUB_SERVER_URL: w.forge.url, GITHUB_WORKSPACE: checkout, ...(flavour === "gitea" ? { GITEA_ACTIONS: "true" } : {}) },
      });
    const result = await run();
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const mine = w.model.statuses.filter((s) => s.context === "prd-bot/auditor");
    expect(mine.map((s) => s.state)).toEqual(["pending", "failure"]);
    expect(mine[1]?.description).toMatch(/^2 blocking issues: (field `opencode_key`|claim not backed)/);
    if (flavour === "github") {
      const run = w.model.checkRuns.find((r) => r.name === "prd-bot/auditor");
      expect(run).toMatchObject({ status: "completed", conclusion: "failure", headSha: w.headSha });
      expect(run?.annotations).toContainEqual(expect.objectContaining({ path: "gateway/router.py", startLine: 5, level: "failure" }));
      expect(run?.summary).toContain("### Blocking (2)");
    } else {
      const details = w.model.comments.filter((c) => c.body.includes("prd-bot:status:prd-bot/auditor"));
      expect(details).toHaveLength(1);
      expect(details[0]?.body).toContain("gateway/router.py:5");
      // A second run edits the same comment; it never adds one.
      expect((await run()).code).toBe(0);
      expect(w.model.comments.filter((c) => c.body.includes("prd-bot:status:prd-bot/auditor"))).toHaveLength(1);
    }
    expectClean(w.forge, expect);
  });

  it("github: a fork PR is audited from refs/pull/7/head with the app's token, and its status is posted", async ({ expect, onTestFinished }) => {
    const w = await world("github", onTestFinished, { fork: true });
    const forge = createGitHubForge({ owner: "acme", repo: "app", baseUrl: w.forge.apiUrl, serverUrl: w.forge.url, token: TOKEN, timing: { retryBaseMs: 1 } });
    const tempDir = path.dirname(w.repo.root);
    const result = await runForgeAudit(7, { forge, config: parseConfig(undefined, ".github/prd-bot.yml"), configFile: ".github/prd-bot.yml", env: {}, workspace: () => Promise.reject(new Error("the audit needs no checkout")), tempDir, log: silentLogger, now: () => new Date(), origin: "app" });
    expect(result.failure).toBeUndefined();
    expect(w.model.statuses.filter((s) => s.context === "prd-bot/auditor").map((s) => s.state)).toEqual(["pending", "failure"]);
    expect(w.forge.gitRequests.every((r) => r.service !== "git-receive-pack")).toBe(true);
    expectClean(w.forge, expect);
  });
});
