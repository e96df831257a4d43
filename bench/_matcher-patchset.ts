// Builds the matcher's held-out patch set from a local clone of a real repository: small single-hunk
// commits that modify one source file, as (sha, path) labels. Only the labels are committed
// (bench/data/matcher-patchset.json); the old/new texts are read back from the clone when the bench runs.
import { execFileSync } from "node:child_process";

export interface PatchLabel {
  sha: string;
  path: string;
}

export interface PatchPair extends PatchLabel {
  oldFile: string;
  newFile: string;
  /** Hunk lines with their tag: " " context, "-" removed, "+" added. */
  hunk: { tag: " " | "-" | "+"; text: string }[];
}

const git = (repo: string, args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

/** Candidate commits: non-merge, one modified file with one of `extensions`, one hunk of at most `maxLines` changed lines. */
export function buildPatchSet(repo: string, options: { extensions: string[]; limit: number; maxLines: number }): PatchLabel[] {
  const log = git(repo, ["log", "--no-merges", "--no-renames", "--format=@%H", "--name-status", "HEAD"]);
  const labels: PatchLabel[] = [];
  for (const block of log.split("@").slice(1)) {
    if (labels.length >= options.limit) break;
    const [sha = "", ...rest] = block.trim().split("\n").filter(Boolean);
    if (rest.length !== 1) continue;
    const [status, path = ""] = (rest[0] as string).split("\t");
    if (status !== "M" || !options.extensions.some((ext) => path.endsWith(ext))) continue;
    const pair = readPair(repo, { sha, path });
    if (!pair) continue;
    const changed = pair.hunk.filter((line) => line.tag !== " ").length;
    if (changed === 0 || changed > options.maxLines) continue;
    labels.push({ sha, path });
  }
  return labels;
}

/** Old and new file plus the single hunk (3 lines of context), or undefined when the commit is not one text hunk. */
export function readPair(repo: string, label: PatchLabel): PatchPair | undefined {
  const diff = git(repo, ["show", "--format=", "-U3", "--no-renames", "--no-ext-diff", label.sha, "--", label.path]);
  if (/^Binary files/m.test(diff)) return undefined;
  const hunks = diff.split("\n").filter((line) => line.startsWith("@@"));
  if (hunks.length !== 1) return undefined;
  const body = diff.slice(diff.indexOf("\n", diff.indexOf("@@")) + 1).split("\n");
  const hunk: PatchPair["hunk"] = [];
  for (const line of body) {
    if (line === "\\ No newline at end of file") return undefined;
    const tag = line[0];
    if (tag === " " || tag === "-" || tag === "+") hunk.push({ tag, text: line.slice(1) });
  }
  const oldFile = git(repo, ["show", `${label.sha}^:${label.path}`]);
  const newFile = git(repo, ["show", `${label.sha}:${label.path}`]);
  if (oldFile.includes("\r") || newFile.includes("\r")) return undefined;
  return { ...label, oldFile, newFile, hunk };
}
