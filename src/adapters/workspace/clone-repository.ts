// A fresh, shallow clone of one branch, for work that has no checkout of its own (the webhook app's in-process
// jobs). The auth header goes through git's GIT_CONFIG_* environment like a push (push-branch.ts), so the token
// is neither in argv nor written into the clone's .git/config; `origin` keeps the plain URL.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { FALLBACK_IDENTITY } from "./commit-to-branch.js";
import { GitError, execGit, redactUrls } from "./exec-git.js";
import { authEnv, type Remote } from "./push-branch.js";

export interface CloneOptions {
  /** Commits of history to fetch (default 1); 0 clones the whole history. */
  depth?: number;
}

/**
 * Clones `branch` of `remote` into `dir` (which must not exist yet, or be empty) and gives the clone a local
 * identity (prd-bot) when git has none, so commits made in it never fail on a server without a global one.
 * A shallow clone pushes new branches fine: their parent commit is already on the remote.
 */
export async function cloneRepository(remote: Remote, branch: string, dir: string, options: CloneOptions = {}): Promise<void> {
  if (!branch || branch.startsWith("-") || /[\s~^:?*[\\]|\.\.|@\{/.test(branch)) {
    throw new Error(`cloneRepository: "${branch}" is not a branch name; pass the repository's default branch, e.g. main`);
  }
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0) throw new Error(`cloneRepository: depth must be a whole number >= 0 (0 = full history), got ${String(options.depth)}`);
  const target = path.resolve(dir);
  await mkdir(path.dirname(target), { recursive: true });
  const shallow = depth > 0 ? ["--depth", String(depth), "--no-tags"] : [];
  const where = `${branch} of ${redactUrls(remote.url)}`;
  try {
    await execGit(path.dirname(target), ["clone", "--quiet", "--single-branch", "--branch", branch, ...shallow, "--", remote.url, target], { env: authEnv(remote) });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const said = redactUrls(error.stderr.trim()) || error.message;
    throw new Error(`cloning ${where} into ${target} failed: ${said}${hintFor(said, branch)}`);
  }
  for (const [key, value] of [["user.name", FALLBACK_IDENTITY.name], ["user.email", FALLBACK_IDENTITY.email]] as const) {
    const set = await execGit(target, ["config", "--get", key], { okCodes: [1] });
    if (set.code !== 0 || set.stdout.trim() === "") await execGit(target, ["config", "--local", key, value]);
  }
}

function hintFor(said: string, branch: string): string {
  if (/Remote branch .* not found/i.test(said)) return ` (the repository has no branch ${branch}: pass its default branch)`;
  if (/Authentication failed|could not read Username|403|401/i.test(said)) return " (the token was refused: check that it may read the repository's contents)";
  if (/already exists and is not an empty directory/i.test(said)) return " (clone into a new or empty folder)";
  return "";
}
