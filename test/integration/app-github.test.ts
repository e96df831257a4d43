// The webhook app on 127.0.0.1 receiving signed GitHub deliveries (GitHub's own example payloads, pointed at a
// test repository), with every outbound call going to the local GitHub, which validates it against GitHub's
// published API description. The app authenticates as a GitHub App with a throwaway RSA key.
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AppServer } from "../../src/app/server.js";
import { startAppServer } from "../../src/app/server.js";
import type { CollectingLogger, GitHubAppAuth } from "../support/app-harness.js";
import { collectingLogger, deliver, githubAppAuth } from "../support/app-harness.js";
import type { GitHubServer, RepoModel } from "../support/forge/index.js";
import { startGitHubServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo } from "../support/git-repo.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
const example = (name: string, pick: (e: Json) => boolean): Json => structuredClone(examples.find((e) => e.name === name)?.examples.find(pick) as Json);

const SECRET = "app-webhook-secret";
const INSTALLATION = 777;
const DISPATCH = "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches";

describe("the webhook app with GitHub", () => {
  let repo: TestRepo;
  let forge: GitHubServer;
  let model: RepoModel;
  let auth: GitHubAppAuth;
  let app: AppServer;
  let log: CollectingLogger;
  let url: string;
  let mainSha: string;
  let featureSha: string;
  let nextCommentId = 5000;

  beforeAll(async () => {
    repo = await makeRepo(
      { "README.md": "hello\n", "docs/product.md": "# Product\n- [ ] a gap [bot-eligible]\n", ".github/prd-bot.yml": "prd:\n  path: docs/product.md\nreview:\n  label: needs-review\n" },
      { withRemote: true },
    );
    mainSha = await repo.git("rev-parse", "HEAD");
    await repo.git("checkout", "-q", "-b", "feature");
    await repo.git("commit", "-q", "--allow-empty", "-m", "feature work");
    await repo.git("push", "-q", "origin", "feature");
    featureSha = await repo.git("rev-parse", "HEAD");
    forge = await startGitHubServer();
    model = forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string, permissions: { alice: "write", olga: "admin", mallory: "read" } });
    auth = githubAppAuth(forge, 4242, INSTALLATION);
    log = collectingLogger();
    app = await startAppServer({
      log,
      host: "127.0.0.1",
      port: 0,
      github: {
        appId: auth.appId,
        privateKey: auth.privateKey,
        secret: SECRET,
        baseUrl: forge.url,
        fetch: auth.fetch,
        logLevel: "fatal",
        // Real policy, short waits: 3 retries 1, 4, 9 ms apart; rate limits longer than 60 s are not sat out.
        octokit: { retryBaseMs: 1, rateLimitMsPerSecond: 1, writeIntervalMs: 0, warn: (line) => log.warn(line) },
      },
    });
    url = `${app.url}/api/github/webhooks`;
  });

  afterAll(async () => {
    await app?.close(1000);
    await forge?.close();
    await repo?.cleanup();
  });

  beforeEach(() => {
    log.lines.length = 0;
    for (const list of [model.comments, model.reactions, model.dispatches, model.statuses, model.checkRuns, model.pulls, forge.requests]) list.length = 0;
    const now = new Date().toISOString();
    model.pulls.push({ number: 1, title: "Feature", body: "", head: "feature", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
  });

  /** GitHub's example, moved to acme/app and the app's installation. */
  function onRepo(payload: Json): Json {
    Object.assign(payload.repository, { name: "app", full_name: "acme/app", default_branch: "main" });
    payload.repository.owner.login = "acme";
    payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc3" };
    return payload;
  }

  /** An issue_comment.created on PR #1 by `author`, the comment also seeded in the model (reactions need it). */
  function prComment(author: string, body: string): Json {
    const payload = onRepo(example("issue_comment", (e) => e.action === "created" && e.installation !== undefined));
    const id = ++nextCommentId;
    payload.issue.number = 1;
    payload.issue.pull_request = { url: `${forge.url}/repos/acme/app/pulls/1`, html_url: `${forge.url}/acme/app/pull/1`, diff_url: "", patch_url: "", merged_at: null };
    Object.assign(payload.comment, { id, body });
    Object.assign(payload.comment.user, { login: author, type: "User" });
    Object.assign(payload.sender, { login: author, type: "User" });
    model.comments.push({ id, issueNumber: 1, body, author, createdAt: payload.comment.created_at, updatedAt: payload.comment.updated_at });
    return payload;
  }

  const send = (event: string, payload: unknown, extra: { id?: string; secret?: string; headers?: Record<string, string | undefined> } = {}) =>
    deliver(url, { kind: "github", event, payload, secret: extra.secret ?? SECRET, id: extra.id, headers: extra.headers });

  function expectForgeClean() {
    expect(forge.violations).toEqual([]);
    expect(forge.unexpected).toEqual([]);
  }

  it("answers a bad signature with 401 and makes no forge call", async () => {
    const answer = await send("issue_comment", prComment("alice", "/scrum"), { secret: "not-the-secret" });
    expect(answer.status).toBe(401);
    expect(answer.body.reason).toContain("the signature does not match the body: check that WEBHOOK_SECRET is the secret set on the webhook");
    await app.idle();
    expect(forge.requests).toEqual([]);
    expect(log.lines.some((line) => line.includes("refused, the signature does not match"))).toBe(true);
    expectForgeClean();
  });

  it("answers missing headers with 400 naming them, a non-JSON content type with 415", async () => {
    const unsigned = await send("push", {}, { headers: { "x-hub-signature-256": undefined } });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.reason).toBe("missing header X-Hub-Signature-256: set a webhook secret in the GitHub App's settings so that deliveries are signed");
    const anonymous = await send("push", {}, { headers: { "x-github-event": undefined, "x-github-delivery": undefined } });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.reason).toContain("X-GitHub-Event, X-GitHub-Delivery");
    const form = await send("push", "payload=%7B%7D", { headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(form.body.reason).toContain("set the webhook's content type to application/json");
    expect(forge.requests).toEqual([]);
    expectForgeClean();
  });

  it("acknowledges events it does not act on with 200, and pings with pong", async () => {
    const star = await send("star", { action: "created" });
    expect(star).toMatchObject({ status: 200, body: { ok: true, result: "ignored", reason: "prd-bot does not act on star events" } });
    const closed = await send("pull_request", onRepo(example("pull_request", (e) => e.action === "closed" && e.installation !== undefined)));
    expect(closed).toMatchObject({ status: 200, body: { result: "ignored", reason: expect.stringContaining("pull request closed") } });
    const ping = await send("ping", example("ping", () => true));
    expect(ping).toMatchObject({ status: 200, body: { result: "pong" } });
    await app.idle();
    expect(forge.requests).toEqual([]);
    expectForgeClean();
  });

  it("/scrum from a writer: 👀 on the comment, then the workflow dispatched with command review and the PR", async () => {
    const payload = prComment("alice", "Could you check this?\n/scrum");
    const answer = await send("issue_comment", payload);
    expect(answer).toMatchObject({ status: 202, body: { ok: true, result: "queued" } });
    await app.idle();
    expect(model.reactions).toEqual([expect.objectContaining({ commentId: payload.comment.id, content: "eyes" })]);
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1" } }]);
    expect(model.comments.filter((c) => c.author !== "alice")).toEqual([]);
    // The permission was asked of GitHub, not read from the payload; the reaction goes up before the dispatch.
    const calls = forge.requests.map((r) => r.operationId).filter((op) => op !== "apps/create-installation-access-token");
    expect(calls).toEqual(["repos/get-collaborator-permission-level", "reactions/create-for-issue-comment", "actions/create-workflow-dispatch"]);
    expect(log.lines).toContainEqual(expect.stringMatching(/acme\/app issue_comment \[delivery .*\]: `\/scrum` on #1: dispatched prd-bot\.yml on main/));
    expectForgeClean();
  });

  it("/scrum apply from an admin dispatches command apply", async () => {
    await send("issue_comment", prComment("olga", "/scrum apply"));
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "apply", pr: "1" } }]);
    expectForgeClean();
  });

  it("/scrum from someone without write access: a polite reply and nothing else", async () => {
    const answer = await send("issue_comment", prComment("mallory", "/scrum apply"));
    expect(answer.status).toBe(202);
    await app.idle();
    expect(model.dispatches).toEqual([]);
    expect(model.reactions).toEqual([]);
    const replies = model.comments.filter((c) => c.author === model.botLogin);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toMatch(/^Thanks, @mallory! prd-bot takes `\/scrum apply` only from people with write access/);
    expectForgeClean();
  });

  it("/scrum files dispatches the globs as the files input; /scrum help and an unknown word answer with the commands, starting nothing", async () => {
    await send("issue_comment", prComment("alice", "/scrum files src/**/*.ts `docs/my notes.md`"));
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1", files: 'src/**/*.ts "docs/my notes.md"' } }]);
    model.dispatches.length = 0;
    await send("issue_comment", prComment("alice", "/scrum help"));
    await send("issue_comment", prComment("olga", "/scrum deploy"));
    await app.idle();
    expect(model.dispatches).toEqual([]);
    const replies = model.comments.filter((c) => c.author === model.botLogin).map((c) => c.body);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/^prd-bot commands .*\n[\s\S]*`\/scrum files <glob>…`[\s\S]*Adding the label `needs-review`/);
    expect(replies[1]).toMatch(/^prd-bot: `\/scrum deploy` is not a command\.\n\nprd-bot commands/);
    expect(model.reactions.map((r) => r.content)).toEqual(["eyes", "eyes", "eyes"]);
    expectForgeClean();
  });

  it("the review label (review.label from the config) added by a writer dispatches a review; by a reader or another label, nothing", async () => {
    const labeled = (sender: string, label: string) => {
      const payload = onRepo(example("pull_request", (e) => e.action === "labeled" && e.installation !== undefined));
      Object.assign(payload, { number: 1 });
      Object.assign(payload.pull_request, { number: 1, state: "open" });
      payload.pull_request.head.sha = featureSha;
      payload.label.name = label;
      Object.assign(payload.sender, { login: sender, type: "User" });
      return payload;
    };
    expect((await send("pull_request", labeled("alice", "needs-review"))).status).toBe(202);
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1" } }]);
    // The permission was asked of GitHub, after the config said which label counts; no status, no comment.
    const calls = forge.requests.map((r) => r.operationId).filter((op) => op !== "apps/create-installation-access-token");
    expect(calls).toEqual(["repos/get-content", "repos/get-collaborator-permission-level", "actions/create-workflow-dispatch"]);
    model.dispatches.length = 0;
    await send("pull_request", labeled("mallory", "needs-review"));
    await send("pull_request", labeled("alice", "prd-bot:review"));
    await app.idle();
    expect(model.dispatches).toEqual([]);
    expect(model.comments).toEqual([]);
    expect(model.statuses).toEqual([]);
    expect(log.lines).toContainEqual(expect.stringContaining('mallory added "needs-review" to #1 but has read permission'));
    expect(log.lines).toContainEqual(expect.stringContaining('not the review label "needs-review"'));
    expectForgeClean();
  });

  it("ignores a replayed delivery id: the second delivery does nothing", async () => {
    const payload = prComment("alice", "/scrum");
    const first = await send("issue_comment", payload, { id: "replayed-delivery" });
    const second = await send("issue_comment", payload, { id: "replayed-delivery" });
    expect(first.body.result).toBe("queued");
    expect(second).toMatchObject({ status: 200, body: { result: "duplicate", reason: "delivery replayed-delivery was already received; ignored" } });
    await app.idle();
    expect(model.dispatches).toHaveLength(1);
    expect(model.reactions).toHaveLength(1);
    expectForgeClean();
  });

  it("retries a forge that answers 500 and then works", async () => {
    forge.fail("POST", DISPATCH, [{ status: 500 }, { status: 502 }]);
    await send("issue_comment", prComment("alice", "/scrum"));
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "1" } }]);
    expect(forge.requests.filter((r) => r.operationId === "actions/create-workflow-dispatch").map((r) => r.status)).toEqual([500, 502, 204]);
    expect(log.lines.filter((line) => line.startsWith("warn:"))).toEqual([]);
    expectForgeClean();
  });

  it("logs a clear failure when the forge keeps failing, keeps serving, and takes a redelivery of it later", async () => {
    forge.fail("POST", DISPATCH, Array.from({ length: 4 }, () => ({ status: 503 })));
    const payload = prComment("alice", "/scrum");
    await send("issue_comment", payload, { id: "fails-then-redelivered" });
    await app.idle();
    expect(model.dispatches).toEqual([]);
    expect(forge.requests.filter((r) => r.operationId === "actions/create-workflow-dispatch")).toHaveLength(4);
    const failure = log.lines.find((line) => line.includes("fails-then-redelivered") && line.startsWith("warn:"));
    expect(failure).toMatch(/failed, nothing more will happen for this delivery: dispatchWorkflow: GitHub answered 503 for acme\/app: .*redeliver it from the GitHub App's Advanced settings/);
    expect((await fetch(`${app.url}/ping`)).status).toBe(200);
    // The failed delivery's id was released: GitHub's "Redeliver" keeps the id, and is taken.
    const again = await send("issue_comment", payload, { id: "fails-then-redelivered" });
    expect(again.body.result).toBe("queued");
    await app.idle();
    expect(model.dispatches).toHaveLength(1);
    expectForgeClean();
  });

  it("logs a rate limit that lifts too late as a clear failure, without waiting for it or crashing", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    forge.fail("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", [
      { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }, body: { message: "API rate limit exceeded for installation ID 777.", documentation_url: "https://docs.github.com/rest" } },
    ]);
    const started = Date.now();
    await send("issue_comment", prComment("alice", "/scrum"));
    await app.idle();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(model.dispatches).toEqual([]);
    expect(model.comments.filter((c) => c.author === model.botLogin)).toEqual([]);
    expect(log.lines).toContainEqual(expect.stringMatching(/GitHub rate limit on GET .*permission: not waiting \(lifts in 36\d\d s/));
    expect(log.lines).toContainEqual(expect.stringMatching(/failed, nothing more will happen for this delivery: permission: GitHub answered 403 .*API rate limit exceeded.*rate-limited the token.*The limit resets at/));
    expectForgeClean();
  });

  it("comments how to add the workflow when the repository has none (dispatch answers 404)", async () => {
    forge.fail("POST", DISPATCH, [{ status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } }]);
    await send("issue_comment", prComment("alice", "/scrum"));
    await app.idle();
    expect(model.dispatches).toEqual([]);
    const reply = model.comments.find((c) => c.author === model.botLogin);
    expect(reply?.body).toContain("prd-bot could not start `/scrum` on #1: this repository has no workflow `prd-bot.yml` to dispatch");
    expect(reply?.body).toContain("copy `examples/github/prd-bot.yml` from prd-bot to `.github/workflows/prd-bot.yml` on the `main` branch");
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: acme\/app \[delivery .*\]: `\/scrum` on #1 not started: prd-bot\.yml: the dispatch on main answered 404 Not Found; to fix it, copy/));
    expectForgeClean();
  });

  it("a pull request opened or synchronized: prd-bot/auditor pending on its head, then the auditor dispatched", async () => {
    for (const action of ["opened", "synchronize"]) {
      const payload = onRepo(example("pull_request", (e) => e.action === action && e.installation !== undefined));
      payload.number = 1;
      payload.pull_request.number = 1;
      payload.pull_request.state = "open";
      payload.pull_request.head.sha = featureSha;
      expect((await send("pull_request", payload)).status).toBe(202);
    }
    await app.idle();
    expect(model.statuses.map((s) => ({ sha: s.sha, context: s.context, state: s.state }))).toEqual([
      { sha: featureSha, context: "prd-bot/auditor", state: "pending" },
      { sha: featureSha, context: "prd-bot/auditor", state: "pending" },
    ]);
    expect(model.checkRuns).toEqual([]);
    expect(model.dispatches).toEqual([
      { workflow: "prd-bot.yml", ref: "main", inputs: { command: "audit", pr: "1" } },
      { workflow: "prd-bot.yml", ref: "main", inputs: { command: "audit", pr: "1" } },
    ]);
    expectForgeClean();
  });

  it("sets the auditor status to error, saying how to fix it, when the workflow is missing", async () => {
    forge.fail("POST", DISPATCH, [{ status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } }]);
    const payload = onRepo(example("pull_request", (e) => e.action === "opened" && e.installation !== undefined));
    Object.assign(payload, { number: 1 });
    Object.assign(payload.pull_request, { number: 1, state: "open" });
    payload.pull_request.head.sha = featureSha;
    await send("pull_request", payload);
    await app.idle();
    expect(model.statuses.map((s) => [s.state, s.description])).toEqual([
      ["pending", "Queued: prd-bot's auditor will check this pull request"],
      ["error", "prd-bot workflow missing: add .github/workflows/prd-bot.yml (see examples/github/prd-bot.yml)"],
    ]);
    expectForgeClean();
  });

  it("a push to the default branch that changes the PRD (prd.path read from .github/prd-bot.yml) dispatches a cycle", async () => {
    const push = (paths: string[]) => {
      const payload = onRepo(example("push", (e) => e.ref === "refs/heads/master" && e.installation !== undefined));
      Object.assign(payload, { ref: "refs/heads/main", before: mainSha, after: mainSha });
      payload.commits[0].added = [];
      payload.commits[0].removed = [];
      payload.commits[0].modified = paths;
      return payload;
    };
    expect((await send("push", push(["docs/PRD.md", "README.md"]))).status).toBe(202);
    await app.idle();
    expect(model.dispatches).toEqual([]);
    expect(log.lines).toContainEqual(expect.stringContaining("push to main did not change docs/product.md: nothing to do"));
    await send("push", push(["docs/product.md"]));
    await app.idle();
    expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "cycle" } }]);
    expect(forge.requests.filter((r) => r.operationId === "repos/get-content").map((r) => r.params.path)).toEqual([".github/prd-bot.yml", ".github/prd-bot.yml"]);
    expectForgeClean();
  });

  it("fetched the installation token once, with a valid app JWT, and reused it for every delivery since", () => {
    expect(auth.jwtChecks).toBe(1);
    expectForgeClean();
  });
});
