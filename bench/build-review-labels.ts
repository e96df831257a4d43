// Builds the labelled set for bench/review-retrieval-quality.ts from a local clone of a public repository whose
// commits change code and its markdown docs together: for each such commit, the code file with the most changed
// lines, and the docs section (document + heading path, at the parent commit) where that commit's own docs edit
// landed, as the section a review of the code change should cite. Only shas, paths and headings are written.
//   node --import tsx bench/build-review-labels.ts /path/to/clone [--code=^httpx/.*\.py$] [--max=40]
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { chunkMarkdown } from "../src/core/retrieval/chunk-markdown.js";
import { parsePatch } from "../src/core/diff/parse-patch.js";

const clone = process.argv[2];
if (!clone) throw new Error("usage: build-review-labels.ts /path/to/clone [--code=REGEX] [--max=N]");
const codePattern = new RegExp(/--code=(\S+)/.exec(process.argv.join(" "))?.[1] ?? "^httpx/.*\\.py$");
const max = Number(/--max=(\d+)/.exec(process.argv.join(" "))?.[1] ?? 40);
const git = (...args: string[]) => execFileSync("git", ["--git-dir", clone.endsWith(".git") || clone.endsWith("repo") ? clone : `${clone}/.git`, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

const labels: { sha: string; code: string; document: string; heading: string }[] = [];
for (const sha of git("log", "--format=%H", "--no-merges", "--", "docs").trim().split("\n")) {
  if (labels.length >= max) break;
  const stats = git("diff-tree", "--no-commit-id", "--numstat", "-r", sha).trim().split("\n").map((line) => line.split("\t"));
  const code = stats.filter(([, , path]) => path && codePattern.test(path) && !/test/.test(path)).sort((a, b) => Number(b[0]) + Number(b[1]) - (Number(a[0]) + Number(a[1])))[0]?.[2];
  const docs = stats.filter(([, , path]) => path && /^docs\/.*\.md$/.test(path));
  if (!code || docs.length === 0) continue;
  // The doc section the commit changed most, located in the parent's version of the document.
  let best: { document: string; heading: string; lines: number } | undefined;
  for (const [, , document] of docs) {
    let before: string;
    try {
      before = git("show", `${sha}^:${document as string}`);
    } catch {
      continue; // a new document: nothing to cite at the base
    }
    const chunks = chunkMarkdown(document as string, before);
    const patch = parsePatch(git("diff", `${sha}^`, sha, "--", document as string));
    const counts = new Map<string, number>();
    for (const removed of patch.removed.length > 0 ? patch.removed : patch.added.map((a) => ({ line: a.line }))) {
      const chunk = [...chunks].reverse().find((c) => c.line <= removed.line);
      if (!chunk || chunk.heading.length === 0) continue;
      const heading = chunk.heading.join(" > ");
      counts.set(heading, (counts.get(heading) ?? 0) + 1);
    }
    for (const [heading, lines] of counts) if (!best || lines > best.lines) best = { document: document as string, heading, lines };
  }
  if (best) labels.push({ sha, code, document: best.document, heading: best.heading });
}
writeFileSync(new URL("./data/review-retrieval-labels.json", import.meta.url), JSON.stringify({ repository: "encode/httpx", labels }, null, 2) + "\n");
console.log(`${labels.length} labels written to bench/data/review-retrieval-labels.json`);
