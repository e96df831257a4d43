// An exclusive lock between processes: a lock file created with O_EXCL. A lock whose file has not been
// touched for `staleMs` belongs to a crashed holder and is taken over; a live holder touches it regularly.
import { link, open, rename, stat, unlink, utimes } from "node:fs/promises";
import os from "node:os";
import { StateConflictError } from "../../ports/state.js";

export interface LockOptions {
  /** Age of the lock file's mtime after which its holder is presumed dead. */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
}

export const DEFAULT_STALE_MS = 30_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 120_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

async function inode(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).ino;
  } catch (error) {
    if (code(error) === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Move a stale lock aside. Two waiters can both see the same stale file; the second would then move the
 * first one's fresh lock, so after the move the inode is compared and a fresh lock is linked back.
 */
async function breakStaleLock(lockPath: string, staleIno: number): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw error;
  }
  if ((await inode(aside)) !== staleIno) {
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/** Wait for the lock at `lockPath`; resolves with the function that releases it. */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      try {
        await handle.writeFile(`pid ${process.pid} on ${os.hostname()} since ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      return holdLock(lockPath, staleMs);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
    const current = await stat(lockPath).catch(() => undefined);
    if (current && Date.now() - current.mtimeMs > staleMs) {
      await breakStaleLock(lockPath, current.ino);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      const since = current ? ` (last touched ${new Date(current.mtimeMs).toISOString()})` : "";
      throw new StateConflictError(
        `could not lock the state directory: ${lockPath} is held by another prd-bot run${since} and was not released ` +
          `within ${timeoutMs} ms. If no prd-bot is running, delete ${lockPath}.`,
      );
    }
    // Backoff with jitter, so twenty waiters do not retry in lockstep.
    await sleep(Math.min(2 ** Math.min(attempt, 6), 50) + Math.random() * 10);
  }
}

async function holdLock(lockPath: string, staleMs: number): Promise<() => Promise<void>> {
  const ours = await inode(lockPath);
  // A long transaction must not look stale to the others.
  const heartbeat = setInterval(() => {
    void (async () => {
      if ((await inode(lockPath)) !== ours) return;
      const now = new Date();
      await utimes(lockPath, now, now);
    })().catch(() => undefined);
  }, Math.max(10, Math.floor(staleMs / 3)));
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    if ((await inode(lockPath)) === ours) await unlink(lockPath).catch(() => undefined);
  };
}
