// Runs one plain `git` child process against the store's private scratch repository.
// The environment is built from scratch on purpose: a GIT_DIR or GIT_INDEX_FILE inherited
// from a hook or a CI step must never make the store touch the user's checkout.
import { spawn } from "node:child_process";

export interface GitResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface RunGitOptions {
  /** The scratch repository (bare) every command runs against. */
  gitDir: string;
  /** Extra environment (identity, temp index, config entries). */
  env?: Record<string, string>;
  input?: string;
  /** A hung network call must not hang a cycle forever. */
  timeoutMs?: number;
}

/** Variables that would point git at another repository, index or identity. */
const INHERITED_GIT_VARS = /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|AUTHOR_\w+|COMMITTER_\w+|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|CONFIG)$/;

export function gitEnvironment(base: NodeJS.ProcessEnv, gitDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !INHERITED_GIT_VARS.test(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_DIR: gitDir,
    // A bad credential must fail, not wait on a prompt nobody will answer.
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "never",
    // Messages are parsed (push rejections, missing branch), so keep them in English.
    LC_ALL: "C",
    LANGUAGE: "C",
    ...extra,
  };
}

export function runGit(args: string[], options: RunGitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.gitDir,
      env: gitEnvironment(process.env, options.gitDir, options.env),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 120_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new Error("git was not found on PATH; the state-branch store needs the git command-line tool installed") : error);
    });
    child.on("close", (code, signal) => {
      const stderr = Buffer.concat(err).toString("utf8") + (signal ? `\n(git was stopped by ${signal}, probably after ${options.timeoutMs ?? 120_000} ms without finishing)` : "");
      resolve({ code, stdout: Buffer.concat(out), stderr });
    });
    // git may exit before reading all input (e.g. on a fatal error); that is reported by the exit code.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}
