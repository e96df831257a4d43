// The Workspace port on a real git checkout: git runs as child processes, test/check commands in the
// protected runner (checks/). Helpers live next to this file, one concern each.
import { mkdir, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestRun } from "../../core/types.js";
import { NotACheckoutError, NotTextError, type PathCheck, type RestoreOptions, type RunOptions, type Workspace } from "../../ports/workspace.js";
import { lockCheckout } from "./checkout-lock.js";
import { commitOnHead, commitToBranch, validateBranchName } from "./commit-to-branch.js";
import { decodeUtf8 } from "./decode-text.js";
import { execGit, GitError, splitNul } from "./exec-git.js";
import { parseStatusZ } from "./parse-status.js";
import { resolveInsideRoot, type InsideRoots } from "./resolve-inside.js";
import { listIgnoredFiles, normalizePrefix, restoreTree, underAny } from "./restore-tree.js";
import { deleteRemoteBranch, pushBranch } from "./push-branch.js";
import { listTrackedBlobs, readBlobs } from "./read-tracked-files.js";
import { runCheckCommand } from "./checks/run-check-command.js";

export async function openGitWorkspace(dir: string): Promise<Workspace> {
  const exists = await stat(dir).catch(() => undefined);
  if (!exists?.isDirectory()) throw new NotACheckoutError(`${dir} is not a directory; pass the path of a git checkout (--root)`);
  const top = await execGit(dir, ["rev-parse", "--show-toplevel"]).catch((error: Error) => {
    const detail = error instanceof GitError ? error.stderr.trim() : error.message;
    throw new NotACheckoutError(`${dir} is not inside a git work tree (${detail}); pass a checkout with --root, or run "git init" there`);
  });
  const root = await realpath(top.stdout.trim());
  const dirs = await execGit(root, ["rev-parse", "--absolute-git-dir", "--git-common-dir"]);
  const [gitDirRaw = "", commonRaw = ""] = dirs.stdout.trim().split("\n");
  const gitDirReal = await realpath(gitDirRaw);
  const commonReal = await realpath(path.resolve(root, commonRaw));
  const roots: InsideRoots = { root, forbidden: [...new Set([gitDirReal, commonReal])] };
  const git = (args: string[]) => execGit(root, args);

  const relativePrefix = (prefix: string): string =>
    path.isAbsolute(prefix) ? path.relative(root, prefix).split(path.sep).join("/") : normalizePrefix(prefix);

  async function mustResolve(p: string, forRead: boolean): Promise<string> {
    const check = await resolveInsideRoot(roots, p, { allowFinalSymlink: forRead });
    if (!check.ok) throw new Error(`workspace ${root}: ${check.reason}`);
    return check.absolute;
  }

  async function currentBranch(): Promise<string | null> {
    const result = await execGit(root, ["symbolic-ref", "--quiet", "--short", "HEAD"], { okCodes: [1] });
    return result.code === 0 ? result.stdout.trim() : null;
  }

  return {
    root,
    gitDir: async () => gitDirReal,
    currentBranch,

    async headSha(): Promise<string> {
      const result = await execGit(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { okCodes: [1] });
      if (result.code !== 0) throw new NotACheckoutError(`${root} has no commit yet (HEAD is unborn); make a first commit before running prd-bot`);
      return result.stdout.trim();
    },

    async headTree(): Promise<string> {
      const result = await execGit(root, ["rev-parse", "--verify", "--quiet", "HEAD^{tree}"], { okCodes: [1] });
      if (result.code !== 0) throw new Error(`workspace ${root}: HEAD has no commit yet; make a first commit before running prd-bot`);
      return result.stdout.trim();
    },

    lock: (options: { waitMs: number }) => lockCheckout(commonReal, options.waitMs),

    async dirtyPaths(exclude: string[] = []): Promise<string[]> {
      const prefixes = exclude.map(relativePrefix).filter((p) => p !== "" && !p.startsWith(".."));
      const status = await git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=none"]);
      const files = parseStatusZ(status.stdout).flatMap((entry) => (entry.from ? [entry.path, entry.from] : [entry.path]));
      return [...new Set(files)].filter((file) => !underAny(file, prefixes)).sort();
    },

    async listFiles(): Promise<string[]> {
      return splitNul((await git(["ls-files", "-z"])).stdout);
    },

    async readTrackedFiles(keep: (path: string, bytes: number) => boolean) {
      const wanted = (await listTrackedBlobs(root)).filter((file) => keep(file.path, file.size));
      const contents = await readBlobs(root, wanted);
      // Files that are not UTF-8 text never enter a prompt.
      return wanted.flatMap((file, index) => (contents[index] === undefined ? [] : [{ path: file.path, content: contents[index], blob: file.sha }]));
    },

    async readFile(p: string): Promise<string | undefined> {
      const absolute = await mustResolve(p, true);
      let bytes: Buffer;
      try {
        bytes = await readFile(absolute);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return undefined;
        if (code === "EISDIR") throw new Error(`workspace ${root}: "${p}" is a directory, not a file`);
        throw error;
      }
      const text = decodeUtf8(bytes);
      if (text === undefined) throw new NotTextError(p);
      return text;
    },

    async ignoredPaths(paths: string[]): Promise<string[]> {
      if (paths.length === 0) return [];
      // Index-aware: a tracked file that matches a pattern is not ignored (git never ignores tracked files).
      const result = await execGit(root, ["check-ignore", "-z", "--stdin"], { input: paths.map((p) => `${p}\0`).join(""), okCodes: [1] });
      return splitNul(result.stdout);
    },

    ignoredFiles: () => listIgnoredFiles(root),

    async readFileAt(rev: string, p: string): Promise<string | undefined> {
      if (!rev || rev.startsWith("-")) throw new Error(`readFileAt: "${rev}" is not a revision; pass a sha, branch or tag`);
      const commit = await execGit(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { okCodes: [1] });
      if (commit.code !== 0) {
        throw new Error(`readFileAt: unknown revision "${rev}" in ${root}; fetch it or pass an existing sha, branch or tag`);
      }
      const spec = `${commit.stdout.trim()}:${normalizePrefix(p)}`;
      const type = await execGit(root, ["cat-file", "-t", spec], { okCodes: [128] });
      if (type.code !== 0) return undefined;
      if (type.stdout.trim() !== "blob") throw new Error(`readFileAt: "${p}" at ${rev} is a ${type.stdout.trim()}, not a file`);
      return (await git(["cat-file", "blob", spec])).stdout;
    },

    resolveInside: (p: string): Promise<PathCheck> => resolveInsideRoot(roots, p),

    async writeFile(p: string, content: string): Promise<void> {
      // Checked again here: the port says callers check first, but a write must never depend on that.
      const absolute = await mustResolve(p, false);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content, "utf8");
    },

    restore: (keep: string[] = [], options: RestoreOptions = {}) => restoreTree(root, keep.map(relativePrefix), options),

    async commitToBranch(branch: string, paths: string[], message: string): Promise<string> {
      return commitToBranch({ root, branch, paths: paths.map(normalizePrefix), message, currentBranch: await currentBranch() });
    },

    commitOnHead: (paths: string[], message: string) => commitOnHead(root, paths.map(normalizePrefix), message),

    async checkoutNewBranch(branch: string): Promise<void> {
      await validateBranchName(root, branch);
      await git(["checkout", "-q", "-b", branch]);
    },

    push: (remote: { url: string; authHeader?: string }, branch: string) => pushBranch(root, remote, branch),
    deleteRemoteBranch: (remote: { url: string; authHeader?: string }, branch: string) => deleteRemoteBranch(root, remote, branch),

    run(command: string, options: RunOptions): Promise<TestRun> {
      return runCheckCommand({ root, gitDir: gitDirReal, commonDir: commonReal }, command, options);
    },
  };
}
