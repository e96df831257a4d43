// The GitHub forge adapter against the local GitHub (requests validated against GitHub's OpenAPI description,
// git over smart HTTP): every Forge method, check-run fallback, pushes with gitRemote(), and faults (5xx,
// rate limits, bad token) with short injected waits.
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Octokit } from "@octokit/core";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHubForge } from "../../src/adapters/forge/github/create-github-forge.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import type { Forge } from "../../src/ports/forge.js";
import { ForgeError } from "../../src/ports/forge.js";
import { PushRejectedError } from "../../src/ports/workspace.js";
import type { ForgeTestRepo } from "../support/forge-adapter-fixtures.js";
import { FAST, advanceRemoteBranch, expectClean, makeForgeTestRepo, requestsTo, warnings } from "../support/forge-adapter-fixtures.js";
import type { GitHubServer, RepoModel } from "../support/forge/index.js";
import { startGitHubServer } from "../support/forge/index.js";
import { runGit } from "../support/git-repo.js";

const TOKEN = "ghs_adapterTestToken0123456789";
const at = { owner: "acme", repo: "app" };

describe("GitHub forge adapter", () => {
  let server: GitHubServer;
  let repo: ForgeTestRepo;
  let model: RepoModel;
  let forge: Forge;
  const log = warnings();

  beforeAll(async () => {
    repo = await makeForgeTestRepo();
    server = await startGitHubServer({ token: TOKEN });
    model = server.withRepo({ ...at, bareRepoPath: repo.remote, permissions: { root: "admin", alice: "write", bob: "read" } });
    forge = createGitHubForge({ ...at, token: TOKEN, baseUrl: server.url, retries: 2, timing: FAST, log: log.log });
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  beforeEach(() => {
    log.lines.length = 0;
  });

  it("reads the default branch (once), files at a ref, and a comparison", async () => {
    expect(forge.kind).toBe("github");
    expect(forge.capabilities).toEqual({ draftFlag: true, checkRuns: true, reactions: true, workflowDispatch: true, suggestions: true });
    expect(await forge.defaultBranch()).toBe("main");
    expect(await forge.defaultBranch()).toBe("main");
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}")).toHaveLength(1);

    expect(await forge.readFile("src/app.ts", "feature/x")).toBe("export const a = 1;\nexport const b = 2;\n");
    expect(await forge.readFile("src/app.ts", "main")).toBe("export const a = 1;\n");
    expect(await forge.readFile("src/b.test.ts", "main")).toBeUndefined();

    const files = await forge.compare("main", "feature/x");
    expect(files).toEqual([
      { path: "src/app.ts", status: "modified", patch: expect.stringContaining("+export const b = 2;") },
      { path: "src/b.test.ts", status: "added", patch: "@@ -0,0 +1 @@\n+// b" },
    ]);
    expectClean(server);
  });

  it("opens a draft pull request with its label and finds it by head, title and label", async () => {
    const pr = await forge.openDraftPullRequest({ head: "feature/x", base: "main", title: "Add b", body: "gap g1", labels: ["prd-bot"] });
    expect(pr).toEqual({
      number: 1,
      url: `${server.url}/acme/app/pull/1`,
      title: "Add b",
      body: "gap g1",
      head: "feature/x",
      base: "main",
      draft: true,
      state: "open",
      fromFork: false,
      headSha: repo.featureSha,
      author: "prd-bot[bot]",
    });
    expect(model.pulls[0]).toMatchObject({ draft: true, labels: ["prd-bot"] });
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/pulls")[0]?.body).toMatchObject({ draft: true, head: "feature/x" });

    expect((await forge.findOpenPullRequest({ head: "feature/x" }))?.number).toBe(1);
    // GitHub ignores a head filter without "owner:", so the adapter must send acme:feature/x.
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/pulls").at(-1)?.query).toMatchObject({ head: "acme:feature/x", state: "open" });
    expect(await forge.findOpenPullRequest({ head: "feature/none" })).toBeUndefined();
    expect((await forge.findOpenPullRequest({ titleContains: "Add" }))?.number).toBe(1);
    expect(await forge.findOpenPullRequest({ titleContains: "Remove" })).toBeUndefined();
    expect((await forge.listOpenPullRequests({ label: "prd-bot" })).map((p) => p.number)).toEqual([1]);
    expect(await forge.listOpenPullRequests({ label: "other" })).toEqual([]);
    expect((await forge.getPullRequest(1)).headSha).toBe(repo.featureSha);
    await expect(forge.openDraftPullRequest({ head: "feature/x", base: "main", title: "again", body: "", labels: [] })).rejects.toMatchObject({
      name: "ForgeError",
      status: 422,
      operation: "openDraftPullRequest",
      message: expect.stringContaining("A pull request already exists for acme:feature/x"),
    });
    expectClean(server);
  });

  it("updates a pull request's title and body; it stays a draft", async () => {
    const updated = await forge.updatePullRequest(1, { title: "Add b (v2)", body: "gap g1, second try" });
    expect(updated).toMatchObject({ number: 1, title: "Add b (v2)", body: "gap g1, second try", draft: true });
    expect(model.pulls[0]).toMatchObject({ title: "Add b (v2)", draft: true });
    expectClean(server);
  });

  it("comments, edits the comment and reacts to it", async () => {
    const comment = await forge.comment(1, "working on it");
    expect(comment.url).toBe(`${server.url}/acme/app/issues/1#issuecomment-${comment.id}`);
    await forge.editComment(comment.id, "done");
    await forge.react(comment.id, "eyes");
    expect(model.comments).toMatchObject([{ id: comment.id, issueNumber: 1, body: "done" }]);
    expect(model.reactions).toMatchObject([{ commentId: comment.id, content: "eyes" }]);
    await expect(forge.comment(99, "nobody home")).rejects.toMatchObject({ status: 404, message: expect.stringContaining("check the repository name") });
    expectClean(server);
  });

  it("posts one review with a line comment on the right side of the head commit", async () => {
    await forge.review(1, { body: "report", commitSha: repo.featureSha, comments: [{ path: "src/app.ts", line: 2, body: "name it better" }] });
    expect(model.reviews).toMatchObject([{ pullNumber: 1, event: "COMMENT", commitId: repo.featureSha, comments: [{ path: "src/app.ts", line: 2, body: "name it better" }] }]);
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews")[0]?.body).toMatchObject({ comments: [{ side: "RIGHT", line: 2 }] });
    // A line outside the diff: GitHub refuses the whole review, and the error says so.
    await expect(forge.review(1, { body: "x", commitSha: repo.featureSha, comments: [{ path: "src/app.ts", line: 40, body: "?" }] })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("line must be part of the diff"),
    });
    expectClean(server);
  });

  it("posts a status as a check run with the details as output, updating a pending run in place", async () => {
    await forge.setStatus({ sha: repo.featureSha, context: "prd-bot/auditor", state: "pending", description: "auditing" });
    await forge.setStatus({ sha: repo.featureSha, context: "prd-bot/auditor", state: "failure", description: "1 blocking issue", details: "## Blocking\n- claims tests pass", targetUrl: "https://ci.example.com/run/1" });
    expect(model.checkRuns).toEqual([
      expect.objectContaining({ name: "prd-bot/auditor", headSha: repo.featureSha, status: "completed", conclusion: "failure", title: "1 blocking issue", summary: "## Blocking\n- claims tests pass", detailsUrl: "https://ci.example.com/run/1" }),
    ]);
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/check-runs")).toHaveLength(1);
    expect(requestsTo(server, "PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}")).toHaveLength(1);
    expect(model.statuses).toEqual([]);
    expectClean(server);
  });

  it("falls back to commit statuses (for good) when the token may not create check runs", async () => {
    const other = createGitHubForge({ ...at, token: TOKEN, baseUrl: server.url, retries: 2, timing: FAST, log: log.log });
    server.fail("POST", "/repos/{owner}/{repo}/check-runs", [{ status: 403, body: { message: "You must authenticate via a GitHub App.", documentation_url: "https://docs.github.com/rest" } }]);
    const checkRunsBefore = requestsTo(server, "POST", "/repos/{owner}/{repo}/check-runs").length;
    const long = "x".repeat(200);
    await other.setStatus({ sha: repo.featureSha, context: "prd-bot/auditor", state: "success", description: long });
    await other.setStatus({ sha: repo.featureSha, context: "prd-bot/auditor", state: "error", description: "model unreachable", targetUrl: "https://ci.example.com/run/2" });
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/check-runs").length - checkRunsBefore).toBe(1);
    expect(model.statuses).toMatchObject([
      { sha: repo.featureSha, context: "prd-bot/auditor", state: "success", description: `${"x".repeat(139)}…` },
      { state: "error", description: "model unreachable", targetUrl: "https://ci.example.com/run/2" },
    ]);
    expect(other.capabilities.checkRuns).toBe(false);
    expect(log.lines).toEqual([expect.stringContaining("posting commit statuses instead")]);
    expectClean(server);
  });

  it("answers permissions admin, write, read and none (also for a user GitHub does not know)", async () => {
    expect([await forge.permission("root"), await forge.permission("alice"), await forge.permission("bob"), await forge.permission("mallory")]).toEqual(["admin", "write", "read", "none"]);
    server.fail("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", [{ status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } }]);
    expect(await forge.permission("ghost")).toBe("none");
    expectClean(server);
  });

  it("dispatches a workflow with inputs", async () => {
    await forge.dispatchWorkflow("prd-bot.yml", "main", { gap: "g1" });
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { gap: "g1" } }]);
    await expect(forge.dispatchWorkflow("prd-bot.yml", "no-such-ref", {})).rejects.toMatchObject({ status: 422, operation: "dispatchWorkflow" });
    expectClean(server);
  });

  it("pushes a branch with Workspace.push and gitRemote(); a moved remote branch rejects the push", async () => {
    const remote = forge.gitRemote();
    expect(remote.url).toBe(server.gitUrl("acme", "app"));
    expect(remote.authHeader).toBe(`Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString("base64")}`);

    const workspace = await openGitWorkspace(repo.root);
    await writeFile(path.join(repo.root, "src/c.ts"), "export const c = 3;\n");
    const sha = await workspace.commitToBranch("prd-bot/gap-c", ["src/c.ts"], "add c");
    await workspace.push(remote, "prd-bot/gap-c");
    expect(await runGit(repo.remote, ["rev-parse", "prd-bot/gap-c"])).toBe(sha);
    expect(server.gitRequests.some((r) => r.service === "git-receive-pack" && r.status === 200)).toBe(true);

    await advanceRemoteBranch(repo.remote, "prd-bot/gap-c");
    await writeFile(path.join(repo.root, "src/c.ts"), "export const c = 4;\n");
    await workspace.commitToBranch("prd-bot/gap-c", ["src/c.ts"], "add c again");
    const rejected = await workspace.push(remote, "prd-bot/gap-c").catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(PushRejectedError);
    expect(String((rejected as Error).message)).not.toContain(TOKEN);
    await workspace.restore();
    expectClean(server);
  });

  it("works through an injected Octokit (Probot's, as context.octokit), which sends its own auth", async () => {
    const injected = createGitHubForge({ ...at, octokit: new ProbotOctokit({ auth: { token: TOKEN }, baseUrl: server.url }) });
    expect(await injected.permission("alice")).toBe("write");
    expect(await createGitHubForge({ ...at, octokit: new Octokit({ auth: TOKEN, baseUrl: server.url }) }).permission("bob")).toBe("read");
    expect(() => injected.gitRemote()).toThrow(/no token to push with/);
    expect(() => createGitHubForge({ ...at })).toThrow(/no token and no octokit/);
    expectClean(server);
  });
});

describe("GitHub forge adapter under faults", () => {
  let server: GitHubServer;
  let repo: ForgeTestRepo;
  const log = warnings();
  const fresh = (options: { token?: string; retries?: number; owner?: string } = {}) =>
    createGitHubForge({ owner: options.owner ?? "acme", repo: "app", token: options.token ?? TOKEN, baseUrl: server.url, retries: options.retries ?? 2, timing: FAST, log: log.log });
  const repoGets = () => requestsTo(server, "GET", "/repos/{owner}/{repo}").length;

  beforeAll(async () => {
    repo = await makeForgeTestRepo();
    server = await startGitHubServer({ token: TOKEN });
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
    server.fail("GET", "/repos/{owner}/{repo}", [{ status: 500 }, { status: 502 }, { status: 503 }]);
    const error = await fresh({ retries: 2 }).defaultBranch().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect(error).toMatchObject({ operation: "defaultBranch", status: 503 });
    expect((error as Error).message).toMatch(/^defaultBranch: GitHub answered 503 for acme\/app: injected fault 503\. GitHub kept failing \(tried with 2 retries\)/);
    expect(repoGets() - before).toBe(3);
    expectClean(server);
  });

  it("waits out a rate limit that resets a second ahead, then succeeds", async () => {
    const before = repoGets();
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    server.fail("GET", "/repos/{owner}/{repo}", [
      { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }, body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: "https://docs.github.com/rest" } },
    ]);
    expect(await fresh().defaultBranch()).toBe("main");
    expect(repoGets() - before).toBe(2);
    expect(log.lines).toEqual([expect.stringMatching(/^GitHub rate limit on GET \/repos\/\{owner\}\/\{repo\}: retrying in [1-3] s \(1\/2\)$/)]);
    expectClean(server);
  });

  it("retries a 429 secondary limit after its retry-after, and fails clearly when it persists", async () => {
    const limited = { status: 429, headers: { "retry-after": "1" }, body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/rest" } };
    server.fail("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", [limited]);
    const forge = fresh();
    await expect(forge.getPullRequest(7)).rejects.toMatchObject({ status: 404 });
    expect(log.lines).toEqual([expect.stringContaining("GitHub secondary rate limit on GET /repos/{owner}/{repo}/pulls/{pull_number}: retrying in 1 s (1/2)")]);

    const before = requestsTo(server, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}").length;
    server.fail("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", [limited, limited, limited]);
    const error = await forge.getPullRequest(7).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", status: 429, operation: "getPullRequest" });
    expect((error as Error).message).toContain("GitHub rate-limited the token");
    expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}").length - before).toBe(3);
    expectClean(server);
  });

  it("fails at once on a rate limit that lifts later than it is worth waiting, saying when it resets", async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    server.fail("GET", "/repos/{owner}/{repo}", [{ status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) }, body: { message: "API rate limit exceeded", documentation_url: "https://docs.github.com/rest" } }]);
    const started = performance.now();
    const error = await fresh().defaultBranch().catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((error as Error).message).toContain(`The limit resets at ${new Date(reset * 1000).toISOString()}`);
    expectClean(server);
  });

  it("retries a request that times out, then says the API could not be reached", async () => {
    server.on("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { status: 200, body: server.shapes.permission("slow", "write") };
    });
    const slow = createGitHubForge({ ...at, token: TOKEN, baseUrl: server.url, retries: 1, timing: { ...FAST, requestTimeoutMs: 100 } });
    const started = performance.now();
    const error = await slow.permission("slow").catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ name: "ForgeError", operation: "permission", status: 500 });
    expect((error as Error).message).toContain(`GitHub call for acme/app failed: The operation was aborted due to timeout. Could not reach ${server.url} (tried with 1 retry). Check GITHUB_API_URL`);
    expectClean(server);
  });

  it("says which API URL could not be reached when nothing listens there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createGitHubForge({ ...at, token: TOKEN, baseUrl: url, retries: 1, timing: FAST }).defaultBranch().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", operation: "defaultBranch" });
    expect((error as Error).message).toMatch(new RegExp(`^defaultBranch: GitHub call for acme/app failed: .*ECONNREFUSED.*\\. Could not reach ${url.replace(/\./g, "\\.")} \\(tried with 1 retry\\)`));
  });

  it("says when the pull request was opened but its labels were refused, and which permission is missing", async () => {
    server.fail("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", [{ status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest" } }]);
    const error = await fresh().openDraftPullRequest({ head: "feature/x", base: "main", title: "Add b", body: "", labels: ["prd-bot"] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", status: 403 });
    expect((error as Error).message).toBe(
      "openDraftPullRequest (labels for #1, which is open): GitHub answered 403 for acme/app: Resource not accessible by integration. " +
        "The token may not do this: it needs pull-requests: write (and issues: write for labels). Grant it in the workflow's \"permissions:\" block or the GitHub App's settings.",
    );
    expectClean(server);
  });

  it("names a refused token without printing it", async () => {
    const wrong = "ghp_wrongTokenValue987654321";
    const error = await fresh({ token: wrong }).defaultBranch().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ForgeError", status: 401, operation: "defaultBranch" });
    expect((error as Error).message).toContain("Bad credentials");
    expect((error as Error).message).toContain("The token was refused");
    expect((error as Error).message).not.toContain(wrong);
    expect((error as Error).message).not.toContain(TOKEN);
    expectClean(server);
  });

  it("says which repository was not found and what to check", async () => {
    const error = await fresh({ owner: "acme-typo" }).defaultBranch().catch((e: unknown) => e);
    expect((error as Error).message).toContain("GitHub answered 404 for acme-typo/app: Not Found. acme-typo/app, or what the call names in it, was not found");
    expect((error as Error).message).toContain("check the repository name (owner/repo)");
    expectClean(server);
  });
});
