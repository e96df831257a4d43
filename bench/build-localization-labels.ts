// Builds labels for bench/localization.ts from a repository's real history: fix commits, their message as
// the gap, the files they changed as gold, read at the fix's parent. Only labels are written (repository,
// sha, parent, gold paths): the bench reads the message and the files from the local clone.
//
// Run: node --import tsx bench/build-localization-labels.ts <owner/name> <clone path> [--max=40] [--out=FILE]
// Appends (replacing that repository's earlier labels) to bench/data/localization-labels.json.
//
// A commit is kept when, on the first-parent history of HEAD:
// - it has one parent, and its subject reads as a fix (fix, bug, crash, error, wrong, regression, …) and
//   not as chores (bump, typo, lint, ci, docs:, release, revert);
// - it changed 1-3 files, not counting changelog-like files (CHANGELOG, HISTORY, NEWS, AUTHORS);
// - the gold files are the changed files that are not tests (the model writes its own tests, and the
//   covering test comes along with its source), at least one of them code, and every one of them
//   existed at the parent (a fix that only adds files names nothing to find).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { roleOf } from "../src/core/retrieval/code-languages.js";

export interface LocalizationLabel {
  repo: string;
  sha: string;
  parent: string;
  gold: string[];
}

export interface LabelFile {
  description: string;
  labels: LocalizationLabel[];
}

const FIX = /\b(fix(es|ed)?|bug|crash(es)?|error|errors|wrong|incorrect|regression|broken|handle|prevent|avoid|issue|fail(s|ing|ure)?)\b/i;
const CHORE = /^(bump|release|revert|merge|chore|ci|docs?[:(]|typo|lint|style|format|test[s:(])|\b(typos?|changelog|readme|dependabot|pre-commit)\b/i;
const CHANGELOG = /(^|\/)(CHANGELOG|CHANGES|HISTORY|NEWS|AUTHORS|CONTRIBUTORS)(\.[a-z]+)?$/i;

function git(root: string, args: string[]): string {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

export function buildLabels(repo: string, root: string, max: number): LocalizationLabel[] {
  const log = git(root, ["log", "--first-parent", "--format=%H %P%x09%s", "HEAD"]).split("\n").filter(Boolean);
  const labels: LocalizationLabel[] = [];
  for (const line of log) {
    if (labels.length >= max) break;
    const [shas, subject = ""] = line.split("\t");
    const [sha, parent, extra] = (shas ?? "").split(" ");
    if (!sha || !parent || extra) continue;
    if (!FIX.test(subject) || CHORE.test(subject)) continue;
    const changes = git(root, ["diff", "--no-renames", "--name-status", parent, sha])
      .split("\n")
      .filter(Boolean)
      .map((entry) => {
        const [status = "", file = ""] = entry.split("\t");
        return { status, file };
      })
      .filter((change) => !CHANGELOG.test(change.file));
    if (changes.length < 1 || changes.length > 3) continue;
    const gold = changes.filter((change) => roleOf(change.file) !== "test");
    if (gold.length === 0 || gold.some((change) => change.status !== "M")) continue;
    if (!gold.some((change) => roleOf(change.file) === "source")) continue;
    labels.push({ repo, sha, parent, gold: gold.map((change) => change.file) });
  }
  return labels;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [repo, root] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (!repo || !root) {
    console.error("usage: node --import tsx bench/build-localization-labels.ts <owner/name> <clone path> [--max=40] [--out=FILE]");
    process.exit(2);
  }
  const out = option("out") ?? new URL("./data/localization-labels.json", import.meta.url).pathname;
  const labels = buildLabels(repo, root, Number(option("max") ?? 40));
  const existing: LabelFile = existsSync(out)
    ? (JSON.parse(readFileSync(out, "utf8")) as LabelFile)
    : { description: "Made by bench/build-localization-labels.ts; read by bench/localization.ts. See bench/README.md.", labels: [] };
  existing.labels = [...existing.labels.filter((label) => label.repo !== repo), ...labels];
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(existing, null, 1)}\n`);
  console.log(`${repo}: ${labels.length} labels (${existing.labels.length} in ${out})`);
}
