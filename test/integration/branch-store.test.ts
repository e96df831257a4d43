// The state-branch store against real bare repositories in temp folders (and, for credentials,
// a real HTTP server on 127.0.0.1). No network beyond loopback.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile, chmod } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createBranchStore } from "../../src/adapters/state/branch-store.js";
import { BranchStoreError } from "../../src/adapters/state/branch-store-error.js";
import { StateConflictError } from "../../src/ports/state.js";
import { runGitHttpBackend } from "../support/forge/git-http-backend.js";

const run = promisify(execFile);
const BRANCH = "prd-bot/state";
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "prd-bot-branch-store-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** git with a clean environment, so the test's own checks never depend on the caller's GIT_* vars. */
function git(cwd: string, ...args: string[]): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_")));
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
  }).trim();
}

async function bareRemote(root: string): Promise<string> {
  const remote = join(root, "remote.git");
  git(root, "init", "--quiet", "--bare", remote);
  return remote;
}

/** A user's checkout with one commit on main, pushed to the bare remote. */
async function userCheckout(root: string, remote: string): Promise<string> {
  const checkout = join(root, "checkout");
  git(root, "init", "--quiet", "-b", "main", checkout);
  await writeFile(join(checkout, "PRD.md"), "# PRD\n- [bot-eligible] add a parser\n");
  git(checkout, "add", "PRD.md");
  git(checkout, "commit", "--quiet", "-m", "initial");
  git(checkout, "remote", "add", "origin", remote);
  git(checkout, "push", "--quiet", "origin", "main");
  return checkout;
}

/** Smart HTTP in front of a bare repository that demands one token, and optionally refuses pushes (403). */
async function httpRemote(bare: string, token: string, options: { denyPush?: boolean } = {}): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const service = url.searchParams.get("service") ?? url.pathname.split("/").pop() ?? "";
    requests.push(`${request.method} ${service} ${request.headers.authorization === expected ? "authorized" : "anonymous"}`);
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="test"' }).end();
    } else if (options.denyPush && service === "git-receive-pack") {
      response.writeHead(403, { "content-type": "text/plain" }).end("Permission to owner/repo.git denied to bot.\n");
    } else {
      void runGitHttpBackend(request, response, {
        route: { bareRepoPath: bare },
        pathInfo: url.pathname.replace(/^\/owner\/repo\.git/, ""),
        query: url.search.slice(1),
        remoteUser: "bot",
        hooksPath: undefined,
      });
    }
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  cleanups.push(() => new Promise((done) => server.close(() => done())));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://x-access-token:${token}@127.0.0.1:${port}/owner/repo.git`, requests };
}

describe("branch store", () => {
  it("reads an absent branch as an empty store and does not create it", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const store = createBranchStore({ remoteUrl: remote, workDir: join(root, "work") });
    expect(await store.read("cycles/a.json")).toBeUndefined();
    expect(await store.list("cycles")).toEqual([]);
    expect(await store.transact(async (tx) => (await tx.read("budget/2026-11-21.json")) ?? "none")).toBe("none");
    expect(git(remote, "for-each-ref")).toBe("");
    expect(store.description).toContain(`"${BRANCH}"`);
  });

  it("round-trips writes and appends, lists direct files sorted, and names paths in the commit", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const store = createBranchStore({ remoteUrl: remote, workDir: join(root, "work") });
    const seen = await store.transact(async (tx) => {
      tx.write("cycles/b.json", '{"cycle_id":"b"}');
      tx.write("cycles/a.json", '{"cycle_id":"a"}');
      tx.write("cycles/deeper/x.json", "{}");
      tx.write("budget/2026-11-21.json", '{"calls":1}');
      tx.append("events.jsonl", '{"n":1}');
      tx.append("events.jsonl", '{"n":2}');
      tx.write("odd names/a \"quoted\" é*.json", "odd");
      return tx.read("events.jsonl");
    });
    expect(seen).toBe('{"n":1}\n{"n":2}\n');
    expect(await store.read('odd names/a "quoted" é*.json')).toBe("odd");
    expect(await store.read("odd names/a \"quoted\" é?.json")).toBeUndefined();
    expect(await store.list("odd names")).toEqual(['odd names/a "quoted" é*.json']);
    expect(await store.read("cycles")).toBeUndefined();
    expect(await store.read("cycles/a.json")).toBe('{"cycle_id":"a"}');
    expect(await store.list("cycles")).toEqual(["cycles/a.json", "cycles/b.json"]);
    expect(await store.list("cycles/")).toEqual(["cycles/a.json", "cycles/b.json"]);
    expect(await store.list("")).toEqual(["events.jsonl"]);
    expect(await store.list("nothing-here")).toEqual([]);

    // A second store with its own scratch directory sees the same records.
    const other = createBranchStore({ remoteUrl: remote, workDir: join(root, "work2") });
    await other.transact(async (tx) => tx.append("events.jsonl", '{"n":3}'));
    expect(await other.read("events.jsonl")).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    expect(await other.read("budget/2026-11-21.json")).toBe('{"calls":1}');

    const subjects = git(remote, "log", "--format=%s|%an|%ae", BRANCH).split("\n");
    expect(subjects).toEqual([
      "prd-bot state: events.jsonl|prd-bot|prd-bot@users.noreply.github.com",
      "prd-bot state: budget/2026-11-21.json, cycles/a.json, cycles/b.json, cycles/deeper/x.json and 2 more|prd-bot|prd-bot@users.noreply.github.com",
    ]);
  });

  it("keeps the branch an orphan and leaves the user's checkout untouched, even with GIT_DIR pointing at it", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const checkout = await userCheckout(root, remote);
    const snapshot = async (): Promise<string> =>
      [
        git(checkout, "rev-parse", "HEAD"),
        git(checkout, "status", "--porcelain", "--untracked-files=all"),
        git(checkout, "for-each-ref"),
        git(checkout, "config", "--local", "--list"),
        createHash("sha256").update(await readFile(join(checkout, ".git", "index"))).digest("hex"),
      ].join("\n---\n");
    const before = await snapshot();

    const saved = { dir: process.env.GIT_DIR, index: process.env.GIT_INDEX_FILE };
    process.env.GIT_DIR = join(checkout, ".git");
    process.env.GIT_INDEX_FILE = join(checkout, ".git", "index");
    try {
      const store = createBranchStore({ remoteUrl: remote, workDir: join(root, "work"), readCacheMs: 0 });
      await store.transact(async (tx) => tx.write("cycles/one.json", "{}"));
      await store.transact(async (tx) => tx.append("events.jsonl", "{}"));
      expect(await store.list("cycles")).toEqual(["cycles/one.json"]);
    } finally {
      if (saved.dir === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved.dir;
      if (saved.index === undefined) delete process.env.GIT_INDEX_FILE;
      else process.env.GIT_INDEX_FILE = saved.index;
    }

    expect(await snapshot()).toBe(before);
    const roots = git(remote, "rev-list", "--max-parents=0", BRANCH).split("\n");
    expect(roots).toHaveLength(1);
    expect(git(remote, "rev-list", "--count", BRANCH)).toBe("2");
    expect(() => git(remote, "merge-base", "main", BRANCH)).toThrow();
    expect(git(remote, "ls-tree", "-r", "--name-only", BRANCH).split("\n")).toEqual(["cycles/one.json", "events.jsonl"]);
    expect(git(remote, "rev-parse", "main")).toBe(git(checkout, "rev-parse", "HEAD"));
  });

  it("re-runs fn on a fresh tip when another writer got there first, re-appending onto its content", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const mine = createBranchStore({ remoteUrl: remote, workDir: join(root, "mine") });
    const theirs = createBranchStore({ remoteUrl: remote, workDir: join(root, "theirs") });
    await mine.transact(async (tx) => tx.write("budget/d.json", '{"calls":0}'));

    let runs = 0;
    const result = await mine.transact(async (tx) => {
      runs++;
      const calls = (JSON.parse((await tx.read("budget/d.json")) ?? "{}") as { calls: number }).calls;
      if (runs === 1) {
        await theirs.transact(async (other) => {
          other.append("events.jsonl", '"theirs"');
          other.write("budget/d.json", '{"calls":5}');
        });
      }
      tx.append("events.jsonl", '"mine"');
      tx.write("budget/d.json", JSON.stringify({ calls: calls + 1 }));
      return calls;
    });
    expect(runs).toBe(2);
    expect(result).toBe(5);
    // `mine` remembers the tip it pushed; a fresh reader fetches it.
    expect(await mine.read("events.jsonl")).toBe('"theirs"\n"mine"\n');
    const reader = createBranchStore({ remoteUrl: remote, workDir: join(root, "reader") });
    expect(await reader.read("events.jsonl")).toBe('"theirs"\n"mine"\n');
    expect(await reader.read("budget/d.json")).toBe('{"calls":6}');
  });

  it("lands every one of several concurrent transactions of one store", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const store = createBranchStore({ remoteUrl: remote, workDir: join(root, "work") });
    await Promise.all(Array.from({ length: 6 }, (_, index) => store.transact(async (tx) => tx.append("events.jsonl", JSON.stringify({ index })))));
    const lines = ((await store.read("events.jsonl")) ?? "").trimEnd().split("\n");
    expect([...lines].sort()).toEqual(Array.from({ length: 6 }, (_, index) => JSON.stringify({ index })).sort());
    expect(git(remote, "rev-list", "--count", BRANCH)).toBe("6");
    // Scratch refs that fast-import needed are gone once their commits were pushed.
    expect(git(join(root, "work", "state.git"), "for-each-ref", "--format=%(refname)")).toBe(`refs/remotes/state/${BRANCH}`);
  });

  it("gives up with StateConflictError after maxRetries lost races, writing nothing of its own", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const mine = createBranchStore({ remoteUrl: remote, workDir: join(root, "mine"), maxRetries: 2 });
    const theirs = createBranchStore({ remoteUrl: remote, workDir: join(root, "theirs") });
    let runs = 0;
    const attempt = mine.transact(async (tx) => {
      runs++;
      await theirs.transact(async (other) => other.append("events.jsonl", `"theirs ${runs}"`));
      tx.append("events.jsonl", '"mine"');
    });
    await expect(attempt).rejects.toBeInstanceOf(StateConflictError);
    await expect(attempt).rejects.toThrow(/prd-bot\/state.*3 times in a row.*maxRetries \(now 2\)/s);
    expect(runs).toBe(3);
    expect(await theirs.read("events.jsonl")).toBe('"theirs 1"\n"theirs 2"\n"theirs 3"\n');
  });

  it("fails at once with the remote's message when a hook refuses the push", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const counter = join(root, "hook-calls");
    await writeFile(join(remote, "hooks", "pre-receive"), `#!/bin/sh\necho call >> "${counter}"\necho "state writes are frozen by policy" >&2\nexit 1\n`);
    await chmod(join(remote, "hooks", "pre-receive"), 0o755);
    const store = createBranchStore({ remoteUrl: remote, workDir: join(root, "work") });
    let runs = 0;
    const attempt = store.transact(async (tx) => {
      runs++;
      tx.write("cycles/x.json", "{}");
    });
    await expect(attempt).rejects.toBeInstanceOf(BranchStoreError);
    await expect(attempt).rejects.toThrow(/refused the push to state branch "prd-bot\/state".*pre-receive hook declined.*state writes are frozen by policy.*not retried/s);
    expect(runs).toBe(1);
    expect((await readFile(counter, "utf8")).trim().split("\n")).toHaveLength(1);
    expect(git(remote, "for-each-ref")).toBe("");
  });

  it("works over smart HTTP with the credential in the URL, and fails at once when pushing is forbidden", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const token = "ghs_httpTOKEN0987654321";
    const allowed = await httpRemote(remote, token);
    const store = createBranchStore({ remoteUrl: allowed.url, workDir: join(root, "work") });
    await store.transact(async (tx) => tx.write("cycles/http.json", "{}"));
    expect(await store.read("cycles/http.json")).toBe("{}");
    expect(git(remote, "ls-tree", "--name-only", "-r", BRANCH)).toBe("cycles/http.json");
    expect(allowed.requests).toContain("POST git-receive-pack authorized");

    const denied = await httpRemote(remote, token, { denyPush: true });
    const blocked = createBranchStore({ remoteUrl: denied.url, workDir: join(root, "work2") });
    let runs = 0;
    const failure = await blocked
      .transact(async (tx) => {
        runs++;
        tx.append("events.jsonl", "{}");
      })
      .then(() => undefined, (error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(BranchStoreError);
    expect(failure?.message).toMatch(/refused the push to state branch "prd-bot\/state" of http:\/\/\*\*\*@127\.0\.0\.1:\d+\/owner\/repo\.git .*403/s);
    expect(failure?.message).not.toContain(token);
    expect(runs).toBe(1);
    expect(denied.requests.filter((line) => line.includes("receive-pack") && line.endsWith("authorized")).length).toBeGreaterThan(0);
    expect(git(remote, "ls-tree", "--name-only", "-r", BRANCH)).toBe("cycles/http.json");
  });

  it("reports an unreachable or unauthorized remote clearly, with the credential redacted", async () => {
    const root = await tempDir();
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url} auth=${request.headers.authorization ? "yes" : "no"}`);
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="test"' }).end("no");
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    cleanups.push(() => new Promise((done) => server.close(() => done())));
    const port = (server.address() as AddressInfo).port;
    const token = "ghs_s3cretTOKENvalue123";
    const store = createBranchStore({ remoteUrl: `http://x-access-token:${token}@127.0.0.1:${port}/owner/repo.git`, workDir: join(root, "work") });

    const failure = await store.read("cycles/a.json").then(() => undefined, (error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(BranchStoreError);
    expect(failure?.message).toMatch(/Could not fetch state branch "prd-bot\/state" of http:\/\/\*\*\*@127\.0\.0\.1:\d+\/owner\/repo\.git/);
    expect(failure?.message).toMatch(/Authentication failed|401/);
    expect(failure?.message).not.toContain(token);
    expect(store.description).not.toContain(token);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.some((line) => line.includes("auth=yes"))).toBe(true);
    // The scratch repository does not keep the URL (it is passed through the environment).
    expect(await readFile(join(root, "work", "state.git", "config"), "utf8")).not.toContain(token);

    const missing = createBranchStore({ remoteUrl: join(root, "no-such-repo.git"), workDir: join(root, "work2") });
    await expect(missing.list("cycles")).rejects.toThrow(/Could not fetch state branch "prd-bot\/state" of .*no-such-repo\.git.*Check the remote URL/s);
  });

  it("rejects bad paths and late writes, commits nothing when fn throws or changes nothing", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const store = createBranchStore({ remoteUrl: remote, workDir: join(root, "work") });
    await store.transact(async (tx) => tx.write("cycles/a.json", "{}"));
    const head = (): string => git(remote, "rev-parse", BRANCH);
    const first = head();

    await expect(store.transact(async (tx) => tx.write("../escape.json", "{}"))).rejects.toThrow(/Invalid state path "\.\.\/escape\.json"/);
    await expect(store.transact(async (tx) => tx.write("/abs.json", "{}"))).rejects.toThrow(/absolute/);
    await expect(store.transact(async (tx) => tx.append("events.jsonl", "a\nb"))).rejects.toThrow(/line break/);
    await expect(store.list("../up")).rejects.toThrow(/Invalid state directory/);
    await expect(
      store.transact(async (tx) => {
        tx.write("cycles/b.json", "{}");
        throw new Error("model exploded");
      }),
    ).rejects.toThrow("model exploded");
    let leaked: ((path: string) => void) | undefined;
    await store.transact(async (tx) => {
      leaked = (path) => tx.write(path, "{}");
    });
    expect(() => leaked?.("cycles/late.json")).toThrow(/after the transaction finished/);
    expect(await store.transact(async (tx) => tx.write("cycles/a.json", "{}"))).toBeUndefined();
    expect(head()).toBe(first);

    // A record path that would turn an existing directory into a file is refused, not silently merged.
    await expect(store.transact(async (tx) => tx.write("cycles", "{}"))).rejects.toThrow(/Cannot write cycles .*cycles is a directory on the state branch/);
    expect(head()).toBe(first);
    expect(() => createBranchStore({ remoteUrl: "", workDir: root })).toThrow(/remoteUrl is empty/);
    const badBranch = createBranchStore({ remoteUrl: remote, workDir: join(root, "work3"), branch: "bad..name" });
    await expect(badBranch.read("x.json")).rejects.toThrow(/Invalid state branch name "bad\.\.name"/);
  });

  it("keeps every event and never over-grants the budget with 12 writer processes", async () => {
    const root = await tempDir();
    const remote = await bareRemote(root);
    const workers = 12;
    const events = 2;
    const budgetTries = 1;
    const limit = 7;
    const started = Date.now();
    const outputs = await Promise.all(
      Array.from({ length: workers }, (_, index) =>
        run(
          process.execPath,
          [
            "--import",
            "tsx",
            join("test", "support", "branch-store-worker.ts"),
            JSON.stringify({ remote, workDir: join(root, `w${index}`), id: `w${index}`, events, budgetTries, day: "2026-11-21", limit }),
          ],
          { cwd: process.cwd(), timeout: 25_000 },
        ),
      ),
    );
    const elapsed = Date.now() - started;
    const reports = outputs.map(
      (output) => JSON.parse(output.stdout) as { id: string; grants: number; refusals: number; runs: number; startedAt: number; finishedAt: number },
    );
    const grants = reports.reduce((sum, report) => sum + report.grants, 0);

    const reader = createBranchStore({ remoteUrl: remote, workDir: join(root, "reader") });
    const eventLines = ((await reader.read("events.jsonl")) ?? "").trimEnd().split("\n");
    const expected = reports.flatMap((report) => Array.from({ length: events }, (_, seq) => JSON.stringify({ type: "event", worker: report.id, seq })));
    expect([...eventLines].sort()).toEqual([...expected].sort());

    const ledger = JSON.parse((await reader.read("budget/2026-11-21.json")) ?? "{}") as { calls: number; grants: string[] };
    expect(grants).toBe(limit); // 12 tries for 7 calls: exactly 7 granted, 5 refused
    expect(ledger.calls).toBe(grants);
    expect(new Set(ledger.grants).size).toBe(ledger.calls);
    const applyLines = ((await reader.read("auto_apply.jsonl")) ?? "").trimEnd().split("\n");
    expect(applyLines).toHaveLength(workers * budgetTries);
    expect(applyLines.filter((line) => line.includes('"granted":true'))).toHaveLength(limit);
    expect(Number(git(remote, "rev-list", "--count", BRANCH))).toBe(workers * (events + budgetTries));
    const runs = reports.reduce((sum, report) => sum + report.runs, 0);
    const writing = Math.max(...reports.map((report) => report.finishedAt)) - Math.min(...reports.map((report) => report.startedAt));
    console.log(
      `branch store: ${workers} processes, ${workers * (events + budgetTries)} commits, ${runs} attempts (max ${Math.max(...reports.map((report) => report.runs))} in one process), ${writing} ms writing, ${elapsed} ms with process start-up`,
    );
  });
});
