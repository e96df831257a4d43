// Self-hosted mode with the built-in runner (createInProcessRunner): the app receives a signed push that adds a
// [bot-eligible] line to the PRD, clones the repository from the local forge into a temp folder, asks the local
// OpenAI-compatible server, runs the repository's test command, pushes the branch, opens the draft PR and keeps
// the record on prd-bot/state, then removes the clone. Gitea's own push payload and GitHub's (through Probot,
// as a GitHub App whose installation token is used for git) both go the whole way; an audit resolves the
// pending status; a repository config that names the app's own secret as a model key gets nothing.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it, type ExpectStatic } from "vitest";
import { createGiteaForge } from "../../src/adapters/forge/gitea/create-gitea-forge.js";
import { createInProcessRunner } from "../../src/app/in-process-runner.js";
import type { RunnableJob } from "../../src/app/job-starter.js";
import type { AppServer } from "../../src/app/server.js";
import { startAppServer } from "../../src/app/server.js";
import { findGaps } from "../../src/core/gaps/gaps.js";
import type { CycleRecord } from "../../src/core/types.js";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import { notYetComment } from "../../src/wiring/action-replies.js";
import type { ForgeCyclesResult } from "../../src/wiring/forge-cycles.js";
import type { ForgeJobResult } from "../../src/wiring/forge-jobs.js";
import { collectingLogger, deliver, githubAppAuth, type CollectingLogger } from "../support/app-harness.js";
import { keyFingerprint, startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { startGiteaServer, startGitHubServer, type ForgeServer, type RepoModel } from "../support/forge/index.js";
import { makeRepo, runGit, type TestRepo } from "../support/git-repo.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Flavour = "github" | "gitea";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
const githubExample = (name: string, pick: (e: Json) => boolean): Json => structuredClone(examples.find((e) => e.name === name)?.examples.find(pick) as Json);
const giteaSample = (file: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/gitea-webhooks/${file}`, import.meta.url), "utf8")) as Json;

const TOKEN = "forge_inProcessToken_0123456789abcdef";
const API_KEY = "sk-in-process-key-42";
const SECRET = "in-process-webhook-secret";
const INSTALLATION = 4711;
const CONFIG = 'test:\n  command: "true"\n';
const PRD = SAMPLE_FILES["docs/PRD.md"] as string;
const GAP = findGaps(PRD, { tag: "[bot-eligible]" }).find((gap) => !gap.checked && gap.text.includes("trims"));
if (!GAP) throw new Error("the sample PRD lost its open gap");
const BRANCH = `prd-bot/${GAP.id}`;

interface World {
  flavour: Flavour;
  forge: ForgeServer & { withRepo(o: { owner: string; repo: string; bareRepoPath: string }): RepoModel };
  app: AppServer;
  llm: FakeOpenAI;
  log: CollectingLogger;
  tempDir: string;
  cycles: { job: RunnableJob; result: ForgeCyclesResult }[];
  /** Pull-request jobs the runner finished (review, apply, audit), whatever their arm answered. */
  forgeJobs: { job: RunnableJob; result: ForgeJobResult }[];
  /** Adds acme/<name> whose last commit put the open gap into the PRD; the push payload that says so. */
  addRepo(name: string, config: string): Promise<{ repo: TestRepo; model: RepoModel; push: Json }>;
  send(event: string, payload: Json): ReturnType<typeof deliver>;
  onRepo(payload: Json, name: string): Json;
}

async function setUp(flavour: Flavour, onTestFinished: (fn: () => Promise<void>) => void): Promise<World> {
  const forge = flavour === "github" ? await startGitHubServer({ token: TOKEN }) : await startGiteaServer({ token: TOKEN });
  onTestFinished(() => forge.close());
  const llm = await startFakeOpenAI();
  onTestFinished(() => llm.close());
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-in-process-"));
  onTestFinished(() => rm(tempDir, { recursive: true, force: true }));
  const log = collectingLogger();
  const cycles: World["cycles"] = [];
  const forgeJobs: World["forgeJobs"] = [];
  // The server's environment: the model settings, and the app's own secret, which no repository may have.
  const env = { PRD_BOT_MODEL: "coder-1", OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: API_KEY, GITEA_TOKEN: TOKEN, WEBHOOK_SECRET: SECRET };
  const runJob = createInProcessRunner({ env, tempDir, log, onCycles: (job, result) => cycles.push({ job, result }), onForgeJob: (job, result) => forgeJobs.push({ job, result }) });
  const dispatcher = { mode: "in-process" as const, runJob };
  let app: AppServer;
  if (flavour === "github") {
    const auth = githubAppAuth(forge as Awaited<ReturnType<typeof startGitHubServer>>, 4242, INSTALLATION);
    app = await startAppServer({
      log,
      host: "127.0.0.1",
      port: 0,
      github: { appId: auth.appId, privateKey: auth.privateKey, secret: SECRET, baseUrl: forge.url, fetch: auth.fetch, logLevel: "fatal", octokit: { retryBaseMs: 1, rateLimitMsPerSecond: 1, writeIntervalMs: 0 } },
      dispatcher,
    });
  } else {
    const giteaForge = (ref: { owner: string; repo: string }) => createGiteaForge({ owner: ref.owner, repo: ref.repo, token: TOKEN, baseUrl: forge.url, timing: { retryBaseMs: 1, rateLimitMsPerSecond: 1 } });
    app = await startAppServer({ log, host: "127.0.0.1", port: 0, gitea: { secret: SECRET, giteaForge }, dispatcher });
  }
  onTestFinished(() => app.close(1000));

  const onRepo = (payload: Json, name: string): Json => {
    Object.assign(payload.repository, { name, full_name: `acme/${name}`, default_branch: "main" });
    Object.assign(payload.repository.owner, { login: "acme", ...(flavour === "gitea" ? { username: "acme" } : {}) });
    if (flavour === "github") payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDcxMQ==" };
    return payload;
  };

  return {
    flavour,
    forge,
    app,
    llm,
    log,
    tempDir,
    cycles,
    forgeJobs,
    onRepo,
    send: (event, payload) => deliver(`${app.url}${flavour === "github" ? "/api/github/webhooks" : "/gitea/webhook"}`, { kind: flavour, event, payload, secret: SECRET }),
    async addRepo(name, config) {
      const withoutGap = PRD.split("\n").filter((line) => !line.includes("trims leading")).join("\n");
      const repo = await makeRepo({ ...SAMPLE_FILES, "docs/PRD.md": withoutGap, ".github/prd-bot.yml": config }, { withRemote: true });
      onTestFinished(() => repo.cleanup());
      const before = await repo.git("rev-parse", "HEAD");
      await writeFile(path.join(repo.root, "docs/PRD.md"), PRD);
      await repo.git("commit", "-q", "-am", "PRD: trim dashes [bot-eligible]");
      await repo.git("push", "-q", "origin", "main");
      const after = await repo.git("rev-parse", "HEAD");
      const model = forge.withRepo({ owner: "acme", repo: name, bareRepoPath: repo.remote as string });
      const push = onRepo(flavour === "github" ? githubExample("push", (e) => e.ref === "refs/heads/master") : giteaSample("push.json"), name);
      Object.assign(push, { ref: "refs/heads/main", before, after });
      push.commits = [{ ...push.commits[0], id: after, added: [], removed: [], modified: ["docs/PRD.md"] }];
      return { repo, model, push };
    },
  };
}

const bare = (repo: TestRepo, ...args: string[]) => runGit(repo.root, ["--git-dir", repo.remote as string, ...args]);

/** Nothing the app logged carries the forge token or the model key. */
function expectNoSecrets(w: World, expect: ExpectStatic): void {
  const text = w.log.lines.join("\n");
  for (const secret of [TOKEN, API_KEY, Buffer.from(`x-access-token:${TOKEN}`).toString("base64")]) expect(text).not.toContain(secret);
}

function expectClean(w: World, expect: ExpectStatic): void {
  expect(w.forge.violations).toEqual([]);
  expect(w.forge.unexpected).toEqual([]);
  expect(w.llm.unexpected).toEqual([]);
}

describe.concurrent("the webhook app in-process, with the built-in runner", () => {
  it.for(["gitea", "github"] as const)("%s: a push adding a gap → clone, model, tests, branch, draft PR, record; the clone is gone; an audit resolves the pending status", async (flavour, { expect, onTestFinished }) => {
    const w = await setUp(flavour, onTestFinished);
    const { repo, model, push } = await w.addRepo("app", CONFIG);
    const after = push.after as string;
    w.llm.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });

    expect((await w.send("push", push)).status).toBe(202);
    await w.app.idle();
    expectClean(w, expect);
    expect(w.log.lines.filter((line) => line.startsWith("warn:"))).toEqual([]);

    // The draft PR on the forge, from the pushed branch, which sits on top of the pushed commit.
    expect(model.pulls).toHaveLength(1);
    const pull = model.pulls[0]!;
    expect(pull).toMatchObject({ head: BRANCH, base: "main", state: "open", labels: ["prd-bot"] });
    if (flavour === "gitea") expect(pull.title).toMatch(/^WIP: prd-bot: /);
    else expect(pull.draft).toBe(true);
    expect(pull.body).toContain(GAP.id);
    expect(await bare(repo, "rev-parse", `${BRANCH}^`)).toBe(after);
    expect(await bare(repo, "show", `${BRANCH}:test/slugify-trim.test.js`)).toContain("trims dashes");
    expect(await bare(repo, "rev-parse", "main")).toBe(after);

    // One cycle, recorded on the state branch with the PR's URL; the model got the server's key.
    expect(w.cycles).toHaveLength(1);
    const [cycle] = w.cycles[0]!.result.records as [CycleRecord];
    expect(cycle).toMatchObject({ outcome: "ok", branch: BRANCH, gap: { id: GAP.id } });
    expect(cycle.pr_url).toMatch(new RegExp(`/acme/app/pulls?/${pull.number}$`));
    const stored = JSON.parse(await bare(repo, "show", `prd-bot/state:cycles/${cycle.cycle_id}.json`)) as CycleRecord;
    expect(stored).toMatchObject({ outcome: "ok", pr_url: cycle.pr_url, gap: { id: GAP.id } });
    expect(w.llm.requests.map((r) => r.bearer.sha256Prefix)).toEqual([keyFingerprint(API_KEY)]);
    expect(w.log.lines).toContainEqual(`info: acme/app [delivery ${w.cycles[0]!.job.deliveryId}]: cycle ${cycle.cycle_id}: ok: ${cycle.reason} (${cycle.pr_url})`);
    // The job's clone and the state store's scratch repository are both removed.
    expect(await readdir(w.tempDir)).toEqual([]);
    if (flavour === "github") {
      // git got its own installation token (JWT-signed request, checked by the harness), limited to this
      // repository's contents; git's pushes (branch, state) were accepted with it.
      const minted = w.forge.requests.filter((r) => r.template === "/app/installations/{installation_id}/access_tokens");
      expect(minted.map((r) => [r.params.installation_id, r.status, r.body])).toContainEqual([String(INSTALLATION), 201, { repositories: ["app"], permissions: { contents: "write" } }]);
      expect(w.forge.gitRequests.filter((r) => r.service === "git-receive-pack" && r.method === "POST" && r.status === 200).length).toBeGreaterThanOrEqual(2);
    }

    // The PR the bot opened gets audited: pending first (run-plan), then finished by the runner's real audit.
    const headSha = await bare(repo, "rev-parse", BRANCH);
    const opened = w.onRepo(
      flavour === "github" ? githubExample("pull_request", (e) => e.action === "opened" && e.installation !== undefined) : giteaSample("pull_request_opened.json"),
      "app",
    );
    opened.number = pull.number;
    Object.assign(opened.pull_request, { number: pull.number, state: "open" });
    opened.pull_request.head.sha = headSha;
    expect((await w.send("pull_request", opened)).status).toBe(202);
    await w.app.idle();
    expect(model.statuses.map((s) => [s.sha, s.context, s.state, s.description])).toEqual([
      [headSha, "prd-bot/auditor", "pending", "Queued: prd-bot's auditor will check this pull request"],
      [headSha, "prd-bot/auditor", "success", expect.stringMatching(/^No blocking issues/)],
    ]);
    expectClean(w, expect);
    expectNoSecrets(w, expect);
  });

  it("gitea: /scrum review and /scrum apply from a writer → 👀, the review's report (nothing changed: no model call) and apply's \"not available yet\"", async ({ expect, onTestFinished }) => {
    const w = await setUp("gitea", onTestFinished);
    const { model } = await w.addRepo("app", CONFIG);
    const now = new Date().toISOString();
    model.pulls.push({ number: 3, title: "Feature", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
    model.permissions.alice = "write";
    for (const [id, body] of [[31, "/scrum"], [32, "/scrum apply"]] as const) {
      const payload = w.onRepo(giteaSample("pull_request_comment_created.json"), "app");
      payload.issue.number = 3;
      Object.assign(payload.comment, { id, body });
      Object.assign(payload.comment.user, { login: "alice", username: "alice" });
      Object.assign(payload.sender, { login: "alice", username: "alice" });
      model.comments.push({ id, issueNumber: 3, body, author: "alice", createdAt: now, updatedAt: now });
      expect((await w.send("issue_comment", payload)).status).toBe(202);
    }
    await w.app.idle();
    expect(model.reactions.map((r) => [r.commentId, r.content])).toEqual([[31, "eyes"], [32, "eyes"]]);
    const replies = model.comments.filter((c) => c.author === model.botLogin).map((c) => c.body);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/^<!-- prd-bot:review -->\n## prd-bot review\n\n`[0-9a-f]{12}`\.\.`[0-9a-f]{12}`: 0 file\(s\) reviewed/);
    expect(replies[1]).toBe(notYetComment("apply", false));
    expect(w.cycles).toEqual([]);
    expect(w.llm.requests).toEqual([]);
    expect(await readdir(w.tempDir)).toEqual([]);
    expectClean(w, expect);
  });

  it("gitea: the review label (label_updated) and /scrum files from a writer run the review job in-process, with the globs; a reader's label runs nothing", async ({ expect, onTestFinished }) => {
    const w = await setUp("gitea", onTestFinished);
    const { model } = await w.addRepo("app", `${CONFIG}review:\n  label: please-review\n`);
    const now = new Date().toISOString();
    model.pulls.push({ number: 3, title: "Feature", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
    model.permissions = { alice: "write", mallory: "read" };
    const labelled = (sender: string) => {
      const payload = w.onRepo(giteaSample("pull_request_edited.json"), "app");
      payload.action = "label_updated";
      delete payload.changes;
      Object.assign(payload, { number: 3 });
      Object.assign(payload.pull_request, { number: 3, state: "open", labels: [{ id: 1, name: "please-review", color: "ededed", description: "", url: "" }] });
      Object.assign(payload.sender, { login: sender, username: sender });
      return payload;
    };
    expect((await w.send("pull_request", labelled("mallory"))).status).toBe(202);
    expect((await w.send("pull_request", labelled("alice"))).status).toBe(202);
    const comment = w.onRepo(giteaSample("pull_request_comment_created.json"), "app");
    comment.issue.number = 3;
    Object.assign(comment.comment, { id: 41, body: "/scrum files src/**/*.js" });
    Object.assign(comment.comment.user, { login: "alice", username: "alice" });
    model.comments.push({ id: 41, issueNumber: 3, body: "/scrum files src/**/*.js", author: "alice", createdAt: now, updatedAt: now });
    expect((await w.send("issue_comment", comment)).status).toBe(202);
    await w.app.idle();
    expect(w.forgeJobs.map(({ job }) => [job.command, job.pr, job.files])).toEqual([
      ["review", 3, undefined],
      ["review", 3, ["src/**/*.js"]],
    ]);
    expect(model.statuses).toEqual([]);
    expect(await readdir(w.tempDir)).toEqual([]);
    // What the review arm itself does (and asks of a model) is the review job's tests' business.
    expect(w.forge.violations).toEqual([]);
    expect(w.forge.unexpected).toEqual([]);
  });

  it("github: an audit whose repository config is invalid still finishes the pending status, as an error saying why", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    const { repo, model } = await w.addRepo("broken", "policy:\n  max_files: many\n");
    const headSha = await repo.git("rev-parse", "HEAD");
    const now = new Date().toISOString();
    model.pulls.push({ number: 4, title: "Feature", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
    const payload = w.onRepo(githubExample("pull_request", (e) => e.action === "opened" && e.installation !== undefined), "broken");
    Object.assign(payload, { number: 4 });
    Object.assign(payload.pull_request, { number: 4, state: "open" });
    payload.pull_request.head.sha = headSha;
    expect((await w.send("pull_request", payload)).status).toBe(202);
    await w.app.idle();
    expect(model.statuses.map((s) => [s.sha, s.context, s.state])).toEqual([
      [headSha, "prd-bot/auditor", "pending"],
      [headSha, "prd-bot/auditor", "error"],
    ]);
    expect(model.statuses[1]?.description).toContain(".github/prd-bot.yml on the default branch is invalid");
    // The app's forge posts commit statuses only, so the details went into a comment on the PR.
    expect(model.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^<!-- prd-bot:status:prd-bot\/auditor -->[\s\S]*policy\.max_files/)]);
    expect(w.log.lines).toContainEqual(expect.stringContaining("audit on #4 not run, because .github/prd-bot.yml is invalid"));
    expectClean(w, expect);
  });

  it("gitea: a repository config that names the app's own secret as a model key gets nothing; the failure is logged with the repository, the clone removed", async ({ expect, onTestFinished }) => {
    const w = await setUp("gitea", onTestFinished);
    const config = `${CONFIG}models:\n  providers:\n    thief:\n      base_url: https://models.example/v1\n      api_key_env: GITEA_TOKEN\n  propose: [thief/any]\n`;
    const { repo, model, push } = await w.addRepo("leaky", config);
    expect((await w.send("push", push)).status).toBe(202);
    await w.app.idle();
    const warnings = w.log.lines.filter((line) => line.startsWith("warn:"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warn: acme\/leaky \[delivery [^\]]+\]: in-process cycle failed: .*the environment variable GITEA_TOKEN is not set/s);
    expect(w.cycles).toEqual([]);
    expect(w.llm.requests).toEqual([]);
    expect(model.pulls).toEqual([]);
    expect(await bare(repo, "branch", "--list")).toBe("* main");
    expect(await readdir(w.tempDir)).toEqual([]);
    expectClean(w, expect);
    expectNoSecrets(w, expect);
  });
});
