// Builds a commit on top of HEAD from working-tree files through a temporary index, so the user's index,
// HEAD and checked-out branch never change while the bot prepares a branch.
import { lstat, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execGit } from "./exec-git.js";

export const FALLBACK_IDENTITY = { name: "prd-bot", email: "prd-bot@users.noreply.github.com" };

/** `git check-ref-format --branch` also expands `@{-1}` and friends; only a name that comes back unchanged is a plain branch name. */
export async function validateBranchName(root: string, branch: string): Promise<void> {
  const hint = 'use a plain branch name like "prd-bot/gap-1a2b3c"';
  if (!branch || branch.startsWith("-") || branch.includes("@{")) {
    throw new Error(`invalid branch name "${branch}": ${hint}`);
  }
  const result = await execGit(root, ["check-ref-format", "--branch", branch], { okCodes: [1, 128] });
  if (result.code !== 0 || result.stdout.trim() !== branch) {
    throw new Error(`invalid branch name "${branch}" (git check-ref-format --branch refused it): ${hint}`);
  }
}

async function configValue(root: string, key: string): Promise<string | undefined> {
  const result = await execGit(root, ["config", "--get", key], { okCodes: [1] });
  return result.code === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

/**
 * The repository's configured identity; prd-bot's own where none is configured. GIT_AUTHOR_* /
 * GIT_COMMITTER_* set by the caller's environment still win, as they do for git itself.
 */
export async function identityEnv(root: string, env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string>> {
  const name = (await configValue(root, "user.name")) ?? FALLBACK_IDENTITY.name;
  const email = (await configValue(root, "user.email")) ?? FALLBACK_IDENTITY.email;
  const result: Record<string, string> = {};
  for (const role of ["AUTHOR", "COMMITTER"]) {
    if (!env[`GIT_${role}_NAME`]) result[`GIT_${role}_NAME`] = name;
    if (!env[`GIT_${role}_EMAIL`]) result[`GIT_${role}_EMAIL`] = email;
  }
  return result;
}

export interface CommitRequest {
  root: string;
  branch: string;
  /** Repository-relative posix paths, as they are in the working tree. */
  paths: string[];
  message: string;
  /** The checked-out branch, which must not be moved behind the user's back. */
  currentBranch: string | null;
}

/** A commit of `paths` on top of HEAD through a temporary index: the tree and commit, nothing moved. */
async function commitTree(root: string, paths: string[], message: string): Promise<{ head: string; commit: string }> {
  const head = (await execGit(root, ["rev-parse", "--verify", "HEAD^{commit}"])).stdout.trim();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "prd-bot-index-"));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    await execGit(root, ["update-index", "--add", "-z", "--stdin"], { env, input: paths.map((p) => `${p}\0`).join("") });
    const tree = (await execGit(root, ["write-tree"], { env })).stdout.trim();
    const commitEnv = { ...env, ...(await identityEnv(root)) };
    const commit = (await execGit(root, ["commit-tree", tree, "-p", head, "-F", "-"], { env: commitEnv, input: message })).stdout.trim();
    return { head, commit };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Commit `paths` on the checked-out branch (or detached HEAD): update-ref with the old value, so a moved HEAD fails. */
export async function commitOnHead(root: string, paths: string[], message: string): Promise<string> {
  if (paths.length === 0) throw new Error("commitOnHead: no paths given; nothing to commit");
  if (!message.trim()) throw new Error("commitOnHead: the commit message is empty");
  for (const p of paths) {
    const stat = await lstat(path.join(root, p)).catch(() => undefined);
    if (!stat || stat.isDirectory()) throw new Error(`commitOnHead: "${p}" is not a file in the working tree (${root}); write it first`);
  }
  const { head, commit } = await commitTree(root, paths, message);
  await execGit(root, ["update-ref", "-m", "prd-bot: apply", "HEAD", commit, head]);
  // The index entries of the committed paths now match the new HEAD (the working tree already does).
  await execGit(root, ["update-index", "-z", "--stdin"], { input: paths.map((p) => `${p}\0`).join("") });
  return commit;
}

export async function commitToBranch(request: CommitRequest): Promise<string> {
  const { root, branch, paths, message, currentBranch } = request;
  await validateBranchName(root, branch);
  if (branch === currentBranch) {
    throw new Error(`refusing to commit to "${branch}": it is the checked-out branch; choose another branch name`);
  }
  if (paths.length === 0) throw new Error(`commitToBranch "${branch}": no paths given; nothing to commit`);
  if (!message.trim()) throw new Error(`commitToBranch "${branch}": the commit message is empty`);
  for (const p of paths) {
    // The bot never deletes files, so a missing path is a caller bug, not a deletion to commit.
    const stat = await lstat(path.join(root, p)).catch(() => undefined);
    if (!stat || stat.isDirectory()) {
      throw new Error(`commitToBranch "${branch}": "${p}" is not a file in the working tree (${root}); write it first`);
    }
  }
  const head = (await execGit(root, ["rev-parse", "--verify", "HEAD^{commit}"])).stdout.trim();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "prd-bot-index-"));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    // update-index (unlike add) does not consult .gitignore: the caller chose these paths on purpose.
    await execGit(root, ["update-index", "--add", "-z", "--stdin"], { env, input: paths.map((p) => `${p}\0`).join("") });
    const tree = (await execGit(root, ["write-tree"], { env })).stdout.trim();
    const commitEnv = { ...env, ...(await identityEnv(root)) };
    const commit = (await execGit(root, ["commit-tree", tree, "-p", head, "-F", "-"], { env: commitEnv, input: message })).stdout.trim();
    await execGit(root, ["update-ref", "-m", `prd-bot: commit to ${branch}`, `refs/heads/${branch}`, commit]);
    return commit;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
