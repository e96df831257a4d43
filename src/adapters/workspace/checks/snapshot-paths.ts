// Snapshot-and-verify for what a check must not change when no sandbox mounts it read-only: the git
// directory's config, hooks, refs, packed-refs, info/ and HEAD, and the bot's own state directory. The
// snapshot is taken before the command, compared after it, and whatever changed is put back; the caller
// names what changed (a test that plants a hook or rewrites a budget ledger is a hostile proposal).
import { lstat, mkdir, readFile, readdir, readlink, rm, symlink, writeFile, chmod } from "node:fs/promises";
import path from "node:path";

type Entry =
  | { type: "file"; mode: number; size: number; mtimeMs: number; ino: number; content?: Buffer }
  | { type: "dir"; mode: number }
  | { type: "symlink"; target: string }
  | { type: "other" };

export interface Snapshot {
  /** The paths the snapshot covers (absolute); each may be a file, a folder (walked) or absent. */
  roots: string[];
  entries: Map<string, Entry>;
}

export interface SnapshotLimits {
  /** Files larger than this are compared by size, mtime and inode only (and cannot be put back). */
  maxFileBytes?: number;
  /** Content kept in memory in all; beyond it, files are compared by stat only. */
  maxTotalBytes?: number;
  /** Absolute paths left out of the snapshot (lock files prd-bot itself holds). */
  ignore?: string[];
}

const DEFAULT_MAX_FILE = 2 * 1024 * 1024;
const DEFAULT_MAX_TOTAL = 32 * 1024 * 1024;
const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

async function walk(roots: string[], limits: SnapshotLimits): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const ignore = new Set(limits.ignore ?? []);
  const maxFile = limits.maxFileBytes ?? DEFAULT_MAX_FILE;
  let budget = limits.maxTotalBytes ?? DEFAULT_MAX_TOTAL;
  const visit = async (p: string): Promise<void> => {
    // Lock files come and go with prd-bot's own writers (the state store's .lock) and git's; none runs code.
    if (ignore.has(p) || entries.has(p) || path.basename(p).endsWith(".lock")) return;
    let info;
    try {
      info = await lstat(p);
    } catch (error) {
      if (code(error) === "ENOENT" || code(error) === "ENOTDIR") return;
      throw error;
    }
    if (info.isSymbolicLink()) {
      entries.set(p, { type: "symlink", target: await readlink(p) });
    } else if (info.isDirectory()) {
      entries.set(p, { type: "dir", mode: info.mode & 0o7777 });
      for (const name of (await readdir(p)).sort()) await visit(path.join(p, name));
    } else if (info.isFile()) {
      const keep = info.size <= maxFile && info.size <= budget;
      const content = keep ? await readFile(p).catch(() => undefined) : undefined;
      if (content) budget -= content.length;
      entries.set(p, { type: "file", mode: info.mode & 0o7777, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, content });
    } else {
      entries.set(p, { type: "other" });
    }
  };
  for (const root of roots) await visit(root);
  return entries;
}

export async function takeSnapshot(roots: string[], limits: SnapshotLimits = {}): Promise<Snapshot> {
  return { roots, entries: await walk(roots, limits) };
}

function same(before: Entry, after: Entry): boolean {
  if (before.type !== after.type) return false;
  if (before.type === "symlink" && after.type === "symlink") return before.target === after.target;
  if (before.type === "dir" && after.type === "dir") return before.mode === after.mode;
  if (before.type === "file" && after.type === "file") {
    if (before.mode !== after.mode || before.size !== after.size) return false;
    if (before.content && after.content) return before.content.equals(after.content);
    return before.mtimeMs === after.mtimeMs && before.ino === after.ino;
  }
  return true;
}

export interface SnapshotDiff {
  /** Absolute paths added, removed or changed, sorted. */
  changed: string[];
  /** Changed paths that could not be put back (too large to keep, or the restore failed). */
  unrestored: string[];
}

/** Compare the disk with `before` and put every difference back. */
export async function restoreSnapshot(before: Snapshot, limits: SnapshotLimits = {}): Promise<SnapshotDiff> {
  const after = await walk(before.roots, limits);
  const changed: string[] = [];
  for (const [p, entry] of after) if (!before.entries.has(p) || !same(before.entries.get(p) as Entry, entry)) changed.push(p);
  for (const p of before.entries.keys()) if (!after.has(p)) changed.push(p);
  if (changed.length === 0) return { changed, unrestored: [] };
  changed.sort();

  const unrestored: string[] = [];
  // Added or retyped paths go first (deepest first), so what was there can come back in their place.
  const removals = changed.filter((p) => after.has(p) && (!before.entries.has(p) || before.entries.get(p)?.type !== after.get(p)?.type));
  for (const p of removals.sort((a, b) => b.length - a.length)) await rm(p, { recursive: true, force: true }).catch(() => unrestored.push(p));
  // Then what was there, parents before children.
  for (const p of changed.filter((p) => before.entries.has(p)).sort((a, b) => a.length - b.length)) {
    const entry = before.entries.get(p) as Entry;
    try {
      if (entry.type === "dir") {
        await mkdir(p, { recursive: true });
        await chmod(p, entry.mode);
      } else if (entry.type === "symlink") {
        await rm(p, { force: true });
        await symlink(entry.target, p);
      } else if (entry.type === "file" && entry.content) {
        await mkdir(path.dirname(p), { recursive: true });
        await rm(p, { force: true, recursive: true });
        await writeFile(p, entry.content, { mode: entry.mode });
        await chmod(p, entry.mode);
      } else {
        unrestored.push(p);
      }
    } catch {
      unrestored.push(p);
    }
  }
  return { changed, unrestored: [...new Set(unrestored)].sort() };
}
