// The local GitHub and Gitea test servers: requests are validated against the published API descriptions,
// unexpected requests are caught, faults come in order, and git over HTTP needs the token.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Octokit } from "@octokit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GiteaServer, GitHubServer } from "../support/forge/index.js";
import { startGiteaServer, startGitHubServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo, runGit } from "../support/git-repo.js";

const TOKEN = "ghs_test_token_123";

function client(base: string, token = TOKEN) {
  return async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(base + url, {
      method,
      headers: { authorization: `token ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // a text answer (raw file, diff) stays a string
    }
    return { status: response.status, headers: response.headers, body: json as Record<string, unknown> & unknown[] };
  };
}

describe("GitHub test server", () => {
  let forge: GitHubServer;
  let repo: TestRepo;
  let api: ReturnType<typeof client>;
  let scratch: string;

  beforeAll(async () => {
    repo = await makeRepo({ "README.md": "hello\n", "src/app.ts": "export const a = 1;\n" }, { withRemote: true });
    await repo.git("checkout", "-q", "-b", "feature/x");
    await repo.git("commit", "-q", "--allow-empty", "-m", "feature");
    await repo.git("push", "-q", "origin", "feature/x");
    forge = await startGitHubServer({ token: TOKEN });
    forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string });
    api = client(forge.url);
    scratch = await mkdtemp(path.join(os.tmpdir(), "prd-bot-forge-test-"));
  });

  afterAll(async () => {
    await forge?.close();
    await repo?.cleanup();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  beforeEach(() => {
    forge.violations.length = 0;
    forge.unexpected.length = 0;
  });

  it("answers a valid request with the handler and records no violation", async () => {
    const res = await api("GET", "/repos/acme/app");
    expect(res.status).toBe(200);
    expect(res.body.default_branch).toBe("main");
    expect(res.body.full_name).toBe("acme/app");
    expect(forge.requests.at(-1)).toMatchObject({ operationId: "repos/get", template: "/repos/{owner}/{repo}", status: 200, authorized: true });
    expect(forge.violations).toEqual([]);
  });

  it("accepts what octokit really sends", async () => {
    const octokit = new Octokit({ auth: TOKEN, baseUrl: forge.url });
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls", { owner: "acme", repo: "app", state: "open", per_page: 10 });
    expect(data).toEqual([]);
    expect(forge.violations).toEqual([]);
  });

  it("records a body of the wrong type or without a required field as a violation", async () => {
    const res = await api("POST", "/repos/acme/app/pulls", { title: 5, base: "main" });
    expect(res.status).toBe(599);
    expect(forge.violations).toHaveLength(1);
    const [violation] = forge.violations;
    expect(violation?.kind).toBe("invalid-request");
    expect(violation?.operation).toBe("POST /repos/{owner}/{repo}/pulls (pulls/create)");
    expect(violation?.message).toContain("body must have required property 'head'");
    expect(violation?.message).toContain("body/title must be string");
    expect(String(res.body.message)).toContain("body/title must be string");
  });

  it("checks path and query parameters: types, unknown names", async () => {
    await api("GET", "/repos/acme/app/pulls/abc");
    await api("GET", "/repos/acme/app/pulls?per_page=many");
    await api("GET", "/repos/acme/app/pulls?state=opened");
    await api("GET", "/repos/acme/app/pulls?head_branch=x");
    expect(forge.violations.map((v) => v.message)).toEqual([
      expect.stringContaining("path/pull_number must be integer"),
      expect.stringContaining("query/per_page must be integer"),
      expect.stringContaining("query/state must be equal to one of the allowed values"),
      expect.stringContaining('query parameter "head_branch" is not in the description'),
    ]);
  });

  it("records a path that matches no operation as a violation", async () => {
    const res = await api("GET", "/repos/acme/app/no-such-thing");
    expect(res.status).toBe(599);
    expect(forge.violations).toEqual([
      expect.objectContaining({ kind: "unknown-route", method: "GET", path: "/repos/acme/app/no-such-thing" }),
    ]);
    await api("DELETE", "/repos/acme/app/pulls/1");
    expect(forge.violations[1]?.message).toContain("DELETE /repos/acme/app/pulls/1 matches no operation");
  });

  it("puts a valid request nobody handles in `unexpected`, not in violations", async () => {
    const res = await api("GET", "/repos/acme/app/releases/latest");
    expect(res.status).toBe(500);
    expect(String(res.body.message)).toContain("nobody expected this request");
    expect(forge.unexpected.map((r) => r.operationId)).toEqual(["repos/get-latest-release"]);
    expect(forge.violations).toEqual([]);
  });

  it("validates the handler's answer against the documented response schema", async () => {
    forge.on("GET", "/repos/{owner}/{repo}/releases/{release_id}", () => ({ status: 200, body: { id: "seven" } }));
    const res = await api("GET", "/repos/acme/app/releases/7");
    expect(res.status).toBe(599);
    expect(forge.violations[0]?.kind).toBe("invalid-response");
    expect(forge.violations[0]?.message).toContain("response/id must be integer");
    forge.on("GET", "/repos/{owner}/{repo}/releases/{release_id}", () => ({ status: 201, body: {} }));
    await api("GET", "/repos/acme/app/releases/7");
    expect(forge.violations[1]?.message).toContain("answered 201, but the description documents only 200");
  });

  it("refuses to register a handler for an operation the description lacks, and names similar ones", () => {
    expect(() => forge.on("GET", "/repos/{owner}/{repo}/pull", () => ({ status: 200 }))).toThrow(/no such operation in the github API description.*\/repos\/\{owner\}\/\{repo\}\/pulls/);
    // Parameter names may differ from the description's: the shape decides.
    expect(() => forge.on("GET", "/repos/{o}/{r}/collaborators/{u}/permission", () => ({ status: 200 }))).not.toThrow();
  });

  it("consumes injected faults in order before the handler", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 60);
    forge.fail("GET", "/repos/{owner}/{repo}", [
      { status: 500 },
      { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset } },
      { status: 429, headers: { "retry-after": "1" } },
    ]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await api("GET", "/repos/acme/app"));
    expect(answers.map((a) => a.status)).toEqual([500, 403, 429, 200]);
    expect(answers[1]?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(answers[1]?.headers.get("x-ratelimit-reset")).toBe(reset);
    expect(answers[2]?.headers.get("retry-after")).toBe("1");
    expect(forge.violations).toEqual([]);
  });

  it("requires the token on the API (token or Bearer), answering 401 otherwise", async () => {
    expect((await client(forge.url, "wrong")("GET", "/repos/acme/app")).status).toBe(401);
    const missing = await fetch(`${forge.url}/repos/acme/app`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { message: string }).message).toBe("Bad credentials");
    const bearer = await fetch(`${forge.url}/repos/acme/app`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    expect(forge.requests.slice(-3).map((r) => r.authorized)).toEqual([false, false, true]);
  });

  it("serves multi-segment paths: contents of a nested file, compare of a branch with a slash", async () => {
    const file = await api("GET", "/repos/acme/app/contents/src/app.ts?ref=main");
    expect(file.status).toBe(200);
    expect(Buffer.from(String(file.body.content), "base64").toString()).toBe("export const a = 1;\n");
    const raw = await api("GET", "/repos/acme/app/contents/src/app.ts", undefined, { accept: "application/vnd.github.raw+json" });
    expect(raw.body).toBe("export const a = 1;\n");
    const compare = await api("GET", "/repos/acme/app/compare/main...feature/x");
    expect(compare.status).toBe(200);
    expect(compare.body.ahead_by).toBe(1);
    expect(forge.violations).toEqual([]);
  });

  it("clones and pushes over HTTP with the token, and refuses git without it", async () => {
    const clone = path.join(scratch, "clone");
    await runGit(scratch, ["clone", "-q", forge.authenticatedGitUrl("acme", "app"), clone]);
    expect(await runGit(clone, ["log", "-1", "--format=%s", "origin/feature/x"])).toBe("feature");
    await runGit(clone, ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "pushed over http"]);
    await runGit(clone, ["push", "-q", "origin", "HEAD:refs/heads/pushed"]);
    expect(await runGit(repo.remote as string, ["log", "-1", "--format=%s", "pushed"])).toBe("pushed over http");
    expect(forge.gitRequests.some((r) => r.service === "git-receive-pack" && r.status === 200)).toBe(true);

    await expect(runGit(scratch, ["clone", "-q", forge.gitUrl("acme", "app"), path.join(scratch, "anonymous")])).rejects.toThrow(/could not read Username|Authentication failed/);
    const wrong = forge.authenticatedGitUrl("acme", "app").replace(encodeURIComponent(TOKEN), "wrong-token");
    await expect(runGit(scratch, ["clone", "-q", wrong, path.join(scratch, "wrong")])).rejects.toThrow(/Authentication failed/);
    // GitHub App tokens only work with the user x-access-token.
    const otherUser = forge.authenticatedGitUrl("acme", "app").replace("x-access-token", "someone");
    await expect(runGit(scratch, ["clone", "-q", otherUser, path.join(scratch, "other")])).rejects.toThrow(/Authentication failed/);
    expect(forge.gitRequests.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(3);
  });

  it("rejects pushes to a protected ref with the reason, as a protected branch would", async () => {
    forge.serveGit("acme", "locked", { bareRepoPath: repo.remote as string, rejectPushesTo: ["refs/heads/main"] });
    const clone = path.join(scratch, "locked");
    await runGit(scratch, ["clone", "-q", forge.authenticatedGitUrl("acme", "locked"), clone]);
    await runGit(clone, ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "to main"]);
    await expect(runGit(clone, ["push", "origin", "HEAD:refs/heads/main"])).rejects.toThrow(/Protected branch update failed for refs\/heads\/main/);
    await runGit(clone, ["push", "-q", "origin", "HEAD:refs/heads/allowed"]);
    expect(await runGit(repo.remote as string, ["log", "-1", "--format=%s", "allowed"])).toBe("to main");
  });
});

describe("Gitea test server", () => {
  let forge: GiteaServer;
  let repo: TestRepo;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    repo = await makeRepo({ "README.md": "hello\n" }, { withRemote: true });
    forge = await startGiteaServer({ token: TOKEN });
    forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string });
    api = client(forge.url);
  });

  afterAll(async () => {
    await forge?.close();
    await repo?.cleanup();
  });

  beforeEach(() => {
    forge.violations.length = 0;
  });

  it("serves the API under the Swagger basePath /api/v1 and nowhere else", async () => {
    expect(forge.apiUrl).toBe(`${forge.url}/api/v1`);
    const res = await api("GET", "/api/v1/repos/acme/app");
    expect(res.status).toBe(200);
    expect(res.body.default_branch).toBe("main");
    expect(forge.requests.at(-1)).toMatchObject({ path: "/repos/acme/app", operationId: "repoGet" });
    expect(forge.violations).toEqual([]);
    await api("GET", "/repos/acme/app");
    expect(forge.violations).toEqual([expect.objectContaining({ kind: "unknown-route", message: expect.stringContaining("under /api/v1") })]);
  });

  it("validates bodies against Swagger 2.0 definitions", async () => {
    const res = await api("POST", "/api/v1/repos/acme/app/labels", { name: "bot", color: 5 });
    expect(res.status).toBe(599);
    expect(forge.violations[0]?.message).toContain("body/color must be string");
    await api("POST", "/api/v1/repos/acme/app/issues/1/comments", {});
    expect(forge.violations[1]?.message).toContain("body must have required property 'body'");
  });

  it("treats workflow dispatch as missing (1.22) unless enabled, then validates it with the local schema", async () => {
    await api("POST", "/api/v1/repos/acme/app/actions/workflows/ci.yml/dispatches", { ref: "main" });
    expect(forge.violations[0]?.message).toContain("{ workflowDispatch: true }");

    const newer = await startGiteaServer({ token: TOKEN, workflowDispatch: true });
    try {
      const model = newer.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string });
      const newerApi = client(newer.url);
      expect((await newerApi("POST", "/api/v1/repos/acme/app/actions/workflows/ci.yml/dispatches", { ref: "main", inputs: { gap: "g1" } })).status).toBe(204);
      expect(model.dispatches).toEqual([{ workflow: "ci.yml", ref: "main", inputs: { gap: "g1" } }]);
      expect(newer.violations).toEqual([]);
      await newerApi("POST", "/api/v1/repos/acme/app/actions/workflows/ci.yml/dispatches", { inputs: { gap: 1 } });
      expect(newer.violations[0]?.message).toMatch(/must have required property 'ref'.*body\/inputs\/gap must be string/);
    } finally {
      await newer.close();
    }
  });

  it("accepts any git user with the token as password", async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), "prd-bot-gitea-test-"));
    try {
      const url = forge.authenticatedGitUrl("acme", "app").replace("prd-bot", "anybody");
      await runGit(scratch, ["clone", "-q", url, path.join(scratch, "ok")]);
      expect(await runGit(path.join(scratch, "ok"), ["log", "-1", "--format=%s"])).toBe("initial commit");
      await expect(runGit(scratch, ["clone", "-q", url.replace(encodeURIComponent(TOKEN), "nope"), path.join(scratch, "no")])).rejects.toThrow(/Authentication failed/);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
