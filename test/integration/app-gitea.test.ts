// The webhook app's Gitea receiver on 127.0.0.1, fed Gitea's own payloads (test/fixtures/gitea-webhooks,
// pointed at a test repository), with the Gitea adapter talking to the local Gitea, which validates every
// request against Gitea's published API description (and the 1.24 dispatch operation).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGiteaForge } from "../../src/adapters/forge/gitea/create-gitea-forge.js";
import type { AppServer } from "../../src/app/server.js";
import { startAppServer } from "../../src/app/server.js";
import type { CollectingLogger } from "../support/app-harness.js";
import { collectingLogger, deliver } from "../support/app-harness.js";
import type { GiteaServer, RepoModel } from "../support/forge/index.js";
import { startGiteaServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo } from "../support/git-repo.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SECRET = "gitea-webhook-secret";
const sample = (file: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/gitea-webhooks/${file}`, import.meta.url), "utf8")) as Json;

describe("the webhook app with Gitea", () => {
  let repo: TestRepo;
  let forge: GiteaServer;
  let model: RepoModel;
  let app: AppServer;
  let log: CollectingLogger;
  let url: string;
  let mainSha: string;
  let featureSha: string;
  let nextCommentId = 900;

  const serveVersion = (version: string) => forge.on("GET", "/version", () => ({ status: 200, body: { version } }));

  beforeAll(async () => {
    repo = await makeRepo({ "README.md": "hello\n", "docs/PRD.md": "# PRD\n- [ ] a gap [bot-eligible]\n" }, { withRemote: true });
    mainSha = await repo.git("rev-parse", "HEAD");
    await repo.git("checkout", "-q", "-b", "feature");
    await repo.git("commit", "-q", "--allow-empty", "-m", "feature work");
    await repo.git("push", "-q", "origin", "feature");
    featureSha = await repo.git("rev-parse", "HEAD");
    forge = await startGiteaServer({ workflowDispatch: true });
    model = forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string, permissions: { alice: "write", mallory: "read" } });
    log = collectingLogger();
    app = await startAppServer({
      log,
      host: "127.0.0.1",
      port: 0,
      gitea: {
        secret: SECRET,
        giteaForge: (ref) => createGiteaForge({ owner: ref.owner, repo: ref.repo, token: forge.token, baseUrl: forge.url, timing: { retryBaseMs: 1, rateLimitMsPerSecond: 1 }, log: { warn: (line) => log.warn(line) } }),
      },
    });
    url = `${app.url}/gitea/webhook`;
  });

  afterAll(async () => {
    await app?.close(1000);
    await forge?.close();
    await repo?.cleanup();
  });

  beforeEach(() => {
    log.lines.length = 0;
    for (const list of [model.comments, model.reactions, model.dispatches, model.statuses, model.pulls, forge.requests]) list.length = 0;
    const now = new Date().toISOString();
    model.pulls.push({ number: 1, title: "Feature", body: "", head: "feature", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
    serveVersion("1.24.2");
  });

  function onRepo(payload: Json): Json {
    Object.assign(payload.repository, { name: "app", full_name: "acme/app", default_branch: "main" });
    Object.assign(payload.repository.owner, { login: "acme", username: "acme" });
    return payload;
  }

  function prComment(author: string, body: string): Json {
    const payload = onRepo(sample("pull_request_comment_created.json"));
    const id = ++nextCommentId;
    payload.issue.number = 1;
    Object.assign(payload.comment, { id, body });
    Object.assign(payload.comment.user, { login: author, username: author });
    Object.assign(payload.sender, { login: author, username: author });
    const now = new Date().toISOString();
    model.comments.push({ id, issueNumber: 1, body, author, createdAt: now, updatedAt: now });
    return payload;
  }

  const send = (event: string, payload: unknown, extra: { secret?: string; headers?: Record<string, string | undefined> } = {}) =>
    deliver(url, { kind: "gitea", event, payload, secret: extra.secret ?? SECRET, headers: extra.headers });

  function expectForgeClean() {
    expect(forge.violations).toEqual([]);
    expect(forge.unexpected).toEqual([]);
  }

  it("checks Gitea's plain-hex X-Gitea-Signature when it is the only signature (older Gitea)", async () => {
    const answer = await send("issue_comment", prComment("alice", "/scrum"), { headers: { "x-hub-signature-256": undefined, "x-github-event": undefined, "x-github-delivery": undefined } });
    expect(answer).toMatchObject({ status: 202, body: { result: "queued" } });
    await app.idle();
    expect(model.reactions).toEqual([expect.objectContaining({ content: "eyes" })]);
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1" } }]);
    expectForgeClean();
  });

  it("refuses a bad signature (401) and a delivery without one (400), with no forge call", async () => {
    const forged = await send("issue_comment", prComment("alice", "/scrum"), { secret: "guess" });
    expect(forged.status).toBe(401);
    expect(forged.body.reason).toContain("check that GITEA_WEBHOOK_SECRET is the secret set on the webhook");
    const unsigned = await send("issue_comment", prComment("alice", "/scrum"), { headers: { "x-hub-signature-256": undefined, "x-gitea-signature": undefined } });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.reason).toBe("missing header X-Hub-Signature-256 or X-Gitea-Signature: set a webhook secret in the Gitea webhook's settings so that deliveries are signed");
    await app.idle();
    expect(forge.requests).toEqual([]);
    expectForgeClean();
  });

  it("answers a non-writer politely and starts nothing", async () => {
    await send("issue_comment", prComment("mallory", "/scrum"));
    await app.idle();
    expect(model.dispatches).toEqual([]);
    expect(model.reactions).toEqual([]);
    expect(model.comments.filter((c) => c.author === model.botLogin).map((c) => c.body)).toEqual([expect.stringMatching(/^Thanks, @mallory!/)]);
    expectForgeClean();
  });

  it("label_updated with prd-bot:review among the PR's labels, by a writer, dispatches a review; by a reader nothing", async () => {
    const labelled = (sender: string, labels: string[]) => {
      // Gitea sends a label change as X-Gitea-Event pull_request, action label_updated, no `label` field.
      const payload = onRepo(sample("pull_request_edited.json"));
      payload.action = "label_updated";
      delete payload.changes;
      Object.assign(payload.pull_request, { number: 1, state: "open", labels: labels.map((name, i) => ({ id: i + 1, name, color: "ededed", description: "", url: "" })) });
      payload.pull_request.head.sha = featureSha;
      Object.assign(payload.sender, { login: sender, username: sender });
      return payload;
    };
    expect((await send("pull_request", labelled("alice", ["bug", "prd-bot:review"]))).status).toBe(202);
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1" } }]);
    model.dispatches.length = 0;
    await send("pull_request", labelled("mallory", ["prd-bot:review"]));
    await send("pull_request", labelled("alice", ["bug"]));
    await app.idle();
    expect(model.dispatches).toEqual([]);
    expect(model.comments).toEqual([]);
    // Neither is an audit: no pending status.
    expect(model.statuses).toEqual([]);
    expectForgeClean();
  });

  it("/scrum help answers with the commands (default review label); /scrum files sends the globs", async () => {
    await send("issue_comment", prComment("alice", "/scrum help"));
    await send("issue_comment", prComment("alice", "/scrum files lib/*.go"));
    await app.idle();
    const replies = model.comments.filter((c) => c.author === model.botLogin).map((c) => c.body);
    expect(replies).toEqual([expect.stringContaining("Adding the label `prd-bot:review`")]);
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1", files: "lib/*.go" } }]);
    expectForgeClean();
  });

  it("on a Gitea older than 1.24 (no dispatch API), comments how to get the work done instead", async () => {
    serveVersion("1.22.6");
    await send("issue_comment", prComment("alice", "/scrum apply"));
    await app.idle();
    expect(model.dispatches).toEqual([]);
    const reply = model.comments.find((c) => c.author === model.botLogin);
    expect(reply?.body).toContain("prd-bot could not start `/scrum apply` on #1: this Gitea has no API to start a workflow (workflow dispatch arrived in Gitea 1.24)");
    expect(reply?.body).toContain("PRD_BOT_MODE=in-process");
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: acme\/app .*`\/scrum apply` on #1 not started: prd-bot\.yml: dispatchWorkflow: Gitea 1\.22\.6 .*cannot start a workflow/));
    expectForgeClean();
  });

  it("a repository without the workflow (dispatch 404) gets a comment pointing at examples/gitea/prd-bot.yml", async () => {
    forge.fail("POST", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", [{ status: 404, body: { message: "workflow not found", url: forge.url } }]);
    await send("issue_comment", prComment("alice", "/scrum"));
    await app.idle();
    expect(model.comments.find((c) => c.author === model.botLogin)?.body).toContain("copy `examples/gitea/prd-bot.yml` from prd-bot to `.gitea/workflows/prd-bot.yml` on the `main` branch");
    expectForgeClean();
  });

  it("pull_request_synchronized.json: a pending prd-bot/auditor status on the head, then the auditor", async () => {
    const payload = onRepo(sample("pull_request_synchronized.json"));
    payload.number = 1;
    Object.assign(payload.pull_request, { number: 1, state: "open" });
    payload.pull_request.head.sha = featureSha;
    expect((await send("pull_request", payload)).status).toBe(202);
    await app.idle();
    expect(model.statuses.map((s) => [s.sha, s.context, s.state])).toEqual([[featureSha, "prd-bot/auditor", "pending"]]);
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "audit", pr: "1" } }]);
    expectForgeClean();
  });

  it("push.json to the default branch touching docs/PRD.md (the default prd.path, no config file) starts a cycle", async () => {
    const payload = onRepo(sample("push.json"));
    Object.assign(payload, { ref: "refs/heads/main", before: mainSha, after: mainSha });
    payload.commits[0].modified = ["docs/PRD.md"];
    await send("push", payload);
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "cycle" } }]);
    const feature = onRepo(sample("push.json"));
    Object.assign(feature, { ref: "refs/heads/feature" });
    expect((await send("push", feature)).body).toMatchObject({ result: "ignored", reason: "push to feature, not the default branch main" });
    expectForgeClean();
  });

  it("answers 404 with a hint on the GitHub path when only Gitea is configured", async () => {
    const answer = await fetch(`${app.url}/api/github/webhooks`, { method: "POST", body: "{}" });
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { reason: string }).reason).toBe("nothing at /api/github/webhooks; webhooks are received at /gitea/webhook");
    expectForgeClean();
  });
});
