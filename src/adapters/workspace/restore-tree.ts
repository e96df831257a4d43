// Puts the working tree back to HEAD after a cycle without touching the user's index or branch:
// untracked files go, tracked files come back from HEAD through a temporary index, and ignored files
// (node_modules, build output) the cycle created or the bot wrote are removed or put back; ignored files
// that were there before stay.
import { lstat, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { RestoreOptions } from "../../ports/workspace.js";
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

/** Every ignored file in the working tree, one entry per file (inside ignored folders too). */
export async function listIgnoredFiles(root: string): Promise<string[]> {
  return splitNul((await execGit(root, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard"])).stdout);
}

export async function restoreTree(root: string, keep: string[] = [], options: RestoreOptions = {}): Promise<void> {
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
  if (changed.length > 0) await checkoutFromHead(root, changed);
  await restoreIgnored(root, kept, options);
}

async function restoreIgnored(root: string, kept: string[], options: RestoreOptions): Promise<void> {
  if (options.ignoredBefore !== undefined) {
    const before = new Set(options.ignoredBefore);
    const created = (await listIgnoredFiles(root)).filter((file) => !before.has(file) && !underAny(file, kept));
    await Promise.all(created.map((file) => rm(path.join(root, file), { force: true })));
  }
  const written = (options.written ?? []).filter((file) => !underAny(normalizePrefix(file.path), kept));
  if (written.length === 0) return;
  // Tracked and plain untracked files are already back; what remains of the bot's writes is ignored files.
  const tracked = new Set(splitNul((await execGit(root, ["ls-files", "-z", "--", ...written.map((file) => literalPathspec(file.path))])).stdout));
  for (const file of written) {
    if (tracked.has(normalizePrefix(file.path))) continue;
    const target = path.join(root, file.path);
    // The test run may have swapped a folder for a symlink since the write: never follow one out.
    const folder = await realpath(path.dirname(target)).catch(() => undefined);
    if (folder === undefined || (folder !== root && !folder.startsWith(`${root}${path.sep}`))) continue;
    if ((await lstat(target).catch(() => undefined))?.isSymbolicLink() || file.before === undefined) await rm(target, { force: true });
    if (file.before !== undefined) await writeFile(target, file.before, "utf8");
  }
}

function literalPathspec(p: string): string {
  return `:(literal)${normalizePrefix(p)}`;
}

async function checkoutFromHead(root: string, changed: string[]): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "prd-bot-restore-"));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    await execGit(root, ["checkout-index", "-f", "-z", "--stdin"], { env, input: changed.map((f) => `${f}\0`).join("") });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
