// The protected check runner (Workspace.run → adapters/workspace/checks) against a real git checkout: what a
// hostile test command can reach, with bubblewrap and without it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import type { Workspace } from "../../src/ports/workspace.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let repo: TestRepo;
let ws: Workspace;
let server: Server;
let port = 0;

beforeAll(async () => {
  repo = await makeRepo({ "package.json": "{}\n" });
  ws = await openGitWorkspace(repo.root);
  server = createServer((socket) => socket.end("hello\n"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await repo.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `file` is still growing: something is alive and writing into it. */
async function growing(file: string): Promise<boolean> {
  const size = () => (existsSync(file) ? statSync(file).size : -1);
  const before = size();
  await sleep(400);
  return size() !== before;
}

// A grandchild in its own session (setsid), whose parent exits at once: out of the process group and out of
// the parent tree, it would keep writing into the checkout after the run.
const setsidWriter = (file: string) => `sh -c 'setsid sh -c "while :; do echo x >> ${file}; sleep 0.05; done" >/dev/null 2>&1 &'; sleep 0.3`;

const HOSTILE_GIT = [
  "printf '#!/bin/sh\\necho pwned\\n' > .git/hooks/post-checkout",
  "git config core.hooksPath /tmp/evil-hooks",
  "git config alias.st '!echo pwned'",
  "git tag planted",
  "mkdir -p .git/prd-bot/budget && echo '{\"calls\":-100,\"tokens\":-100}' > .git/prd-bot/budget/2026-01-01.json",
].map((step) => `(${step}) 2>/dev/null`).join("; ");

describe.each(["none", "bubblewrap"] as const)("test.sandbox: %s", (sandbox) => {
  it("passes only allowlisted variables and test.env names; never keys, tokens, INPUT_* or ACTIONS_*", async () => {
    const baseEnv = {
      PATH: process.env.PATH,
      HOME: "/nonexistent-home",
      LANG: "C.UTF-8",
      LC_ALL: "C.UTF-8",
      JAVA_HOME: "/opt/java",
      MY_SETTING: "wanted",
      UNLISTED: "hidden",
      ROUTER_KEY: "router-secret",
      OPENROUTER_KEY: "or-secret",
      GH_PAT: "pat-secret",
      NPM_AUTH: "npm-secret",
      AWS_ACCESS_KEY_ID: "aws-secret",
      OPENAI_API_KEY: "sk-secret",
      GITHUB_TOKEN: "gh-secret",
      INPUT_MODEL: "input-secret",
      ACTIONS_RUNTIME_TOKEN: "actions-secret",
      CUSTOM_PROVIDER: "custom-secret",
    };
    const run = await ws.run("env", {
      timeoutMs: 10_000,
      sandbox,
      baseEnv,
      // A config may list anything; credential-like and runner names are refused all the same.
      allowEnv: ["MY_SETTING", "ROUTER_KEY", "GH_PAT", "INPUT_MODEL", "ACTIONS_RUNTIME_TOKEN", "CUSTOM_PROVIDER"],
      denyEnv: ["CUSTOM_PROVIDER"],
    });
    expect(run.passed, run.output_tail).toBe(true);
    expect(run.sandbox).toBe(sandbox);
    const names = run.output_tail.split("\n").map((line) => line.split("=")[0]);
    expect(names).toEqual(expect.arrayContaining(["PATH", "HOME", "LANG", "LC_ALL", "JAVA_HOME", "MY_SETTING"]));
    expect(run.output_tail).not.toMatch(/secret|hidden/);
  });

  it("ends a setsid grandchild that outlives its parent, at exit and at the timeout", async () => {
    const exited = await ws.run(setsidWriter("stray-exit.txt"), { timeoutMs: 10_000, sandbox });
    expect(exited.passed, exited.output_tail).toBe(true);
    expect(await growing(path.join(repo.root, "stray-exit.txt"))).toBe(false);

    const started = Date.now();
    const timedOut = await ws.run(`${setsidWriter("stray-timeout.txt")}; sleep 100`, { timeoutMs: 800, sandbox });
    expect(timedOut.timed_out).toBe(true);
    expect(Date.now() - started).toBeLessThan(800 + 2_000 + 2_000);
    expect(await growing(path.join(repo.root, "stray-timeout.txt"))).toBe(false);
  });

  it("leaves the git dir and the bot's state as they were: hook, hooksPath, alias, tag, budget ledger", async () => {
    const config = readFileSync(path.join(repo.root, ".git", "config"), "utf8");
    const run = await ws.run(`${HOSTILE_GIT}; echo done`, { timeoutMs: 10_000, sandbox });
    expect(existsSync(path.join(repo.root, ".git", "hooks", "post-checkout"))).toBe(false);
    expect(readFileSync(path.join(repo.root, ".git", "config"), "utf8")).toBe(config);
    expect(await repo.git("tag", "--list")).toBe("");
    expect(existsSync(path.join(repo.root, ".git", "prd-bot", "budget", "2026-01-01.json"))).toBe(false);
    if (sandbox === "bubblewrap") {
      // Mounted read-only: nothing could be written, so nothing had to be put back.
      expect(run.gitChanges).toBeUndefined();
      expect(run.passed).toBe(true);
    } else {
      expect(run.passed).toBe(false);
      expect(run.gitChanges).toEqual(
        expect.arrayContaining([".git/hooks/post-checkout", ".git/config", ".git/refs/tags/planted", ".git/prd-bot/budget/2026-01-01.json"]),
      );
      expect(run.output_tail).toContain("it was put back");
    }
  });

  it("puts back a state directory inside the checkout named in `protect`", async () => {
    await mkdir(path.join(repo.root, "state", "budget"), { recursive: true });
    await writeFile(path.join(repo.root, "state", "budget", "day.json"), '{"calls":1,"tokens":5}\n');
    const run = await ws.run(`echo '{"calls":-9,"tokens":0}' > state/budget/day.json; echo`, { timeoutMs: 10_000, sandbox, protect: ["state"] });
    expect(readFileSync(path.join(repo.root, "state", "budget", "day.json"), "utf8")).toBe('{"calls":1,"tokens":5}\n');
    if (sandbox === "none") expect(run.gitChanges).toEqual(["state/budget/day.json"]);
    else expect(run.output_tail).toMatch(/Read-only file system/);
  });
});

describe("bubblewrap", () => {
  it("keeps the checkout writable and everything else read-only, with a private /tmp", async () => {
    const leak = `/tmp/prd-bot-leak-${process.pid}`;
    // Beside the checkout is the private /tmp here (the test repos live in /tmp); /var/tmp is the host's.
    const beside = path.join(path.dirname(repo.root), `beside-${process.pid}`);
    const outside = `/var/tmp/prd-bot-outside-${process.pid}`;
    const run = await ws.run(`echo in > inside.txt && echo t > ${leak} && ls ${leak} && echo b > ${beside}; (echo o > ${outside} || echo outside-refused)`, {
      timeoutMs: 10_000,
      sandbox: "bubblewrap",
    });
    expect(run.passed, run.output_tail).toBe(true);
    expect(readFileSync(path.join(repo.root, "inside.txt"), "utf8")).toBe("in\n");
    expect(existsSync(leak)).toBe(false);
    expect(run.output_tail).toContain("outside-refused");
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(beside)).toBe(false);
  });

  it("has no network unless test.network is true", async () => {
    const probe = `node -e "require('net').connect(${port}, '127.0.0.1').on('data', (d) => { console.log('got ' + d); process.exit(0); }).on('error', (e) => { console.log('refused ' + e.code); process.exit(1); })"`;
    const closed = await ws.run(probe, { timeoutMs: 10_000, sandbox: "bubblewrap" });
    expect(closed.passed).toBe(false);
    expect(closed.output_tail).toContain("refused");
    const open = await ws.run(probe, { timeoutMs: 10_000, sandbox: "bubblewrap", network: true });
    expect(open.output_tail).toContain("got hello");
    expect(open.passed).toBe(true);
  });
});
