// The StateStore port on a local directory (the CLI's `.git/prd-bot/` by default). A transaction holds an
// exclusive lock file, buffers its writes, then writes each file atomically (temp file + rename).
import { randomBytes } from "node:crypto";
import { appendFile, mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StateStore, StateTx } from "../../ports/state.js";
import { acquireLock, type LockOptions } from "./directory-lock.js";

export interface DirectoryStoreOptions {
  /** A lock untouched this long belongs to a crashed run and is taken over (default 30 s). */
  staleLockMs?: number;
  /** Give up waiting for the lock after this long (default 120 s). */
  lockTimeoutMs?: number;
}

const LOCK_FILE = ".lock";
const EXAMPLE = 'like "cycles/<cycle-id>.json" or "events.jsonl"';

/** Store paths are relative, posix, without "." / ".." segments; names starting with "." are the store's own. */
export function validateStatePath(p: string, what = "state path"): string {
  const bad = (why: string) => new Error(`${what} "${p}" ${why}; use a relative path ${EXAMPLE}`);
  if (typeof p !== "string" || p.length === 0) throw bad("is empty");
  if (p.includes("\0")) throw bad("contains a NUL byte");
  if (p.includes("\\")) throw bad("contains a backslash");
  if (path.posix.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) throw bad("is absolute");
  for (const segment of p.split("/")) {
    if (segment === "" || segment === "." || segment === "..") throw bad(`has an empty, "." or ".." segment`);
    if (segment.startsWith(".")) throw bad("has a segment starting with \".\" (reserved for the store's lock and temp files)");
  }
  return p;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function readOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    if (errorCode(error) === "EISDIR") throw new Error(`state file ${file} is a directory; remove or rename it`);
    throw error;
  }
}

/** Lines appended after `base`, starting on a fresh line even if `base` lacks its final newline. */
function withAppends(base: string | undefined, lines: string[]): string {
  const head = base ?? "";
  if (lines.length === 0) return head;
  const separator = head.length > 0 && !head.endsWith("\n") ? "\n" : "";
  return head + separator + lines.map((line) => `${line}\n`).join("");
}

async function endsWithoutNewline(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  });
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // The temp file sits next to the target so rename stays on one filesystem (atomic); its leading dot
  // keeps it out of list().
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await writeFile(temp, content, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

interface Pending {
  /** Whole new content, when the transaction wrote the file. */
  content?: string;
  appends: string[];
}

export function createDirectoryStore(dir: string, options: DirectoryStoreOptions = {}): StateStore {
  const root = path.resolve(dir);
  const lockOptions: LockOptions = { staleMs: options.staleLockMs, timeoutMs: options.lockTimeoutMs };
  const fileOf = (p: string) => path.join(root, ...validateStatePath(p).split("/"));

  async function commit(pending: Map<string, Pending>): Promise<void> {
    for (const [p, change] of pending) {
      const file = fileOf(p);
      if (change.content !== undefined) {
        await writeAtomically(file, withAppends(change.content, change.appends));
      } else if (change.appends.length > 0) {
        await mkdir(path.dirname(file), { recursive: true });
        const separator = (await endsWithoutNewline(file)) ? "\n" : "";
        // One write call per file: a reader sees the lines of a transaction together.
        await appendFile(file, separator + change.appends.map((line) => `${line}\n`).join(""), "utf8");
      }
    }
  }

  return {
    description: `directory ${root}`,

    read: async (p: string) => readOrUndefined(fileOf(p)),

    async list(sub: string): Promise<string[]> {
      const prefix = sub === "" || sub === "." ? "" : validateStatePath(sub.replace(/\/+$/, ""), "state folder");
      let entries;
      try {
        entries = await readdir(prefix ? fileOf(prefix) : root, { withFileTypes: true });
      } catch (error) {
        if (errorCode(error) === "ENOENT") return [];
        throw error;
      }
      return entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
        .map((entry) => (prefix ? `${prefix}/${entry.name}` : entry.name))
        .sort();
    },

    async transact<T>(fn: (tx: StateTx) => Promise<T>): Promise<T> {
      await mkdir(root, { recursive: true });
      const release = await acquireLock(path.join(root, LOCK_FILE), lockOptions);
      let open = true;
      try {
        const pending = new Map<string, Pending>();
        const change = (p: string): Pending => {
          if (!open) throw new Error(`state transaction on ${root} already finished; write only inside transact()`);
          validateStatePath(p);
          const existing = pending.get(p);
          if (existing) return existing;
          const fresh: Pending = { appends: [] };
          pending.set(p, fresh);
          return fresh;
        };
        const tx: StateTx = {
          async read(p: string) {
            const state = pending.get(validateStatePath(p));
            if (state?.content !== undefined) return withAppends(state.content, state.appends);
            const base = await readOrUndefined(fileOf(p));
            return state && state.appends.length > 0 ? withAppends(base, state.appends) : base;
          },
          write(p: string, content: string) {
            if (typeof content !== "string") throw new Error(`state write to "${p}": content must be a string`);
            const state = change(p);
            state.content = content;
            state.appends = [];
          },
          append(p: string, line: string) {
            if (/[\r\n]/.test(line)) {
              throw new Error(`state append to "${p}": the line contains a line break; JSONL lines must be single-line (JSON.stringify without indentation)`);
            }
            change(p).appends.push(line);
          },
        };
        const result = await fn(tx);
        open = false;
        await commit(pending);
        return result;
      } finally {
        open = false;
        await release();
      }
    },
  };
}
