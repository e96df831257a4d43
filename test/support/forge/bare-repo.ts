// Read-only questions the test forges ask a bare repository (branch tips, files at a ref, the diff of a
// compare or pull request), answered by real git so the forge and the git remote always agree.
import { execFile } from "node:child_process";
import os from "node:os";

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: "0" };

export function bareGit(bareRepoPath: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", ["--git-dir", bareRepoPath, ...args], { env: { ...process.env, ...GIT_ENV }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(" ")} failed in ${bareRepoPath}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Commit sha of `ref` (branch, tag or sha), or undefined when it does not exist. */
export async function resolveCommit(bareRepoPath: string, ref: string): Promise<string | undefined> {
  try {
    return (await bareGit(bareRepoPath, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

export type BlobLookup = { kind: "file"; content: Buffer; sha: string } | { kind: "missing" } | { kind: "not-a-file"; type: string };

export async function readBlob(bareRepoPath: string, ref: string, filePath: string): Promise<BlobLookup> {
  let sha: string;
  try {
    sha = (await bareGit(bareRepoPath, ["rev-parse", "--verify", "--quiet", `${ref}:${filePath}`])).trim();
  } catch {
    return { kind: "missing" };
  }
  const type = (await bareGit(bareRepoPath, ["cat-file", "-t", sha])).trim();
  if (type !== "blob") return { kind: "not-a-file", type };
  const content = await new Promise<Buffer>((resolve, reject) => {
    execFile("git", ["--git-dir", bareRepoPath, "cat-file", "blob", sha], { encoding: "buffer", env: { ...process.env, ...GIT_ENV }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
  return { kind: "file", content, sha };
}

export interface DiffFile {
  path: string;
  previousPath: string | undefined;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed";
  additions: number;
  deletions: number;
  /** Hunks only (from the first `@@`), as GitHub's `patch`; undefined for binary files. */
  patch: string | undefined;
}

const STATUS: Record<string, DiffFile["status"]> = { A: "added", D: "removed", M: "modified", R: "renamed", C: "copied", T: "changed" };

/** Files changed on `head` since its merge base with `base` (GitHub's three-dot compare). */
export async function diffFiles(bareRepoPath: string, base: string, head: string): Promise<DiffFile[]> {
  const mergeBase = (await bareGit(bareRepoPath, ["merge-base", base, head])).trim();
  const names = (await bareGit(bareRepoPath, ["diff", "--name-status", "-z", "-M", mergeBase, head])).split("\0");
  const entries: { status: DiffFile["status"]; path: string; previousPath: string | undefined }[] = [];
  for (let i = 0; i < names.length - 1; ) {
    const letter = (names[i] as string).charAt(0);
    if (letter === "R" || letter === "C") {
      entries.push({ status: STATUS[letter] as DiffFile["status"], previousPath: names[i + 1], path: names[i + 2] as string });
      i += 3;
    } else {
      entries.push({ status: STATUS[letter] ?? "changed", previousPath: undefined, path: names[i + 1] as string });
      i += 2;
    }
  }
  const full = await bareGit(bareRepoPath, ["diff", "--no-color", "--no-ext-diff", "-M", mergeBase, head]);
  // `git diff` prints one "diff --git" block per file in the same order as --name-status.
  const blocks = full.split(/^(?=diff --git )/m).filter((b) => b.startsWith("diff --git "));
  return entries.map((entry, i) => {
    const block = blocks[i] ?? "";
    const at = block.search(/^@@/m);
    const patch = at < 0 ? undefined : block.slice(at).replace(/\n$/, "");
    const lines = patch?.split("\n") ?? [];
    return {
      ...entry,
      additions: lines.filter((l) => l.startsWith("+")).length,
      deletions: lines.filter((l) => l.startsWith("-")).length,
      patch,
    };
  });
}

export interface CommitInfo {
  sha: string;
  message: string;
  author: string;
  email: string;
  date: string;
  parents: string[];
}

/** Commits reachable from `head` but not from `base`, oldest first. */
export async function commitsBetween(bareRepoPath: string, base: string, head: string): Promise<CommitInfo[]> {
  const out = await bareGit(bareRepoPath, ["log", "--reverse", "-z", "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B", `${base}..${head}`]);
  return out
    .split("\0")
    .filter((entry) => entry.trim() !== "")
    .map((entry) => {
      const [sha, parents, author, email, date, message] = entry.replace(/^\n/, "").split("\x1f") as string[];
      return { sha: sha as string, parents: (parents ?? "").split(" ").filter(Boolean), author: author ?? "", email: email ?? "", date: date ?? "", message: (message ?? "").trim() };
    });
}

/** New-side line numbers a review comment may point at: every line inside a hunk of `patch`. */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  for (const line of (patch ?? "").split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) next = Number(hunk[1]);
    else if (line.startsWith("-") || line.startsWith("\\")) continue;
    else if (next > 0) lines.add(next++);
  }
  return lines;
}

/**
 * Lines a review comment may point at, per side, with the hunk each is in: new-side lines are added and
 * context lines, old-side lines removed and context lines (written here independently of src/core/post).
 */
export function commentableSides(patch: string | undefined): { RIGHT: Map<number, number>; LEFT: Map<number, number> } {
  const sides = { RIGHT: new Map<number, number>(), LEFT: new Map<number, number>() };
  let hunk = -1;
  let oldNext = 0;
  let newNext = 0;
  for (const line of (patch ?? "").split("\n")) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      hunk++;
      oldNext = Number(header[1]);
      newNext = Number(header[2]);
    } else if (hunk < 0 || line.startsWith("\\")) continue;
    else if (line.startsWith("+")) sides.RIGHT.set(newNext++, hunk);
    else if (line.startsWith("-")) sides.LEFT.set(oldNext++, hunk);
    else {
      sides.RIGHT.set(newNext++, hunk);
      sides.LEFT.set(oldNext++, hunk);
    }
  }
  return sides;
}

/** Paths a single commit changed, with their status (for Gitea's per-commit `files`). */
export async function commitFiles(bareRepoPath: string, sha: string): Promise<Pick<DiffFile, "path" | "status">[]> {
  const out = (await bareGit(bareRepoPath, ["diff-tree", "-r", "-z", "--no-commit-id", "--name-status", "-M", "--root", sha])).split("\0");
  const files: Pick<DiffFile, "path" | "status">[] = [];
  for (let i = 0; i < out.length - 1; ) {
    const letter = (out[i] as string).charAt(0);
    const step = letter === "R" || letter === "C" ? 3 : 2;
    files.push({ status: STATUS[letter] ?? "changed", path: out[i + step - 1] as string });
    i += step;
  }
  return files;
}
