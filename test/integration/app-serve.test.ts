// `prd-bot serve` as a process, configured only through the environment the way it is deployed: a GitHub App
// (throwaway key) and a Gitea receiver on one port, a signed Gitea delivery carried through to a workflow
// dispatch on the local Gitea, and a clean stop on SIGTERM. Bad settings exit 2 naming the variable.
// The CLI is bundled here the way scripts/build.mjs bundles it (into a temp folder, leaving dist/ alone), so
// the test also proves that Probot survives bundling.
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, waitFor } from "../support/app-harness.js";
import type { GiteaServer, RepoModel } from "../support/forge/index.js";
import { startGiteaServer } from "../support/forge/index.js";
import type { TestRepo } from "../support/git-repo.js";
import { makeRepo } from "../support/git-repo.js";

let bundleDir: string;

async function bundleCli(): Promise<string> {
  bundleDir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-serve-bundle-"));
  await build({
    entryPoints: { cli: "src/cli/main.ts" },
    outdir: bundleDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
    banner: { js: "import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);" },
    loader: { ".md": "text" },
  });
  return path.join(bundleDir, "cli.js");
}

let cli: string;

function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, "serve"], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? os.tmpdir(), HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe("prd-bot serve", () => {
  let repo: TestRepo;
  let gitea: GiteaServer;
  let model: RepoModel;

  beforeAll(async () => {
    cli = await bundleCli();
    repo = await makeRepo({ "README.md": "hi\n" }, { withRemote: true });
    gitea = await startGiteaServer({ workflowDispatch: true });
    model = gitea.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
    gitea.on("GET", "/version", () => ({ status: 200, body: { version: "1.24.0" } }));
  });

  afterAll(async () => {
    await gitea?.close();
    await repo?.cleanup();
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  it("serves GitHub and Gitea from the environment, carries a Gitea /scrum through to a dispatch, and stops on SIGTERM", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const app = serve({
      APP_ID: "4242",
      PRIVATE_KEY: privateKey.replace(/\n/g, "\\n"),
      WEBHOOK_SECRET: "gh-secret",
      GITHUB_API_URL: "http://127.0.0.1:9/api/v3",
      GITEA_URL: gitea.url,
      GITEA_TOKEN: gitea.token,
      GITEA_WEBHOOK_SECRET: "gitea-secret",
      LOG_LEVEL: "fatal",
    });
    try {
      const listening = /app listening on (http:\/\/[\d.]+:\d+)/;
      await waitFor(() => listening.test(app.stderr()), 20_000, "the app to listen");
      const base = listening.exec(app.stderr())?.[1] as string;
      expect(app.stderr()).toContain("GitHub at /api/github/webhooks, Gitea at /gitea/webhook; dispatching prd-bot.yml");

      const ping = await deliver(`${base}/api/github/webhooks`, { kind: "github", event: "ping", payload: { zen: "Keep it logically awesome." }, secret: "gh-secret" });
      expect(ping).toMatchObject({ status: 200, body: { result: "pong" } });

      const payload = JSON.parse(readFileSync(new URL("../fixtures/gitea-webhooks/pull_request_comment_created.json", import.meta.url), "utf8"));
      Object.assign(payload.repository, { name: "app", full_name: "acme/app", default_branch: "main" });
      payload.repository.owner.login = "acme";
      payload.comment.body = "/scrum";
      payload.comment.user.login = "alice";
      const now = new Date().toISOString();
      model.pulls.push({ number: 2, title: "PR", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
      model.comments.push({ id: payload.comment.id, issueNumber: 2, body: "/scrum", author: "alice", createdAt: now, updatedAt: now });
      const answer = await deliver(`${base}/gitea/webhook`, { kind: "gitea", event: "issue_comment", payload, secret: "gitea-secret" });
      expect(answer).toMatchObject({ status: 202, body: { result: "queued" } });
      await waitFor(() => model.dispatches.length === 1, 10_000, "the dispatch");
      expect(model.dispatches).toEqual([{ workflow: "prd-bot.yml", ref: "main", inputs: { command: "review", pr: "2" } }]);
      await waitFor(() => app.stderr().includes("dispatched prd-bot.yml on main"), 5000, "the log line");

      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
      expect(app.stderr()).toContain("SIGTERM: stopping within");
      expect(app.stderr()).not.toContain(gitea.token);
      expect(gitea.violations).toEqual([]);
      expect(gitea.unexpected).toEqual([]);
    } finally {
      app.child.kill("SIGKILL");
    }
  });

  it("PRD_BOT_MODE=in-process without --runner runs the built-in runner: a /scrum from a writer gets its answer from this process (no model configured: it says so)", async () => {
    const app = serve({ GITEA_URL: gitea.url, GITEA_TOKEN: gitea.token, GITEA_WEBHOOK_SECRET: "gitea-secret", PRD_BOT_MODE: "in-process" });
    try {
      const listening = /app listening on (http:\/\/[\d.]+:\d+)/;
      await waitFor(() => listening.test(app.stderr()), 20_000, "the app to listen");
      const base = listening.exec(app.stderr())?.[1] as string;
      expect(app.stderr()).toContain("Gitea at /gitea/webhook; running jobs in-process (built-in runner)");
      const payload = JSON.parse(readFileSync(new URL("../fixtures/gitea-webhooks/pull_request_comment_created.json", import.meta.url), "utf8"));
      Object.assign(payload.repository, { name: "app", full_name: "acme/app", default_branch: "main" });
      payload.repository.owner.login = "acme";
      Object.assign(payload.comment, { id: 7001, body: "/scrum" });
      payload.comment.user.login = "alice";
      payload.issue.number = 4;
      const now = new Date().toISOString();
      model.pulls.push({ number: 4, title: "PR", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: now, updatedAt: now });
      model.comments.push({ id: 7001, issueNumber: 4, body: "/scrum", author: "alice", createdAt: now, updatedAt: now });
      const dispatched = model.dispatches.length;
      expect(await deliver(`${base}/gitea/webhook`, { kind: "gitea", event: "issue_comment", payload, secret: "gitea-secret" })).toMatchObject({ status: 202 });
      const replies = () => model.comments.filter((c) => c.author === model.botLogin && c.issueNumber === 4);
      await waitFor(() => replies().length === 1, 10_000, "the runner's reply");
      // The app has no model configured: the writer hears why, and which setting to change.
      expect(replies()[0]?.body).toMatch(/^prd-bot could not review this pull request: .*no model is configured/s);
      expect(model.dispatches).toHaveLength(dispatched);
      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
      expect(app.stderr()).not.toContain(gitea.token);
      expect(gitea.violations).toEqual([]);
      expect(gitea.unexpected).toEqual([]);
    } finally {
      app.child.kill("SIGKILL");
    }
  });

  it("exits 2 and names the variables when the settings are wrong", async () => {
    const app = serve({ APP_ID: "4242", GITEA_URL: "not a url" });
    expect(await app.exited).toBe(2);
    expect(app.stderr()).toContain("prd-bot serve: the app's settings have 3 problems:");
    expect(app.stderr()).toContain("the GitHub App needs WEBHOOK_SECRET, PRIVATE_KEY (or PRIVATE_KEY_PATH) as well");
    expect(app.stderr()).toContain("GITEA_URL must be the Gitea server's http(s) URL");
    expect(app.stderr()).toContain("Run 'prd-bot serve --help' for the settings.");
  });
});
