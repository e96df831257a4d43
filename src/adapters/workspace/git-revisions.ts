// What the auditor reads from git, and only reads: the diff between two revisions (three-dot, from their merge
// base, as the forges show a pull request), the commit messages between them, and the tree at a revision
// (ls-tree + one cat-file --batch). Nothing is checked out and no code of the revisions is run. For a forge
// pull request, `fetchRevision` brings just the head commit into a scratch bare repository first.
import { execGit, GitError, redactUrls, splitNul } from "./exec-git.js";
import { authEnv, type Remote } from "./push-branch.js";
import { readBlobs, type TrackedFile } from "./read-tracked-files.js";
import type { AuditFile, HeadTree } from "../../core/audit/audit-types.js";

export async function resolveRevision(gitDir: string, rev: string): Promise<string> {
  if (rev.startsWith("-")) throw new Error(`"${rev}" is not a revision`);
  const result = await execGit(gitDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { okCodes: [1] });
  const sha = result.stdout.trim();
  if (result.code !== 0 || !sha) throw new Error(`no commit ${rev} in ${gitDir} (fetch it first, e.g. git fetch origin ${rev})`);
  return sha;
}

const STATUS: Record<string, AuditFile["status"]> = { A: "added", D: "removed", M: "modified", R: "renamed", C: "added", T: "modified" };

/** Files changed on `head` since its merge base with `base`, each with its patch (hunks only). */
export async function diffRevisions(gitDir: string, base: string, head: string): Promise<AuditFile[]> {
  const mergeBase = (await execGit(gitDir, ["merge-base", base, head])).stdout.trim();
  const names = splitNul((await execGit(gitDir, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", mergeBase, head])).stdout);
  const entries: AuditFile[] = [];
  for (let i = 0; i < names.length; ) {
    const letter = (names[i] as string).charAt(0);
    if (letter === "R" || letter === "C") {
      entries.push({ status: STATUS[letter] ?? "modified", previousPath: names[i + 1] as string, path: names[i + 2] as string });
      i += 3;
    } else {
      entries.push({ status: STATUS[letter] ?? "modified", path: names[i + 1] as string });
      i += 2;
    }
  }
  const full = (await execGit(gitDir, ["diff", "--no-color", "--no-ext-diff", "-M", "--src-prefix=a/", "--dst-prefix=b/", mergeBase, head])).stdout;
  // One "diff --git" block per file, in --name-status order.
  const blocks = full.split(/^(?=diff --git )/m).filter((block) => block.startsWith("diff --git "));
  return entries.map((entry, i) => {
    const block = blocks[i] ?? "";
    const at = block.search(/^@@/m);
    return at < 0 ? entry : { ...entry, patch: block.slice(at).replace(/\n$/, "") };
  });
}

/** The merge base of two revisions, or undefined when the (shallow) history does not reach one. */
export async function mergeBase(gitDir: string, a: string, b: string): Promise<string | undefined> {
  const result = await execGit(gitDir, ["merge-base", a, b], { okCodes: [1, 128] });
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

/** Messages of the commits on `head` that are not on `base`, oldest first (at most `max`). */
export async function commitMessages(gitDir: string, base: string, head: string, max = 100): Promise<string[]> {
  const out = (await execGit(gitDir, ["log", "--reverse", "-z", `--max-count=${max}`, "--format=%B", `${base}..${head}`])).stdout;
  return out.split("\0").map((m) => m.trim()).filter(Boolean);
}

/** The regular files at `rev` (symlinks and submodules left out), read in batches when asked. */
export async function treeAt(gitDir: string, rev: string): Promise<HeadTree> {
  const listing = await execGit(gitDir, ["ls-tree", "-r", "-z", "--long", "--full-tree", rev]);
  const blobs = new Map<string, TrackedFile>();
  for (const entry of splitNul(listing.stdout)) {
    const tab = entry.indexOf("\t");
    const [mode, type, sha, size] = entry.slice(0, tab).split(/ +/);
    if (type !== "blob" || (mode !== "100644" && mode !== "100755") || !sha) continue;
    const path = entry.slice(tab + 1);
    blobs.set(path, { path, size: Number(size), sha });
  }
  return {
    files: [...blobs.values()].map((b) => ({ path: b.path, bytes: b.size })),
    async read(paths) {
      const wanted = paths.flatMap((p) => (blobs.has(p) ? [blobs.get(p) as TrackedFile] : []));
      const contents = wanted.length === 0 ? [] : await readBlobs(gitDir, wanted);
      const result = new Map<string, string>();
      wanted.forEach((file, i) => {
        const text = contents[i] ?? "";
        // Binary files (a NUL in the first 8 KB, as git decides) are not code to search.
        if (!text.slice(0, 8000).includes("\0")) result.set(file.path, text);
      });
      return result;
    },
  };
}

/**
 * Fetches `ref` (e.g. `refs/pull/7/head`) from `remote` into the bare repository `gitDir` (created when
 * missing), shallow, and returns the commit it points at. The auth header goes through git's environment.
 */
export async function fetchRevision(remote: Remote, ref: string, gitDir: string, options: { depth?: number; localRef?: string } = {}): Promise<string> {
  await execGit(".", ["init", "--quiet", "--bare", gitDir]);
  const local = options.localRef ?? "refs/prd-bot/audit";
  try {
    await execGit(gitDir, ["fetch", "--quiet", "--no-tags", `--depth=${options.depth ?? 1}`, remote.url, `+${ref}:${local}`], { env: authEnv(remote) });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new Error(`fetching ${ref} from ${redactUrls(remote.url)} failed: ${redactUrls(error.stderr.trim()) || error.message}`);
  }
  return resolveRevision(gitDir, local);
}
