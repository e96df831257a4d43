// The protected runner behind Workspace.run: every test/check command of every job runs here. It gets an
// allowlisted environment (check-env.ts), runs under bubblewrap when asked or when `auto` finds it working
// (bubblewrap-args.ts: read-only filesystem and git dir, writable checkout, private /tmp, own PID namespace,
// no network), has every process it started ended (run-command.ts, track-descendants.ts), and the git
// directory and the bot's state are snapshotted before and compared after (snapshot-paths.ts): what changed
// is put back and named in `gitChanges`, and such a run never counts as passed.
import { lstat } from "node:fs/promises";
import path from "node:path";
import type { TestRun } from "../../../core/types.js";
import type { RunOptions } from "../../../ports/workspace.js";
import { BWRAP, bubblewrapArgs } from "./bubblewrap-args.js";
import { checkEnv } from "./check-env.js";
import { probeBubblewrap } from "./probe-bubblewrap.js";
import { runCommand } from "./run-command.js";
import { restoreSnapshot, takeSnapshot } from "./snapshot-paths.js";

export interface CheckoutDirs {
  /** The checkout's top level (realpath). */
  root: string;
  /** The git dir of this checkout, and the common dir (the same unless it is a linked worktree). */
  gitDir: string;
  commonDir: string;
}

/** What in a git dir a command could use to run code later or move refs, and the bot's default state dir. */
const GIT_DIR_ENTRIES = ["config", "config.worktree", "HEAD", "hooks", "refs", "packed-refs", "info", "branches", "remotes", "shallow", "commondir", "gitdir", "prd-bot"];

const exists = (p: string) => lstat(p).then(() => true, () => false);

export async function runCheckCommand(dirs: CheckoutDirs, command: string, options: RunOptions): Promise<TestRun> {
  const requested = options.sandbox ?? "auto";
  const network = options.network ?? false;
  let sandbox: "bubblewrap" | "none" = "none";
  let sandboxNote: string | undefined;
  if (requested !== "none") {
    const probe = await probeBubblewrap({ network });
    if (probe.ok) sandbox = "bubblewrap";
    else if (requested === "bubblewrap") return sandboxRefused(command, probe.reason);
    else sandboxNote = `test.sandbox auto: bubblewrap does not work here (${probe.reason}); the check runs with the environment allowlist, the kill of every descendant and the git-dir snapshot only`;
  }

  const protect = (options.protect ?? []).map((p) => path.resolve(dirs.root, p));
  const dotGit = path.join(dirs.root, ".git");
  const gitDirs = [...new Set([dirs.gitDir, dirs.commonDir])];
  const roots = [...gitDirs.flatMap((dir) => GIT_DIR_ENTRIES.map((name) => path.join(dir, name))), dotGit, ...protect];
  const before = await takeSnapshot([...new Set(roots)]);

  let env = checkEnv(options.baseEnv ?? process.env, { allow: options.allowEnv, deny: options.denyEnv, extra: options.env });
  let argv = ["sh", "-c", command];
  if (sandbox === "bubblewrap") {
    const readOnly: string[] = [];
    for (const p of [dotGit, ...gitDirs, ...protect]) if (!readOnly.includes(p) && (await exists(p))) readOnly.push(p);
    argv = [BWRAP, ...bubblewrapArgs({ root: dirs.root, readOnly, network }, argv)];
    // /tmp is private and empty in the sandbox; HOME is read-only, so caches default to the private /tmp.
    env = { ...env, TMPDIR: "/tmp", XDG_CACHE_HOME: env.XDG_CACHE_HOME ?? "/tmp/.cache" };
  }

  const run = await runCommand(dirs.root, command, { timeoutMs: options.timeoutMs, tailBytes: options.tailBytes, graceMs: options.graceMs, env, argv });
  const diff = await restoreSnapshot(before);
  const result: TestRun = { ...run, sandbox, ...(sandboxNote ? { sandboxNote } : {}) };
  if (diff.changed.length === 0) return result;
  const label = labeller(dirs);
  const unrestored = new Set(diff.unrestored);
  result.gitChanges = diff.changed.map((p) => label(p) + (unrestored.has(p) ? " (not restored)" : ""));
  result.passed = false;
  result.output_tail += `\nprd-bot: the command changed what it must not touch, and it was put back: ${result.gitChanges.join(", ")}\n`;
  return result;
}

function sandboxRefused(command: string, reason: string): TestRun {
  return {
    command,
    exit_code: null,
    timed_out: false,
    duration_ms: 0,
    output_tail: `prd-bot: test.sandbox is bubblewrap, but bubblewrap does not work here: ${reason}. Install it (Debian/Ubuntu: apt-get install bubblewrap), allow unprivileged user namespaces, or set test.sandbox: auto or none.\n`,
    passed: false,
    sandbox: "none",
    sandboxNote: `bubblewrap required but unavailable: ${reason}`,
  };
}

/** `.git/hooks/x` for what lies in the git dirs, checkout-relative paths for the rest inside it, else absolute. */
function labeller(dirs: CheckoutDirs): (p: string) => string {
  const within = (dir: string, p: string) => p === dir || p.startsWith(dir + path.sep);
  return (p) => {
    for (const dir of [dirs.commonDir, dirs.gitDir]) {
      if (within(dir, p)) return `.git/${path.relative(dir, p).split(path.sep).join("/")}`;
    }
    const rel = path.relative(dirs.root, p);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : p;
  };
}
