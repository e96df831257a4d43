// Self-hosted mode (PRD_BOT_MODE=in-process): jobs run in the app through an injected runner behind the
// bounded queue (one job per repository at a time, a cap overall, a cap on waiting jobs), and overflow gets
// a clear "busy" reply. Deliveries are Gitea's own payloads; the local Gitea is 1.22, so any dispatch call
// would be a violation.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGiteaForge } from "../../src/adapters/forge/gitea/create-gitea-forge.js";
import type { RunnableJob } from "../../src/app/job-starter.js";
import type { AppServer } from "../../src/app/server.js";
import { startAppServer } from "../../src/app/server.js";
import type { CollectingLogger } from "../support/app-harness.js";
import { collectingLogger, deliver, waitFor } from "../support/app-harness.js";
import type { GiteaServer, RepoModel } from "../support/forge/index.js";
import { startGiteaServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo } from "../support/git-repo.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SECRET = "in-process-secret";
const sample = (file: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/gitea-webhooks/${file}`, import.meta.url), "utf8")) as Json;

describe("the webhook app in-process", () => {
  let repo: TestRepo;
  let forge: GiteaServer;
  const models: Record<string, RepoModel> = {};
  let app: AppServer;
  let log: CollectingLogger;
  let headSha: string;
  let commentId = 100;
  // The runner: each job waits for its release; what ran, and how many ran at once, per repository and overall.
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const running = new Map<string, number>();
  let mostAtOnce = 0;
  let mostPerRepo = 0;

  const runJob = async (job: RunnableJob) => {
    const name = `${job.command} ${job.repo.repo}#${job.pr ?? "-"}`;
    if (job.forge.repo.repo !== job.repo.repo) throw new Error("the runner got another repository's forge");
    started.push(name);
    running.set(job.repo.repo, (running.get(job.repo.repo) ?? 0) + 1);
    mostPerRepo = Math.max(mostPerRepo, ...running.values());
    mostAtOnce = Math.max(mostAtOnce, [...running.values()].reduce((a, b) => a + b, 0));
    try {
      if (job.command === "apply" && job.repo.repo === "broken") throw new Error("the applier crashed");
      await new Promise<void>((resolve) => releases.set(name, resolve));
    } finally {
      running.set(job.repo.repo, (running.get(job.repo.repo) ?? 1) - 1);
    }
  };

  beforeAll(async () => {
    repo = await makeRepo({ "README.md": "hello\n" }, { withRemote: true });
    headSha = await repo.git("rev-parse", "HEAD");
    forge = await startGiteaServer();
    const now = new Date().toISOString();
    for (const name of ["app", "other", "broken"]) {
      models[name] = forge.withRepo({ owner: "acme", repo: name, bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
      models[name]?.pulls.push({ number: 1, title: "PR", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
    }
    log = collectingLogger();
    app = await startAppServer({
      log,
      host: "127.0.0.1",
      port: 0,
      gitea: { secret: SECRET, giteaForge: (ref) => createGiteaForge({ owner: ref.owner, repo: ref.repo, token: forge.token, baseUrl: forge.url, timing: { retryBaseMs: 1 } }) },
      dispatcher: { mode: "in-process", runJob, maxQueuedJobs: 1, maxConcurrentJobs: 2 },
    });
  });

  afterAll(async () => {
    for (const release of releases.values()) release();
    await app?.close(1000);
    await forge?.close();
    await repo?.cleanup();
  });

  function comment(repoName: string, body: string): Json {
    const payload = sample("pull_request_comment_created.json");
    Object.assign(payload.repository, { name: repoName, full_name: `acme/${repoName}`, default_branch: "main" });
    payload.repository.owner.login = "acme";
    payload.issue.number = 1;
    const id = ++commentId;
    Object.assign(payload.comment, { id, body });
    payload.comment.user.login = "alice";
    const now = new Date().toISOString();
    models[repoName]?.comments.push({ id, issueNumber: 1, body, author: "alice", createdAt: now, updatedAt: now });
    return payload;
  }

  const send = (event: string, payload: unknown) => deliver(`${app.url}/gitea/webhook`, { kind: "gitea", event, payload, secret: SECRET });
  const botReplies = (name: string) => models[name]?.comments.filter((c) => c.author === models[name]?.botLogin).map((c) => c.body) ?? [];

  it("runs one job per repository at a time, queues one more, and answers the overflow with a busy reply", async () => {
    await send("issue_comment", comment("app", "/scrum"));
    await waitFor(() => started.length === 1, 5000, "the first job to start");
    await send("issue_comment", comment("app", "/scrum apply"));
    await send("issue_comment", comment("app", "/scrum"));
    await waitFor(() => botReplies("app").length === 1, 5000, "the busy reply");
    expect(botReplies("app")[0]).toBe(
      "prd-bot is busy and did not start `/scrum` on #1 (busy: 1 task is already waiting (the limit is 1); try again later). Please try again in a few minutes.",
    );
    // Another repository's job can start at once: the waiting one is blocked by its own repository only.
    await send("issue_comment", comment("other", "/scrum"));
    await waitFor(() => started.length === 2, 5000, "the other repository's job");
    expect(started).toEqual(["review app#1", "review other#1"]);

    releases.get("review app#1")?.();
    await waitFor(() => started.length === 3, 5000, "the queued job");
    expect(started[2]).toBe("apply app#1");
    releases.get("review other#1")?.();
    releases.get("apply app#1")?.();
    await app.idle();
    expect(mostPerRepo).toBe(1);
    expect(mostAtOnce).toBe(2);
    // Every command from a writer gets its 👀 at once; the refused one got the busy reply besides.
    expect(models.app?.reactions.map((r) => r.content)).toEqual(["eyes", "eyes", "eyes"]);
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: acme\/app .*`\/scrum` on #1 not started: busy: 1 task is already waiting/));
    expect(forge.violations).toEqual([]);
    expect(forge.unexpected).toEqual([]);
  });

  it("an audit sets prd-bot/auditor pending and runs the auditor in-process; a crashing job is logged, the app goes on", async () => {
    const pull = sample("pull_request_opened.json");
    Object.assign(pull.repository, { name: "app", full_name: "acme/app", default_branch: "main" });
    pull.repository.owner.login = "acme";
    pull.number = 1;
    Object.assign(pull.pull_request, { number: 1, state: "open" });
    pull.pull_request.head.sha = headSha;
    await send("pull_request", pull);
    await waitFor(() => started.includes("audit app#1"), 5000, "the audit job");
    expect(models.app?.statuses.map((s) => [s.context, s.state])).toEqual([["prd-bot/auditor", "pending"]]);
    releases.get("audit app#1")?.();

    await send("issue_comment", comment("broken", "/scrum apply"));
    await app.idle();
    expect(log.lines).toContainEqual("warn: in-process job for gitea:acme/broken failed: the applier crashed");
    expect((await fetch(`${app.url}/ping`)).status).toBe(200);
    expect(forge.violations).toEqual([]);
    expect(forge.unexpected).toEqual([]);
  });
});
