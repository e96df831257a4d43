// The `withRepo()` repository models of the test forges, driven the way forge adapters will drive them
// (octokit's REST methods for GitHub, plain JSON for Gitea). Every answer is validated against the published
// description, so `violations` staying [] proves the model's answers have the real shapes.
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { Octokit } from "@octokit/core";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GiteaServer, GitHubServer, RepoModel } from "../support/forge/index.js";
import { startGiteaServer, startGitHubServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo } from "../support/git-repo.js";

const TOKEN = "model-test-token";

async function repoWithBranches(): Promise<TestRepo> {
  const repo = await makeRepo({ "README.md": "hello\n", "src/app.ts": "export const a = 1;\n" }, { withRemote: true });
  for (const [branch, line] of [["feature/x", "export const b = 2;"], ["feature/y", "export const c = 3;"]] as const) {
    await repo.git("checkout", "-q", "-b", branch, "main");
    await repo.git("commit", "-q", "--allow-empty", "-m", `start ${branch}`);
    await appendFile(path.join(repo.root, "src/app.ts"), `${line}\n`);
    await repo.git("commit", "-q", "-am", `add ${line}`);
    await repo.git("push", "-q", "origin", branch);
  }
  return repo;
}

describe("GitHub repository model", () => {
  const RestOctokit = Octokit.plugin(restEndpointMethods);
  let forge: GitHubServer;
  let repo: TestRepo;
  let model: RepoModel;
  let octokit: InstanceType<typeof RestOctokit>;
  const at = { owner: "acme", repo: "app" };

  beforeAll(async () => {
    repo = await repoWithBranches();
    forge = await startGitHubServer({ token: TOKEN });
    model = forge.withRepo({ ...at, bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
    octokit = new RestOctokit({ auth: TOKEN, baseUrl: forge.url });
  });

  afterAll(async () => {
    await forge?.close();
    await repo?.cleanup();
  });

  it("opens draft pull requests, refuses duplicates, and finds them by owner:branch", async () => {
    expect((await octokit.rest.repos.get(at)).data.default_branch).toBe("main");
    const created = await octokit.rest.pulls.create({ ...at, head: "feature/x", base: "main", title: "Add b", body: "gap g1", draft: true });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ number: 1, draft: true, title: "Add b", head: { ref: "feature/x", sha: await repo.git("rev-parse", "feature/x") } });
    expect(model.pulls[0]).toMatchObject({ number: 1, draft: true, author: "prd-bot[bot]" });
    await expect(octokit.rest.pulls.create({ ...at, head: "feature/x", base: "main", title: "again" })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("A pull request already exists for acme:feature/x") });
    await expect(octokit.rest.pulls.create({ ...at, head: "no-such-branch", base: "main", title: "x" })).rejects.toMatchObject({ status: 422 });
    await octokit.rest.pulls.create({ ...at, head: "feature/y", base: "main", title: "Add c", draft: true });

    const byHead = await octokit.rest.pulls.list({ ...at, head: "acme:feature/y", state: "open" });
    expect(byHead.data.map((p) => p.number)).toEqual([2]);
    // Like GitHub, a head filter without "owner:" is ignored: every open pull request comes back.
    const trap = await octokit.rest.pulls.list({ ...at, head: "feature/y" });
    expect(trap.data.map((p) => p.number)).toEqual([2, 1]);
    const updated = await octokit.rest.pulls.update({ ...at, pull_number: 1, title: "Add b (v2)" });
    expect(updated.data.title).toBe("Add b (v2)");
    expect(forge.violations).toEqual([]);
  });

  it("paginates with a Link header a paginator can follow", async () => {
    const first = await octokit.rest.pulls.list({ ...at, state: "all", per_page: 1 });
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link ?? "")?.[1] as string;
    expect(next).toBe(`${forge.url}/repos/acme/app/pulls?state=all&per_page=1&page=2`);
    const second = await octokit.request(`GET ${next}`);
    expect([...first.data, ...(second.data as { number: number }[])].map((p) => p.number)).toEqual([2, 1]);
    expect(second.headers.link).toContain('rel="first"');
    expect(forge.violations).toEqual([]);
  });

  it("records comments, edits, reactions, labels, statuses and check runs", async () => {
    const comment = await octokit.rest.issues.createComment({ ...at, issue_number: 1, body: "working on it" });
    await octokit.rest.issues.updateComment({ ...at, comment_id: comment.data.id, body: "done" });
    expect((await octokit.rest.reactions.createForIssueComment({ ...at, comment_id: comment.data.id, content: "eyes" })).status).toBe(201);
    expect((await octokit.rest.reactions.createForIssueComment({ ...at, comment_id: comment.data.id, content: "eyes" })).status).toBe(200);
    expect((await octokit.rest.issues.listComments({ ...at, issue_number: 1 })).data.map((c) => c.body)).toEqual(["done"]);
    await expect(octokit.rest.issues.createComment({ ...at, issue_number: 99, body: "x" })).rejects.toMatchObject({ status: 404 });
    const labels = await octokit.rest.issues.addLabels({ ...at, issue_number: 1, labels: ["prd-bot"] });
    expect(labels.data.map((l) => l.name)).toEqual(["prd-bot"]);

    const sha = await repo.git("rev-parse", "feature/x");
    await octokit.rest.repos.createCommitStatus({ ...at, sha, state: "failure", context: "prd-bot/auditor", description: "1 blocking issue" });
    await expect(octokit.rest.repos.createCommitStatus({ ...at, sha: "f".repeat(40), state: "success" })).rejects.toMatchObject({ status: 422 });
    const run = await octokit.rest.checks.create({ ...at, name: "prd-bot/auditor", head_sha: sha, status: "in_progress" });
    await octokit.rest.checks.update({ ...at, check_run_id: Number(run.data.id), conclusion: "success", output: { title: "ok", summary: "no issues" } });

    expect(model.comments).toMatchObject([{ issueNumber: 1, body: "done" }]);
    expect(model.reactions.map((r) => r.content)).toEqual(["eyes"]);
    expect(model.pulls[0]?.labels).toEqual(["prd-bot"]);
    expect(model.statuses).toMatchObject([{ sha, state: "failure", context: "prd-bot/auditor" }]);
    expect(model.checkRuns).toMatchObject([{ status: "completed", conclusion: "success", summary: "no issues" }]);
    expect(forge.violations).toEqual([]);
  });

  it("answers permissions, contents, files, compare, reviews and workflow dispatch from the bare repo", async () => {
    const permission = async (username: string) => (await octokit.rest.repos.getCollaboratorPermissionLevel({ ...at, username })).data.permission;
    expect([await permission("alice"), await permission("mallory")]).toEqual(["write", "none"]);

    const content = await octokit.rest.repos.getContent({ ...at, path: "src/app.ts", ref: "feature/x" });
    expect(Buffer.from((content.data as { content: string }).content, "base64").toString()).toBe("export const a = 1;\nexport const b = 2;\n");
    await expect(octokit.rest.repos.getContent({ ...at, path: "missing.md" })).rejects.toMatchObject({ status: 404 });

    const files = await octokit.rest.pulls.listFiles({ ...at, pull_number: 1 });
    expect(files.data).toMatchObject([{ filename: "src/app.ts", status: "modified", additions: 1, deletions: 0, patch: expect.stringContaining("+export const b = 2;") }]);
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({ ...at, basehead: "main...feature/x" });
    expect(compare.data).toMatchObject({ status: "ahead", ahead_by: 2, files: [{ filename: "src/app.ts" }] });

    const review = { ...at, pull_number: 1, event: "COMMENT" as const, body: "report" };
    await octokit.rest.pulls.createReview({ ...review, comments: [{ path: "src/app.ts", line: 2, body: "name it better" }] });
    await expect(octokit.rest.pulls.createReview({ ...review, comments: [{ path: "src/app.ts", line: 40, body: "outside" }] })).rejects.toMatchObject({ status: 422 });
    expect(model.reviews).toMatchObject([{ pullNumber: 1, comments: [{ path: "src/app.ts", line: 2 }] }]);

    const dispatched = await octokit.rest.actions.createWorkflowDispatch({ ...at, workflow_id: "prd-bot.yml", ref: "main", inputs: { gap: "g1" } });
    expect(dispatched.status).toBe(204);
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { gap: "g1" } }]);
    expect(forge.violations).toEqual([]);
    expect(forge.unexpected).toEqual([]);
  });
});

describe("Gitea repository model", () => {
  let forge: GiteaServer;
  let repo: TestRepo;
  let model: RepoModel;
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${forge.apiUrl}/repos/acme/app${route}`, {
      method,
      headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (/^[[{]/.test(text) ? JSON.parse(text) : text) as Record<string, unknown> & unknown[] };
  };

  beforeAll(async () => {
    repo = await repoWithBranches();
    forge = await startGiteaServer({ token: TOKEN });
    model = forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string, labels: ["bot-eligible", "prd-bot"], permissions: { alice: "write" } });
  });

  afterAll(async () => {
    await forge?.close();
    await repo?.cleanup();
  });

  it("opens WIP pull requests with label ids and finds them by base/head", async () => {
    const labels = await call("GET", "/labels");
    expect(labels.body.map((l) => (l as { id: number; name: string }).name)).toEqual(["bot-eligible", "prd-bot"]);
    const created = await call("POST", "/pulls", { head: "feature/x", base: "main", title: "WIP: Add b", body: "gap g1", labels: [2] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, draft: true, labels: [{ id: 2, name: "prd-bot" }] });
    expect(model.pulls[0]).toMatchObject({ draft: true, labels: ["prd-bot"] });
    expect((await call("POST", "/pulls", { head: "feature/x", base: "main", title: "WIP: again" })).status).toBe(409);
    expect((await call("GET", "/pulls/main/feature/x")).body.number).toBe(1);
    expect((await call("GET", "/pulls?state=open&labels=2")).body.map((p) => (p as { number: number }).number)).toEqual([1]);
    const edited = await call("PATCH", "/pulls/1", { title: "Add b" });
    expect(edited).toMatchObject({ status: 201, body: { title: "Add b", draft: false } });
    expect(forge.violations).toEqual([]);
  });

  it("records comments, reactions, labels by id and statuses", async () => {
    const comment = await call("POST", "/issues/1/comments", { body: "working on it" });
    expect((await call("PATCH", `/issues/comments/${comment.body.id}`, { body: "done" })).body.body).toBe("done");
    expect((await call("POST", `/issues/comments/${comment.body.id}/reactions`, { content: "eyes" })).status).toBe(201);
    expect((await call("POST", `/issues/comments/${comment.body.id}/reactions`, { content: "thumbsup" })).status).toBe(403);
    expect((await call("POST", "/issues/1/labels", { labels: ["bot-eligible"] })).status).toBe(422);
    expect((await call("POST", "/issues/1/labels", { labels: [1] })).body.map((l) => (l as { name: string }).name)).toEqual(["prd-bot", "bot-eligible"]);
    const sha = await repo.git("rev-parse", "feature/x");
    const status = await call("POST", `/statuses/${sha}`, { state: "success", context: "prd-bot/auditor", description: "no issues" });
    expect(status.body).toMatchObject({ status: "success", context: "prd-bot/auditor" });
    expect((await call("GET", "/collaborators/alice/permission")).body.permission).toBe("write");
    expect(model.statuses).toMatchObject([{ sha, state: "success" }]);
    expect(model.reactions.map((r) => r.content)).toEqual(["eyes"]);
    expect(forge.violations).toEqual([]);
  });

  it("answers contents, raw files, compare, files, diffs and reviews from the bare repo", async () => {
    const content = await call("GET", "/contents/src/app.ts?ref=feature/x");
    expect(Buffer.from(String(content.body.content), "base64").toString()).toContain("export const b = 2;");
    expect((await call("GET", "/raw/src/app.ts?ref=main")).body).toBe("export const a = 1;\n");
    expect((await call("GET", "/contents/nope.md")).status).toBe(404);
    const compare = await call("GET", "/compare/main...feature/x");
    expect(compare.body).toMatchObject({ total_commits: 2, commits: [{ files: [] }, { files: [{ filename: "src/app.ts", status: "modified" }] }] });
    expect((await call("GET", "/pulls/1/files")).body).toMatchObject([{ filename: "src/app.ts", status: "modified", additions: 1 }]);
    expect(String((await call("GET", "/pulls/1.diff")).body)).toContain("+export const b = 2;");
    const review = await call("POST", "/pulls/1/reviews", { body: "report", event: "COMMENT", comments: [{ path: "src/app.ts", body: "hm", new_position: 2 }] });
    expect(review.body).toMatchObject({ state: "COMMENT", comments_count: 1 });
    expect(forge.violations).toEqual([]);
    expect(forge.unexpected).toEqual([]);
  });
});
