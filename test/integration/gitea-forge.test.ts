// The Gitea forge adapter against the local Gitea (requests validated against Gitea 1.22's Swagger
// description, git over smart HTTP): every Forge method, WIP drafts with label ids, workflow dispatch by
// server version, pushes with gitRemote(), and faults (5xx, 429, bad token) with short injected waits.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGiteaForge } from "../../src/adapters/forge/gitea/create-gitea-forge.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import type { Forge } from "../../src/ports/forge.js";
import { ForgeError, UnsupportedError } from "../../src/ports/forge.js";
import { PushRejectedError } from "../../src/ports/workspace.js";
import type { ForgeTestRepo } from "../support/forge-adapter-fixtures.js";
import { FAST, advanceRemoteBranch, expectClean, makeForgeTestRepo, requestsTo, warnings } from "../support/forge-adapter-fixtures.js";
import type { GiteaServer, RepoModel } from "../support/forge/index.js";
import { startGiteaServer } from "../support/forge/index.js";
import { runGit } from "../support/git-repo.js";

const TOKEN = "gitea0123456789abcdef0123456789abcdef0123";
const at = { owner: "acme", repo: "app" };

function serveVersion(server: GiteaServer, version: string): void {
  server.on("GET", "/version", () => ({ status: 200, body: { version } }));
}

describe("Gitea forge adapter", () => {
  let server: GiteaServer;
  let repo: ForgeTestRepo;
  let model: RepoModel;
  let forge: Forge;

  beforeAll(async () => {
    repo = await makeForgeTestRepo();
    server = await startGiteaServer({ token: TOKEN, workflowDispatch: true });
    serveVersion(server, "1.24.2");
    model = server.withRepo({ ...at, bareRepoPath: repo.remote, labels: ["bot-eligible"], permissions: { alice: "write", bob: "read" } });
    forge = createGiteaForge({ ...at, token: TOKEN, baseUrl: server.url, retries: 2, timing: FAST });
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  it("reads the default branch (once), files at a ref, and a comparison folded from its commits", async () => {
    expect(forge.kind).toBe("gitea");
    expect(forge.capabilities).toEqual({ draftFlag: false, checkRuns: false, reactions: true, workflowDispatch: true, suggestions: false });
    expect(await forge.defaultBranch()).toBe("main");
    expect(await forge.defaultBranch()).toBe("main");
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}")).toHaveLength(1);

    expect(await forge.readFile("src/app.ts", "feature/x")).toBe("export const a = 1;\nexport const b = 2;\n");
    expect(await forge.readFile("src/app.ts", "main")).toBe("export const a = 1;\n");
    expect(await forge.readFile("src/b.test.ts", "main")).toBeUndefined();
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/contents/{filepath}").at(-1)?.query).toEqual({ ref: "main" });

    expect(await forge.compare("main", "feature/x")).toEqual([
      { path: "src/app.ts", status: "modified" },
      { path: "src/b.test.ts", status: "added" },
    ]);
    expectClean(server);
  });

  it("opens a draft as a WIP: pull request with the label by id (created once), and finds it", async () => {
    const pr = await forge.openDraftPullRequest({ head: "feature/x", base: "main", title: "Add b", body: "gap g1", labels: ["prd-bot"] });
    expect(pr).toEqual({
      number: 1,
      url: `${server.url}/acme/app/pulls/1`,
      title: "WIP: Add b",
      body: "gap g1",
      head: "feature/x",
      base: "main",
      draft: true,
      state: "open",
      fromFork: false,
      headSha: repo.featureSha,
      author: "prd-bot",
    });
    expect(model.labels.map((l) => [l.id, l.name])).toEqual([[1, "bot-eligible"], [2, "prd-bot"]]);
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/pulls")[0]?.body).toEqual({ head: "feature/x", base: "main", title: "WIP: Add b", body: "gap g1", labels: [2] });
    expect(model.pulls[0]).toMatchObject({ draft: true, labels: ["prd-bot"] });

    expect((await forge.findOpenPullRequest({ head: "feature/x" }))?.number).toBe(1);
    expect(await forge.findOpenPullRequest({ head: "feature/none" })).toBeUndefined();
    expect((await forge.findOpenPullRequest({ titleContains: "Add b" }))?.number).toBe(1);
    expect((await forge.listOpenPullRequests({ label: "prd-bot" })).map((p) => p.number)).toEqual([1]);
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/pulls").at(-1)?.query).toMatchObject({ state: "open", labels: "2" });
    expect(await forge.listOpenPullRequests({ label: "bot-eligible" })).toEqual([]);
    const listsBefore = requestsTo(server, "GET", "/repos/{owner}/{repo}/pulls").length;
    expect(await forge.listOpenPullRequests({ label: "no-such-label" })).toEqual([]);
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/pulls").length).toBe(listsBefore);
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/labels")).toHaveLength(1);
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/labels")).toHaveLength(1);
    expect((await forge.getPullRequest(1)).title).toBe("WIP: Add b");

    await expect(forge.openDraftPullRequest({ head: "feature/x", base: "main", title: "again", body: "", labels: ["prd-bot"] })).rejects.toMatchObject({
      name: "ForgeError",
      status: 409,
      message: expect.stringContaining("pull request already exists"),
    });
    expectClean(server);
  });

  it("keeps the WIP: prefix when a draft gets a new title", async () => {
    const updated = await forge.updatePullRequest(1, { title: "Add b (v2)", body: "second try" });
    expect(updated).toMatchObject({ title: "WIP: Add b (v2)", body: "second try", draft: true });
    expect(model.pulls[0]).toMatchObject({ title: "WIP: Add b (v2)", draft: true });
    expect((await forge.updatePullRequest(1, { body: "third" })).title).toBe("WIP: Add b (v2)");
    expectClean(server);
  });

  it("comments, edits the comment and reacts to it", async () => {
    const comment = await forge.comment(1, "working on it");
    expect(comment.url).toBe(`${server.url}/acme/app/pulls/1#issuecomment-${comment.id}`);
    await forge.editComment(comment.id, "done");
    await forge.react(comment.id, "rocket");
    expect(model.comments).toMatchObject([{ id: comment.id, body: "done" }]);
    expect(model.reactions).toMatchObject([{ commentId: comment.id, content: "rocket" }]);
    await expect(forge.editComment(424242, "x")).rejects.toMatchObject({ status: 404, operation: "editComment" });
    expectClean(server);
  });

  it("posts a review with a line comment at new_position", async () => {
    await forge.review(1, { body: "report", commitSha: repo.featureSha, comments: [{ path: "src/app.ts", line: 2, body: "name it better" }] });
    expect(model.reviews).toMatchObject([{ pullNumber: 1, event: "COMMENT", commitId: repo.featureSha, comments: [{ path: "src/app.ts", line: 2, body: "name it better" }] }]);
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/pulls/{index}/reviews")[0]?.body).toMatchObject({ comments: [{ new_position: 2 }] });
    expectClean(server);
  });

  it("posts a commit status with the details in its description, cut to length", async () => {
    await forge.setStatus({ sha: repo.featureSha, context: "prd-bot/auditor", state: "failure", description: "1 blocking issue", details: "- claims tests pass", targetUrl: "https://ci.example.com/1" });
    await forge.setStatus({ sha: repo.featureSha, context: "prd-bot/auditor", state: "success", description: "ok", details: "y".repeat(2000) });
    expect(model.statuses[0]).toMatchObject({ sha: repo.featureSha, context: "prd-bot/auditor", state: "failure", description: "1 blocking issue\n\n- claims tests pass", targetUrl: "https://ci.example.com/1" });
    expect(model.statuses[1]?.description).toHaveLength(1000);
    expect(model.statuses[1]?.description.endsWith("y…")).toBe(true);
    expectClean(server);
  });

  it("answers permissions: the owner is admin without asking, then write, read, none (404 too)", async () => {
    const before = server.requests.length;
    expect(await forge.permission("ACME")).toBe("admin");
    expect(server.requests.length).toBe(before);
    expect([await forge.permission("alice"), await forge.permission("bob"), await forge.permission("mallory")]).toEqual(["write", "read", "none"]);
    server.fail("GET", "/repos/{owner}/{repo}/collaborators/{collaborator}/permission", [{ status: 404, body: { message: "user does not exist", url: "https://docs.gitea.com/api/1.22/" } }]);
    expect(await forge.permission("ghost")).toBe("none");
    expectClean(server);
  });

  it("dispatches a workflow on Gitea 1.24, reading the version once", async () => {
    await forge.dispatchWorkflow("prd-bot.yml", "main", { gap: "g1" });
    await forge.dispatchWorkflow("prd-bot.yml", "feature/x", {});
    expect(model.dispatches).toEqual([
      { workflow: "prd-bot.yml", ref: "main", inputs: { gap: "g1" } },
      { workflow: "prd-bot.yml", ref: "feature/x", inputs: {} },
    ]);
    expect(requestsTo(server, "GET", "/version")).toHaveLength(1);
    expect(forge.capabilities.workflowDispatch).toBe(true);
    expectClean(server);
  });

  it("pushes a branch with Workspace.push and gitRemote(); a moved remote branch rejects the push", async () => {
    const remote = forge.gitRemote();
    expect(remote.url).toBe(server.gitUrl("acme", "app"));
    expect(remote.authHeader).toMatch(/^Authorization: Basic /);

    const workspace = await openGitWorkspace(repo.root);
    await writeFile(path.join(repo.root, "src/c.ts"), "export const c = 3;\n");
    const sha = await workspace.commitToBranch("prd-bot/gap-c", ["src/c.ts"], "add c");
    await workspace.push(remote, "prd-bot/gap-c");
    expect(await runGit(repo.remote, ["rev-parse", "prd-bot/gap-c"])).toBe(sha);

    await advanceRemoteBranch(repo.remote, "prd-bot/gap-c");
    await writeFile(path.join(repo.root, "src/c.ts"), "export const c = 4;\n");
    await workspace.commitToBranch("prd-bot/gap-c", ["src/c.ts"], "add c again");
    await expect(workspace.push(remote, "prd-bot/gap-c")).rejects.toBeInstanceOf(PushRejectedError);
    await workspace.restore();
    expectClean(server);
  });
});

describe("Gitea forge adapter before 1.24", () => {
  let server: GiteaServer;
  let repo: ForgeTestRepo;

  beforeAll(async () => {
    repo = await makeForgeTestRepo();
    server = await startGiteaServer({ token: TOKEN });
    serveVersion(server, "1.22.6");
    server.withRepo({ ...at, bareRepoPath: repo.remote });
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  it("refuses workflow dispatch with UnsupportedError saying what is needed, without calling the missing route", async () => {
    const forge = createGiteaForge({ ...at, token: TOKEN, baseUrl: server.url, timing: FAST });
    expect(forge.capabilities.workflowDispatch).toBe(true);
    const error = await forge.dispatchWorkflow("prd-bot.yml", "main", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as Error).message).toBe(
      `dispatchWorkflow: Gitea 1.22.6 at ${server.url} cannot start a workflow through its API; that needs Gitea 1.24 or newer. ` +
        'Upgrade Gitea, or run the prd-bot workflow on a schedule ("on: schedule") instead of dispatching it.',
    );
    expect(forge.capabilities.workflowDispatch).toBe(false);

    // A known version needs no request at all.
    const requestsBefore = server.requests.length;
    const known = createGiteaForge({ ...at, token: TOKEN, baseUrl: server.url, serverVersion: "11.0.1+gitea-1.22.0", timing: FAST });
    expect(known.capabilities.workflowDispatch).toBe(false);
    await expect(known.dispatchWorkflow("prd-bot.yml", "main", {})).rejects.toBeInstanceOf(UnsupportedError);
    expect(server.requests.length).toBe(requestsBefore);
    expectClean(server);
  });
});

describe("Gitea forge adapter under faults", () => {
  let server: GiteaServer;
  let repo: ForgeTestRepo;
  const log = warnings();
  const fresh = (token = TOKEN) => createGiteaForge({ ...at, token, baseUrl: server.url, retries: 2, timing: FAST, log: log.log });
  const repoGets = () => requestsTo(server, "GET", "/repos/{owner}/{repo}").length;

  beforeAll(async () => {
    repo = await makeForgeTestRepo();
    server = await startGiteaServer({ token: TOKEN });
    server.withRepo({ ...at, bareRepoPath: repo.remote });
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  beforeEach(() => {
    log.lines.length = 0;
  });

  it("retries a 500 and succeeds, quickly", async () => {
    const before = repoGets();
    server.fail("GET", "/repos/{owner}/{repo}", [{ status: 500 }]);
    const started = performance.now();
    expect(await fresh().defaultBranch()).toBe("main");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(repoGets() - before).toBe(2);
    expectClean(server);
  });

  it("gives up on a 500 that persists with a ForgeError naming the operation and the retries", async () => {
    const before = repoGets();
    server.fail("GET", "/repos/{owner}/{repo}", [{ status: 500 }, { status: 500 }, { status: 500 }]);
    const error = await fresh().defaultBranch().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", operation: "defaultBranch", status: 500 });
    expect((error as Error).message).toContain("Gitea answered 500 for acme/app: injected fault 500. Gitea kept failing (tried with 2 retries)");
    expect(repoGets() - before).toBe(3);
    expectClean(server);
  });

  it("retries a 429 from a proxy after its retry-after, and fails clearly when it persists", async () => {
    const limited = { status: 429, headers: { "retry-after": "1" }, body: { message: "Too Many Requests" } };
    server.fail("GET", "/repos/{owner}/{repo}", [limited]);
    expect(await fresh().defaultBranch()).toBe("main");
    expect(log.lines).toEqual([expect.stringContaining("Gitea secondary rate limit on GET /repos/acme/app: retrying in 1 s (1/2)")]);

    const before = repoGets();
    server.fail("GET", "/repos/{owner}/{repo}", [limited, limited, limited]);
    const error = await fresh().defaultBranch().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", status: 429 });
    expect((error as Error).message).toContain("Gitea answered 429 for acme/app: Too Many Requests. Gitea rate-limited the token");
    expect(repoGets() - before).toBe(3);
    expectClean(server);
  });

  it("waits out a 403 rate limit that resets a second ahead", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    server.fail("GET", "/repos/{owner}/{repo}", [{ status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }, body: { message: "rate limit exceeded" } }]);
    expect(await fresh().defaultBranch()).toBe("main");
    expect(log.lines).toEqual([expect.stringMatching(/^Gitea rate limit on GET \/repos\/acme\/app: retrying in [1-3] s \(1\/2\)$/)]);
    expectClean(server);
  });

  it("names a refused token without printing it, and a forbidden write with the scopes it needs", async () => {
    const wrong = "0000wrong0000token0000";
    const error = await fresh(wrong).defaultBranch().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", status: 401 });
    expect((error as Error).message).toContain("Gitea answered 401 for acme/app: token is required. The token was refused");
    expect((error as Error).message).not.toContain(wrong);

    server.fail("POST", "/repos/{owner}/{repo}/issues/{index}/comments", [{ status: 403, body: { message: "user should have permission to write issues" } }]);
    const forbidden = await fresh().comment(1, "hi").catch((e: unknown) => e);
    expect((forbidden as Error).message).toContain("The token may not do this: it needs write:issue");
    expect((forbidden as Error).message).not.toContain(TOKEN);
    expectClean(server);
  });
});
