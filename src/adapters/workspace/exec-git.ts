// Runs git as a child process and turns failures into errors that name the command and git's own words.
import { spawn } from "node:child_process";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  /** Extra environment for this call (e.g. GIT_INDEX_FILE for a temporary index). */
  env?: Record<string, string>;
  /** Written to git's stdin (for --stdin commands). */
  input?: string;
  /** Exit codes that are answers, not failures (e.g. 1 from `git config --get` when unset). */
  okCodes?: number[];
}

/** `https://user:token@host` → `https://***@host`, so a remote URL with credentials never reaches a log. */
export function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@");
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "GitError";
  }
}

// Background git (status, diff) may otherwise rewrite the user's index to refresh its stat cache;
// GIT_OPTIONAL_LOCKS=0 turns that off (see git(1), "GIT_OPTIONAL_LOCKS"). A prompt for credentials
// would hang an unattended run, so terminal prompts are off as well.
const BASE_ENV = { GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };

/** Run `git args` in `cwd`. Resolves on exit codes 0 and `okCodes`; otherwise rejects with a GitError. */
export function execGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      reject(new Error(`could not run git ${redactUrls(args.join(" "))} in ${cwd}: ${error.message}. Is git installed and on PATH?`));
    });
    child.on("close", (code) => {
      const result = { code: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
      if (result.code === 0 || options.okCodes?.includes(result.code)) {
        resolve(result);
        return;
      }
      const command = redactUrls(`git ${args.join(" ")}`);
      const detail = redactUrls(result.stderr.trim()) || "(no output on stderr)";
      reject(new GitError(`${command} failed with exit code ${result.code} in ${cwd}: ${detail}`, args, result.code, result.stderr));
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on("error", () => {
        // git may exit before reading all of stdin; its exit code reports the real problem.
      });
      child.stdin.end(options.input);
    }
  });
}

/** Split NUL-terminated git output (`-z`) into its entries. */
export function splitNul(text: string): string[] {
  return text.split("\0").filter((entry) => entry.length > 0);
}
