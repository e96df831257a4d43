// Shared by the GitHub and Gitea forge adapter tests: a repository whose bare remote the test forge serves,
// with a `feature/x` branch that changes one file and adds another, and fast timings for retries.
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { ForgeTiming } from "../../src/adapters/forge/forge-octokit.js";
import type { ForgeServer } from "./forge/index.js";
import type { TestRepo } from "./git-repo.js";
import { makeRepo, runGit } from "./git-repo.js";

/** Retries and rate-limit waits in milliseconds instead of seconds; writes unpaced. */
export const FAST: ForgeTiming = { retryBaseMs: 2, rateLimitMsPerSecond: 20, writeIntervalMs: 0, requestTimeoutMs: 5_000 };

export interface ForgeTestRepo extends TestRepo {
  remote: string;
  featureSha: string;
  mainSha: string;
}

export async function makeForgeTestRepo(): Promise<ForgeTestRepo> {
  const repo = await makeRepo({ "README.md": "hello\n", "src/app.ts": "export const a = 1;\n", "docs/prd.md": "# PRD\n" }, { withRemote: true });
  await repo.git("checkout", "-q", "-b", "feature/x");
  await appendFile(path.join(repo.root, "src/app.ts"), "export const b = 2;\n");
  await writeFile(path.join(repo.root, "src/b.test.ts"), "// b\n");
  await repo.git("add", "-A");
  await repo.git("commit", "-q", "-m", "add b");
  await repo.git("push", "-q", "origin", "feature/x");
  await repo.git("checkout", "-q", "main");
  return { ...repo, remote: repo.remote as string, featureSha: await repo.git("rev-parse", "feature/x"), mainSha: await repo.git("rev-parse", "main") };
}

/** Puts a commit on `branch` of the bare remote from another clone, as a concurrent writer would. */
export async function advanceRemoteBranch(remote: string, branch: string): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "prd-bot-other-writer-"));
  try {
    const clone = path.join(scratch, "clone");
    await runGit(scratch, ["clone", "-q", "--branch", branch, remote, clone]);
    await writeFile(path.join(clone, "other.txt"), "someone else was here\n");
    await runGit(clone, ["add", "other.txt"]);
    await runGit(clone, ["-c", "user.name=Other", "-c", "user.email=other@example.com", "commit", "-q", "-m", "concurrent change"]);
    await runGit(clone, ["push", "-q", "origin", branch]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Every test ends here: nothing the real forge would refuse, nothing nobody expected. */
export function expectClean(server: ForgeServer): void {
  expect(server.violations).toEqual([]);
  expect(server.unexpected).toEqual([]);
}

/** Requests the server recorded for one operation template, e.g. "/repos/{owner}/{repo}". */
export function requestsTo(server: ForgeServer, method: string, template: string) {
  return server.requests.filter((r) => r.method === method && r.template === template);
}

export function warnings(): { lines: string[]; log: { warn(message: string): void } } {
  const lines: string[] = [];
  return { lines, log: { warn: (message: string) => lines.push(message) } };
}
