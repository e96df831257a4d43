// What a review reads, from git: the files a head changed since its merge base with a base (a pull request's
// three-dot diff), their contents and blob ids at both ends, and the paths at the base (for the documents).
// The CLI reads a local checkout; the Action and the app first fetch the PR's base and head into their
// checkout (`fetchPullRefs`). Only git objects are read: nothing of the PR is checked out or run.
import type { ChangedFile } from "../../core/review/plan-files.js";
import { GitError, execGit, redactUrls } from "./exec-git.js";
import { authEnv, type Remote } from "./push-branch.js";

export interface ReviewSource {
  /** Merge base of base and head: what the change is compared with, and where documents are read. */
  readonly baseSha: string;
  readonly headSha: string;
  changedFiles(): Promise<ChangedFile[]>;
  /** Content and git blob id of `path` at the base or head, or undefined when absent there. */
  read(side: "base" | "head", path: string): Promise<{ content: string; blob: string } | undefined>;
  /** Regular files at the base. */
  pathsAtBase(): Promise<string[]>;
}

const STATUS: Record<string, ChangedFile["status"]> = { A: "added", D: "removed", M: "modified", R: "renamed", C: "added", T: "modified" };

export async function openGitReviewSource(root: string, base: string, head: string): Promise<ReviewSource> {
  const headSha = await commitOf(root, head, "--head");
  const baseTip = await commitOf(root, base, "--base");
  const mergeBase = await execGit(root, ["merge-base", baseTip, headSha], { okCodes: [1] });
  // No common history (unrelated or a too-shallow clone): compare with the base itself.
  const baseSha = mergeBase.code === 0 && mergeBase.stdout.trim() !== "" ? mergeBase.stdout.trim() : baseTip;
  const trees = new Map<string, Promise<Map<string, string>>>();
  const tree = (sha: string) => {
    let entries = trees.get(sha);
    if (!entries) {
      entries = listTree(root, sha);
      trees.set(sha, entries);
    }
    return entries;
  };
  return {
    baseSha,
    headSha,
    changedFiles: () => diffFiles(root, baseSha, headSha),
    async read(side, path) {
      const blob = (await tree(side === "base" ? baseSha : headSha)).get(path);
      if (blob === undefined) return undefined;
      return { content: (await execGit(root, ["cat-file", "blob", blob])).stdout, blob };
    },
    async pathsAtBase() {
      return [...(await tree(baseSha)).keys()];
    },
  };
}

async function commitOf(root: string, ref: string, flag: string): Promise<string> {
  if (!ref || ref.startsWith("-")) throw new Error(`${flag} "${ref}" is not a revision; pass a sha, branch or tag`);
  const result = await execGit(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { okCodes: [1] });
  if (result.code !== 0) throw new Error(`${flag} ${ref}: no such commit in ${root} (fetch it first, or pass a sha, branch or tag that exists)`);
  return result.stdout.trim();
}

/** Regular files (mode 100644/100755) of a commit → blob id. Symlinks and submodules are never read. */
async function listTree(root: string, sha: string): Promise<Map<string, string>> {
  const out = (await execGit(root, ["ls-tree", "-r", "-z", "--full-tree", sha])).stdout;
  const entries = new Map<string, string>();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, blob] = record.slice(0, tab).split(" ");
    if (type === "blob" && (mode === "100644" || mode === "100755") && blob) entries.set(record.slice(tab + 1), blob);
  }
  return entries;
}

async function diffFiles(root: string, baseSha: string, headSha: string): Promise<ChangedFile[]> {
  const names = (await execGit(root, ["diff", "--no-color", "--no-ext-diff", "--name-status", "-z", "-M", baseSha, headSha])).stdout.split("\0");
  const numstat = (await execGit(root, ["diff", "--no-color", "--no-ext-diff", "--numstat", "-z", "-M", baseSha, headSha])).stdout;
  const full = (await execGit(root, ["diff", "--no-color", "--no-ext-diff", "-M", baseSha, headSha])).stdout;
  const stats = parseNumstat(numstat);
  const blocks = full.split(/^(?=diff --git )/m).filter((block) => block.startsWith("diff --git "));
  const files: ChangedFile[] = [];
  for (let i = 0; i < names.length - 1; ) {
    const letter = (names[i] as string).charAt(0);
    const renamed = letter === "R" || letter === "C";
    const path = (renamed ? names[i + 2] : names[i + 1]) as string;
    const previousPath = renamed ? names[i + 1] : undefined;
    i += renamed ? 3 : 2;
    const block = blocks[files.length] ?? "";
    const at = block.search(/^@@/m);
    const stat = stats[files.length] ?? { additions: 0, deletions: 0, binary: false };
    files.push({
      path,
      status: STATUS[letter] ?? "modified",
      ...(previousPath && letter === "R" ? { previousPath } : {}),
      ...(at >= 0 ? { patch: block.slice(at).replace(/\n$/, "") } : {}),
      additions: stat.additions,
      deletions: stat.deletions,
      binary: stat.binary || /^Binary files /m.test(block),
    });
  }
  return files;
}

/** `git diff --numstat -z`: "add\tdel\tpath\0", or "add\tdel\t\0old\0new\0" for renames; "-" for binary. */
function parseNumstat(text: string): { additions: number; deletions: number; binary: boolean }[] {
  const parts = text.split("\0");
  const stats: { additions: number; deletions: number; binary: boolean }[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(part);
    if (!match) continue;
    stats.push({ additions: match[1] === "-" ? 0 : Number(match[1]), deletions: match[2] === "-" ? 0 : Number(match[2]), binary: match[1] === "-" });
    if (match[3] === "") i += 2; // a rename: the two paths follow
  }
  return stats;
}

/**
 * Fetches a pull request's base branch and head into a checkout (the Action's, or the app's fresh clone), under
 * refs/prd-bot/review/*, with full history so the merge base exists. Returns the refs to open the source with.
 */
export async function fetchPullRefs(root: string, remote: Remote, pull: { number: number; base: string; head: string; headSha: string; fromFork: boolean }): Promise<{ base: string; head: string }> {
  const shallow = (await execGit(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
  // Fork heads are not branches of this repository; both forges publish every PR's head as refs/pull/N/head.
  const headRef = pull.fromFork ? `refs/pull/${pull.number}/head` : `refs/heads/${pull.head}`;
  const args = ["fetch", "--quiet", "--no-tags", ...(shallow ? ["--unshallow"] : []), remote.url, `+refs/heads/${pull.base}:refs/prd-bot/review/base`, `+${headRef}:refs/prd-bot/review/head`];
  try {
    await execGit(root, args, { env: authEnv(remote) });
  } catch (error) {
    const said = error instanceof GitError ? redactUrls(error.stderr.trim()) : (error as Error).message;
    throw new Error(`fetching the base (${pull.base}) and head of #${pull.number} failed: ${said}`);
  }
  // The head the PR named, when the fetch brought it (the branch may have moved on since the event): the review
  // and its line comments are then pinned to the commit that was asked about.
  const pinned = /^[0-9a-f]{40}$/.test(pull.headSha) && (await execGit(root, ["cat-file", "-e", `${pull.headSha}^{commit}`], { okCodes: [1, 128] })).code === 0;
  return { base: "refs/prd-bot/review/base", head: pinned ? pull.headSha : "refs/prd-bot/review/head" };
}
