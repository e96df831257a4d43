// One job at a time per repository checkout: a lock file in the git common dir (shared by linked worktrees,
// whose refs are shared too), held for the whole cycle or apply. Built on the state store's lock
// (adapters/state/directory-lock.ts): O_EXCL create, a heartbeat, and a holder that stopped touching it for
// 30 s (a crash) is taken over.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { acquireLock } from "../state/directory-lock.js";
import { StateConflictError } from "../../ports/state.js";
import type { CheckoutLock } from "../../ports/workspace.js";

export const CHECKOUT_LOCK_FILE = "prd-bot-checkout.lock";

export async function lockCheckout(commonDir: string, waitMs: number): Promise<CheckoutLock> {
  const lockPath = path.join(commonDir, CHECKOUT_LOCK_FILE);
  try {
    const release = await acquireLock(lockPath, { timeoutMs: waitMs });
    return { ok: true, release };
  } catch (error) {
    if (!(error instanceof StateConflictError)) throw error;
    const holder = (await readFile(lockPath, "utf8").catch(() => "")).trim();
    return {
      ok: false,
      reason: `another prd-bot job holds this checkout${holder ? ` (${holder})` : ""}; waited ${Math.round(waitMs / 1000)} s (test.lock_wait_seconds). If none is running, delete ${lockPath}`,
    };
  }
}
