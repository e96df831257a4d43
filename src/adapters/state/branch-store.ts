// StateStore on an orphan branch (default prd-bot/state) of the repository itself, so records
// survive ephemeral runners and work the same on GitHub and Gitea. Writes are compare-and-swap:
// commit on the tip we fetched, push without force, and on a lost race fetch and run fn again.
import { isAbsolute, resolve } from "node:path";
import { StateConflictError, type StateStore, type StateTx } from "../../ports/state.js";
import { BranchStoreError } from "./branch-store-error.js";
import { BufferedTx } from "./buffered-tx.js";
import { createRedactor } from "./redact-credentials.js";
import { openScratchRepo } from "./scratch-repo.js";
import { directoryPrefix, stateCommitMessage } from "./state-path.js";

export interface BranchStoreOptions {
  /** A bare repository path or a URL, possibly with credentials (never logged: always redacted). */
  remoteUrl: string;
  /** Default "prd-bot/state". */
  branch?: string;
  /** A private scratch directory the store owns (one store per directory). */
  workDir: string;
  /** Retries after a lost race before StateConflictError. Default 20. */
  maxRetries?: number;
  /** Default prd-bot <prd-bot@users.noreply.github.com>. */
  author?: { name: string; email: string };
  /** How long read/list may reuse a fetched tip. Default 1000 ms; transact always fetches. */
  readCacheMs?: number;
}

export const DEFAULT_STATE_BRANCH = "prd-bot/state";
const DEFAULT_AUTHOR = { name: "prd-bot", email: "prd-bot@users.noreply.github.com" };

export function createBranchStore(options: BranchStoreOptions): StateStore {
  if (typeof options.remoteUrl !== "string" || options.remoteUrl.trim() === "") {
    throw new Error("createBranchStore: remoteUrl is empty; pass the repository's clone URL or the path of a bare repository");
  }
  if (typeof options.workDir !== "string" || options.workDir.trim() === "") {
    throw new Error("createBranchStore: workDir is empty; pass a private scratch directory the store may own");
  }
  const maxRetries = options.maxRetries ?? 20;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new Error(`createBranchStore: maxRetries must be a whole number >= 0, got ${String(options.maxRetries)}`);
  }
  const author = options.author ?? DEFAULT_AUTHOR;
  if (![author.name, author.email].every((part) => typeof part === "string" && part.trim() !== "" && !/[<>\n\r]/.test(part))) {
    throw new Error("createBranchStore: author needs a non-empty name and email without <, > or line breaks");
  }
  const branch = options.branch ?? DEFAULT_STATE_BRANCH;
  const redact = createRedactor(options.remoteUrl);
  const remoteUrl = isUrlLike(options.remoteUrl) ? options.remoteUrl : resolve(options.remoteUrl);
  const where = `state branch "${branch}" of ${redact(remoteUrl)}`;
  const repo = openScratchRepo({
    remoteUrl,
    branch,
    workDir: isAbsolute(options.workDir) ? options.workDir : resolve(options.workDir),
    author,
    redact,
    where,
  });
  const readCacheMs = options.readCacheMs ?? 1000;

  // Fetches run one at a time: they all update the same tracking ref in the scratch repository.
  let fetchQueue: Promise<unknown> = Promise.resolve();
  let cached: { tip: string | undefined; at: number } | undefined;
  const remember = (tip: string | undefined, at: number): void => {
    if (cached === undefined || at >= cached.at) cached = { tip, at };
  };
  const fetchFresh = (): Promise<string | undefined> => {
    const run = fetchQueue.then(async () => {
      const at = Date.now();
      const tip = await repo.fetchTip();
      remember(tip, at);
      return tip;
    });
    fetchQueue = run.catch(() => undefined);
    return run;
  };
  const tipForReading = (): Promise<string | undefined> =>
    cached !== undefined && Date.now() - cached.at < readCacheMs ? Promise.resolve(cached.tip) : fetchFresh();

  return {
    description: where,

    async read(path) {
      const tx = new BufferedTx(async (p) => {
        const tip = await tipForReading();
        return tip === undefined ? undefined : repo.readFile(tip, p);
      });
      return tx.read(path);
    },

    async list(dir) {
      const prefix = directoryPrefix(dir);
      const tip = await tipForReading();
      return tip === undefined ? [] : repo.listFiles(tip, prefix);
    },

    async transact<T>(fn: (tx: StateTx) => Promise<T>): Promise<T> {
      let lastReason = "";
      for (let attempt = 0; ; attempt++) {
        const attemptStarted = Date.now();
        const tip = await fetchFresh();
        const tx = new BufferedTx((path) => (tip === undefined ? Promise.resolve(undefined) : repo.readFile(tip, path)));
        let result: T;
        try {
          result = await fn(tx);
        } finally {
          tx.close();
        }
        const files = await tx.changedFiles();
        if (files.size === 0) return result;
        const commit = await repo.commitFiles(tip, files, stateCommitMessage([...files.keys()]));
        if (commit === undefined) return result;
        const pushed = await repo.push(commit);
        if (pushed === "ok") {
          remember(commit, Date.now());
          return result;
        }
        if (pushed.kind === "refused") {
          throw new BranchStoreError(
            `The remote refused the push to ${where} (${pushed.reason}). This is not a conflict, so it was not retried: check the token's write permission, branch protection rules and server hooks for this branch.`,
            branch,
          );
        }
        lastReason = pushed.reason;
        if (attempt >= maxRetries) {
          throw new StateConflictError(
            `Could not write ${[...files.keys()].join(", ")} to ${where}: other writers moved the branch ${attempt + 1} times in a row (last: ${lastReason}). Try again later, or raise maxRetries (now ${maxRetries}).`,
          );
        }
        await sleep(backoffMs(attempt, Date.now() - attemptStarted));
      }
    },
  };
}

/**
 * Exponential backoff with full jitter (random in [0, min(cap, unit * 2^attempt)]) spreads writers
 * that collided. The unit is how long one attempt took, so a slow remote or a busy machine gets
 * proportionally longer pauses instead of a storm of doomed attempts.
 */
export function backoffMs(attempt: number, attemptMs: number, random: () => number = Math.random): number {
  const unit = Math.min(Math.max(attemptMs, 20), 2000);
  return random() * Math.min(Math.max(1000, unit * 8), unit * 2 ** attempt);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** URLs and scp-like `user@host:path` stay as they are; anything else is a local path. */
function isUrlLike(remote: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/\\]+@[^/\\:]+:/.test(remote);
}
