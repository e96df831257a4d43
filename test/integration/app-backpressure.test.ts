// The webhook app under a backlog (issue 7, item 14), with the Gitea adapter against the local Gitea that
// validates every request: bad signed bodies answer 400, a repository's queue is bounded (503), repeated
// work coalesces, and a stop drops what waits, abandons what runs past the deadline, releases those
// delivery ids, and `prd-bot serve` exits on SIGTERM within its deadline.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGiteaForge } from "../../src/adapters/forge/gitea/create-gitea-forge.js";
import type { AppServer } from "../../src/app/server.js";
import { startAppServer } from "../../src/app/server.js";
import type { Forge } from "../../src/ports/forge.js";
import { collectingLogger, deliver, waitFor } from "../support/app-harness.js";
import { CLI } from "../support/cli.js";
import type { GiteaServer, RepoModel } from "../support/forge/index.js";
import { startGiteaServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo } from "../support/git-repo.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SECRET = "gitea-webhook-secret";
const sample = (file: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/gitea-webhooks/${file}`, import.meta.url), "utf8")) as Json;

let repo: TestRepo;
let forge: GiteaServer;
let model: RepoModel;
let app: AppServer | undefined;
let commentId = 5000;
const commits: string[] = [];
// While closed, every forge call of the app waits here: the first delivery's work blocks the repository.
let gate: Promise<void> = Promise.resolve();
let open: () => void = () => undefined;

function closeGate(): void {
  gate = new Promise((resolve) => (open = resolve));
}

function gated(inner: Forge): Forge {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await gate;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function onRepo(payload: Json): Json {
  Object.assign(payload.repository, { name: "app", full_name: "acme/app", default_branch: "main" });
  Object.assign(payload.repository.owner, { login: "acme", username: "acme" });
  return payload;
}

function scrum(author = "alice", body = "/scrum"): Json {
  const payload = onRepo(sample("pull_request_comment_created.json"));
  const id = ++commentId;
  payload.issue.number = 1;
  Object.assign(payload.comment, { id, body });
  Object.assign(payload.comment.user, { login: author, username: author });
  Object.assign(payload.sender, { login: author, username: author });
  const now = new Date().toISOString();
  model.comments.push({ id, issueNumber: 1, body, author, createdAt: now, updatedAt: now });
  return payload;
}

function synchronized(pr: number, sha: string): Json {
  const payload = onRepo(sample("pull_request_synchronized.json"));
  payload.number = pr;
  Object.assign(payload.pull_request, { number: pr, state: "open" });
  payload.pull_request.head.sha = sha;
  return payload;
}

async function startApp(dispatcher: Record<string, unknown> = {}): Promise<AppServer> {
  const log = collectingLogger();
  app = await startAppServer({
    log,
    host: "127.0.0.1",
    port: 0,
    gitea: {
      secret: SECRET,
      giteaForge: (ref) => gated(createGiteaForge({ owner: ref.owner, repo: ref.repo, token: forge.token, baseUrl: forge.url, timing: { retryBaseMs: 1, rateLimitMsPerSecond: 1 }, log: { warn: (line) => log.warn(line) } })),
    },
    dispatcher,
  });
  return app;
}

const send = (event: string, payload: unknown, id?: string) => deliver(`${app!.url}/gitea/webhook`, { kind: "gitea", event, payload, secret: SECRET, ...(id ? { id } : {}) });

beforeAll(async () => {
  repo = await makeRepo({ "README.md": "hello\n", "docs/PRD.md": "# PRD\n- [ ] a gap [bot-eligible]\n" }, { withRemote: true });
  await repo.git("checkout", "-q", "-b", "feature");
  for (let i = 0; i < 4; i++) {
    await repo.git("commit", "-q", "--allow-empty", "-m", `head ${i}`);
    commits.push(await repo.git("rev-parse", "HEAD"));
  }
  await repo.git("push", "-q", "origin", "feature");
  forge = await startGiteaServer({ workflowDispatch: true });
  model = forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string, permissions: { alice: "write", bob: "write" } });
  forge.on("GET", "/version", () => ({ status: 200, body: { version: "1.24.2" } }));
});

afterAll(async () => {
  await forge?.close();
  await repo?.cleanup();
});

beforeEach(() => {
  for (const list of [model.comments, model.reactions, model.dispatches, model.statuses, model.pulls]) list.length = 0;
  const now = new Date().toISOString();
  model.pulls.push({ number: 1, title: "Feature", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
});

afterEach(async () => {
  open();
  await app?.close(500);
  app = undefined;
  expect(forge.violations).toEqual([]);
});

describe("the app's front door", () => {
  it("a signed null payload and a signed empty body answer 400, not 500 or 401", async () => {
    await startApp();
    const nul = await send("issue_comment", "null");
    expect(nul.status).toBe(400);
    expect(nul.body.reason).toContain("not a JSON object");
    const array = await send("issue_comment", "[]");
    expect(array.status).toBe(400);
    const empty = await send("issue_comment", "");
    expect(empty.status).toBe(400);
    expect(empty.body.reason).toContain("empty");
  });
});

describe("a repository's queue", () => {
  it("repeated /scrum on one PR while one waits becomes one; a different person's stays", async () => {
    await startApp();
    closeGate();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await send("issue_comment", scrum("alice")));
    answers.push(await send("issue_comment", scrum("bob")));
    expect(answers.map((a) => a.body.result)).toEqual(["queued", "queued", "coalesced", "coalesced", "coalesced", "coalesced", "queued"]);
    open();
    await app!.idle();
    // The one running when the repeats came, the one waiting, and bob's.
    expect(model.dispatches).toHaveLength(3);
  });

  it("audits of a PR keep only the newest head", async () => {
    await startApp();
    closeGate();
    const heads = commits;
    for (const sha of heads) expect((await send("pull_request", synchronized(1, sha))).status).toBe(202);
    open();
    await app!.idle();
    const audited = model.statuses.map((s) => s.sha);
    expect(new Set(audited)).toEqual(new Set([heads[0], heads[3]]));
  });

  it("is bounded per repository: beyond the limit, 503", async () => {
    await startApp({ maxPendingPerRepository: 3 });
    closeGate();
    const statuses = [];
    for (let pr = 1; pr <= 7; pr++) statuses.push((await send("pull_request", synchronized(pr, String(pr).repeat(40)))).status);
    expect(statuses).toEqual([202, 202, 202, 202, 503, 503, 503]);
  });
});

describe("stopping", () => {
  it("drops what waits, abandons what runs past the deadline, and releases those delivery ids", async () => {
    const server = await startApp();
    closeGate();
    const bodies = ["/scrum review", "/scrum apply", "/scrum"];
    for (let i = 0; i < 12; i++) await send("issue_comment", scrum(i % 2 === 0 ? "alice" : "bob", bodies[i % 3]!), `stop-${i}`);
    const started = Date.now();
    const counts = await server.dispatcher.close(300);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(counts).toEqual({ dropped: 6, abandoned: 1 });
    // Released ids are no replays: a redelivery reaches the (closed) queue and is told to come back (503),
    // where a claimed id would be answered 200 "duplicate".
    for (const id of ["stop-0", "stop-1", "stop-5"]) {
      const again = await send("issue_comment", scrum("alice", "/scrum"), id);
      expect(again.status, id).toBe(503);
    }
    // stop-7 (bob, /scrum apply) was coalesced into stop-1 while it waited: it never was work of its own.
    expect((await send("issue_comment", scrum("alice", "/scrum"), "stop-7")).body.result).toBe("duplicate");
  });

  it("`prd-bot serve` exits on SIGTERM within its deadline with a backlog and a hanging forge", async () => {
    const hanging = await startGiteaServer({ workflowDispatch: true });
    hanging.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
    hanging.on("GET", "/repos/{owner}/{repo}/collaborators/{collaborator}/permission", () => new Promise(() => undefined));
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0", "--host", "127.0.0.1"], {
      env: { PATH: process.env.PATH ?? "", GITEA_URL: hanging.url, GITEA_TOKEN: hanging.token, GITEA_WEBHOOK_SECRET: SECRET, PRD_BOT_SHUTDOWN_SECONDS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    try {
      await waitFor(() => /app listening on (http:\/\/\S+):/.test(stderr), 10_000, "the app to listen");
      const base = /app listening on (http:\/\/\S+):/.exec(stderr)![1]!;
      for (let i = 0; i < 30; i++) {
        const answer = await deliver(`${base}/gitea/webhook`, { kind: "gitea", event: "issue_comment", payload: scrum("alice", `/scrum ${i % 2 ? "review" : "apply"}`), secret: SECRET });
        expect([202]).toContain(answer.status);
      }
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      const started = Date.now();
      child.kill("SIGTERM");
      const code = await exited;
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(stderr).toMatch(/delivery ids are released/);
    } finally {
      child.kill("SIGKILL");
      await hanging.close();
    }
  });
});
