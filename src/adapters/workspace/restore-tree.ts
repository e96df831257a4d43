// Puts the working tree back to HEAD after a cycle without touching the user's index or branch:
// untracked files go (ignored ones stay), tracked files come back from HEAD through a temporary index.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execGit, splitNul } from "./exec-git.js";

/** "./a/b/" → "a/b": the form git prints, so prefixes compare as plain strings. */
export function normalizePrefix(prefix: string): string {
  return prefix.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}

export function underAny(file: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => prefix !== "" && (file === prefix || file.startsWith(`${prefix}/`)));
}

/** A literal path as a gitignore pattern anchored at the root (git clean -e takes patterns, not paths). */
export function literalPattern(p: string): string {
  return `/${p.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/ $/, "\\ ")}`;
}

export async function restoreTree(root: string, keep: string[] = []): Promise<void> {
  const kept = keep.map(normalizePrefix).filter((p) => p !== "" && p !== ".");
  if (kept.some((p) => p === ".." || p.startsWith("../") || path.isAbsolute(p))) {
    throw new Error(`restore: keep paths must be relative to the repository root, got ${JSON.stringify(keep)}`);
  }
  // Untracked first: a folder that now stands where a tracked file was must be gone before it comes back.
  // Without -x, ignored files (node_modules, build output) stay.
  await execGit(root, ["clean", "-f", "-d", "-q", ...kept.flatMap((p) => ["-e", literalPattern(p)]), "--"]);

  // diff-index is plumbing: unlike `git diff`/`git status` it never rewrites the index to refresh stat data.
  // Stat-only differences show up too; restoring those rewrites identical content, which is harmless.
  const changed = splitNul(
    (await execGit(root, ["diff-index", "--name-only", "-z", "--no-renames", "--diff-filter=DMT", "HEAD", "--"])).stdout,
  ).filter((file) => !underAny(file, kept));
  if (changed.length === 0) return;

  const tmp = await mkdtemp(path.join(os.tmpdir(), "prd-bot-restore-"));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    await execGit(root, ["checkout-index", "-f", "-z", "--stdin"], { env, input: changed.map((f) => `${f}\0`).join("") });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
