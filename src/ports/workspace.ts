// Workspace: the git checkout a cycle works in, and the test command that runs in it.
import type { TestRun } from "../core/types.js";

export type PathCheck = { ok: true; absolute: string } | { ok: false; reason: string };

export interface RunOptions {
  timeoutMs: number;
  /** Bytes of output kept (the last ones). */
  tailBytes?: number;
  /** Set on top of the allowlisted environment (a caller handing over a value on purpose; never a secret). */
  env?: Record<string, string>;
  /** `auto` (default): bubblewrap when it works here, else none; `bubblewrap`: required (a red run if missing). */
  sandbox?: "auto" | "bubblewrap" | "none";
  /** Network inside the sandbox (default false). */
  network?: boolean;
  /** More variable names passed through (`test.env`); credential-like names are refused all the same. */
  allowEnv?: string[];
  /** Names never passed (the configured providers' `api_key_env`). */
  denyEnv?: string[];
  /** More paths (relative to the root, or absolute) the command must not change: read-only and snapshotted. */
  protect?: string[];
  /** Between SIGTERM and SIGKILL on timeout (default 2 s). */
  graceMs?: number;
  /** The environment to pick from (default process.env). */
  baseEnv?: NodeJS.ProcessEnv;
}

/** A held checkout (release it when the job ends), or why it could not be had in time. */
export type CheckoutLock = { ok: true; release: () => Promise<void> } | { ok: false; reason: string };

export interface RestoreOptions {
  /** Ignored files that existed before (from ignoredFiles()): any other ignored file is removed too. */
  ignoredBefore?: readonly string[];
  /** Files the bot wrote with their content before (undefined: did not exist), put back even when ignored. */
  written?: readonly { path: string; before: string | undefined }[];
}

export interface Workspace {
  /** Absolute path of the checkout's top level. */
  readonly root: string;
  /** Absolute path of the git directory (.git, or the worktree's git dir). */
  gitDir(): Promise<string>;
  /** Branch checked out, or null on a detached HEAD. */
  currentBranch(): Promise<string | null>;
  headSha(): Promise<string>;
  /** The tree sha of HEAD (what a baseline test run is cached by). */
  headTree(): Promise<string>;
  /**
   * Hold the checkout for one job: one cycle (or apply) at a time per repository, whatever process runs it.
   * Waits up to `waitMs` for another holder to finish.
   */
  lock(options: { waitMs: number }): Promise<CheckoutLock>;
  /** Paths (relative, posix) with uncommitted changes, tracked or untracked, minus those under `exclude`. */
  dirtyPaths(exclude?: string[]): Promise<string[]>;
  /** Tracked files (git ls-files), relative posix paths. */
  listFiles(): Promise<string[]>;
  /**
   * Regular tracked files at HEAD for which `keep(path, bytes)` is true, with their content: symlinks and
   * submodules are never read. Meant for a clean tree, where HEAD is what is on disk. `blob` is the git
   * object id (the symbol index's cache key), when the implementation knows it.
   */
  readTrackedFiles(keep: (path: string, bytes: number) => boolean): Promise<{ path: string; content: string; blob?: string }[]>;
  /**
   * Content of a file in the working tree, or undefined when absent. Throws on directories, and a
   * NotTextError (adapters/workspace/decode-text.ts) for a file that is not valid UTF-8; a BOM is kept.
   */
  readFile(path: string): Promise<string | undefined>;
  /** Content of a file at a revision, or undefined when absent there. */
  readFileAt(rev: string, path: string): Promise<string | undefined>;
  /** Where `path` lands on disk, refusing anything that resolves outside the root or into .git (symlinks followed). */
  resolveInside(path: string): Promise<PathCheck>;
  /** Write a file (creating parent folders). The caller has checked the path with resolveInside. */
  writeFile(path: string, content: string): Promise<void>;
  /** Which of `paths` git ignores (tracked files never are). */
  ignoredPaths(paths: string[]): Promise<string[]>;
  /** Every ignored file in the working tree (relative posix paths), for restore's `ignoredBefore`. */
  ignoredFiles(): Promise<string[]>;
  /**
   * Put the tree back to HEAD: tracked files restored, untracked files removed, `keep` paths left alone;
   * with options, ignored files created since `ignoredBefore` removed and the bot's own writes undone.
   */
  restore(keep?: string[], options?: RestoreOptions): Promise<void>;
  /**
   * Commit `paths` as they are in the working tree onto a new commit whose parent is HEAD, and point
   * `branch` at it, without checking it out or touching the index. Returns the commit sha.
   */
  commitToBranch(branch: string, paths: string[], message: string): Promise<string>;
  /**
   * Commit `paths` as they are in the working tree on top of HEAD and move the checked-out branch (or the
   * detached HEAD) to it, only if HEAD did not move meanwhile; the index entries of `paths` follow. No hooks run.
   */
  commitOnHead(paths: string[], message: string): Promise<string>;
  /** Create `branch` at HEAD and check it out (the tree must be clean). */
  checkoutNewBranch(branch: string): Promise<void>;
  /**
   * Push the local `branch` to the same name on `remote`, without force. A remote branch that moved
   * (non-fast-forward) throws PushRejectedError; other failures throw with the URL's credentials redacted.
   */
  push(remote: { url: string; authHeader?: string }, branch: string): Promise<void>;
  /** Delete `branch` on `remote` (undoing a push whose PR could not be opened). */
  deleteRemoteBranch(remote: { url: string; authHeader?: string }, branch: string): Promise<void>;
  /**
   * Run a test/check command (sh -c) in the root: the one way any job runs one (jobs call it through
   * jobs/shared/run-check.ts). The command gets an allowlisted environment, a sandbox when asked or when
   * `auto` finds bubblewrap working, and no process it started outlives it. What it changed in the git dir or
   * in `protect` is put back and named in `gitChanges` (and the run does not count as passed).
   */
  run(command: string, options: RunOptions): Promise<TestRun>;
}

/** The remote refused a push because its branch has commits the local one lacks. */
export class PushRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PushRejectedError";
  }
}

/** A file the bot neither reads into a prompt nor rewrites: not valid UTF-8 (another encoding, or binary). */
export class NotTextError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not valid UTF-8 text (another encoding, or binary); the bot only reads and rewrites UTF-8 files, so it leaves this one alone`);
    this.name = "NotTextError";
  }
}

/** The directory given is no git checkout a job can work in (not a work tree, or no commit yet): a usage problem. */
export class NotACheckoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotACheckoutError";
  }
}
