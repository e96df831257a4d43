// A real git repository in a temp folder, with one commit of the given files and optionally a bare
// `origin`. Nothing here reads the machine's git config, so tests behave the same everywhere.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface TestRepo {
  /** realpath of the work tree (macOS tmp dirs are symlinks; comparisons need the real path). */
  root: string;
  /** Path of the bare repository `origin`, when asked for. */
  remote?: string;
  /** Run git in `root`; resolves with stdout without its trailing newline, rejects with git's stderr. */
  git(...args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

export interface MakeRepoOptions {
  /** Create a bare `origin` and push the branch to it. */
  withRemote?: boolean;
  /** Name of the initial branch (default "main"). */
  branch?: string;
}

/** Environment for git in tests: no system or global config (signing, hooks, templates stay out). */
export const TEST_GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: "0",
};

export function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, env: { ...process.env, ...TEST_GIT_ENV }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(" ")} failed in ${cwd}: ${stderr.trim() || error.message}`));
      else resolve(stdout.replace(/\n$/, ""));
    });
  });
}

export async function makeRepo(files: Record<string, string>, options: MakeRepoOptions = {}): Promise<TestRepo> {
  const branch = options.branch ?? "main";
  const base = await realpath(await mkdtemp(path.join(os.tmpdir(), "prd-bot-repo-")));
  const root = path.join(base, "work");
  const cleanup = () => rm(base, { recursive: true, force: true });
  try {
    await mkdir(root);
    const git = (...args: string[]) => runGit(root, args);
    await git("init", "-q", "-b", branch);
    // Local config wins over anything the workspace adapter (which uses the real environment) may find.
    await git("config", "user.name", "Test User");
    await git("config", "user.email", "test@example.com");
    await git("config", "commit.gpgsign", "false");
    await git("config", "core.autocrlf", "false");
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(root, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    await git("add", "-A");
    await git("commit", "-q", "--allow-empty", "-m", "initial commit");
    let remote: string | undefined;
    if (options.withRemote) {
      remote = path.join(base, "remote.git");
      await runGit(base, ["init", "-q", "--bare", "-b", branch, remote]);
      await git("remote", "add", "origin", remote);
      await git("push", "-q", "-u", "origin", branch);
    }
    return { root, remote, git, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
