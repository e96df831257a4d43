// Benchmark: does the prompt hold the files a real fix changed? For each label of
// bench/data/localization-labels.json (made by bench/build-localization-labels.ts from real history), the
// commit message becomes an issue gap (title = subject, body = the rest, through the same issue-gap path
// and PRD parser as a labelled issue), the repository is read at the fix's parent, and two selections are
// made over the same files with the same token budget:
// - prd-bot: selectContext (query from the whole gap, symbol index, ranking, packing by parts, map);
// - baseline: plain BM25 over whole files (MiniSearch, the gap's words), filled whole in rank order.
// A gap counts when every gold file is in the prompt (whole, or for prd-bot as a matching part).
//
// Run: node --import tsx bench/localization.ts psf/requests=/path/to/requests spf13/cobra=/path ... [--budgets=12000,27000] [--max-files=8]
// Clones may be bare (the mirrors under /work/.mirror/<owner>+<name>/repo work as they are). Not a test.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import picomatch from "picomatch";
import { initParsers } from "../src/adapters/parsers/init-parsers.js";
import { listTrackedBlobs, readBlobs } from "../src/adapters/workspace/read-tracked-files.js";
import { DEFAULT_PROTECTED } from "../src/config/schema.js";
import { findGaps } from "../src/core/gaps/gaps.js";
import { withIssueGap } from "../src/core/gaps/issue-gap.js";
import { fileTokens, looksBinary, selectContext, type CandidateFile } from "../src/core/retrieval/retrieval.js";
import { queryTerms, tokenize } from "../src/core/retrieval/retrieval-terms.js";
import { SymbolIndex } from "../src/core/retrieval/symbol-index.js";
import type { Gap } from "../src/core/types.js";
import type { LabelFile, LocalizationLabel } from "./build-localization-labels.js";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const clones = new Map(args.filter((arg) => !arg.startsWith("--") && arg.includes("=")).map((arg) => arg.split("=", 2) as [string, string]));
const budgets = (option("budgets") ?? "12000,27000").split(",").map(Number);
const maxFiles = Number(option("max-files") ?? 8);
const labelsPath = option("labels") ?? new URL("./data/localization-labels.json", import.meta.url).pathname;
const MAX_FILE_BYTES = 200_000;

if (clones.size === 0) {
  console.error("usage: node --import tsx bench/localization.ts <owner/name>=<clone path> ... [--budgets=12000,27000] [--max-files=8]");
  process.exit(2);
}

const labels = (JSON.parse(readFileSync(labelsPath, "utf8")) as LabelFile).labels.filter((label) => clones.has(label.repo));
const ready = await initParsers();
console.log(`node ${process.version}; parsers: ${ready.languages.join(", ")}; ${labels.length} labels from ${[...clones.keys()].join(", ")}; max_files ${maxFiles}\n`);

const isProtected = picomatch(DEFAULT_PROTECTED, { dot: true });

async function filesAt(root: string, rev: string): Promise<CandidateFile[]> {
  const listed = (await listTrackedBlobs(root, rev)).filter((file) => !isProtected(file.path) && file.size <= MAX_FILE_BYTES);
  const contents = await readBlobs(root, listed);
  return listed.flatMap((file, i) => {
    const content = contents[i];
    return content === undefined || looksBinary(content) ? [] : [{ path: file.path, content, blob: file.sha }];
  });
}

function gapOf(root: string, label: LocalizationLabel): Gap {
  const message = execFileSync("git", ["-C", root, "log", "-1", "--format=%B", label.sha], { encoding: "utf8" });
  const [subject = "", ...rest] = message.split("\n");
  const body = rest.join("\n").replace(/^(Co-authored-by|Signed-off-by):.*$/gim, "").trim();
  const overlay = withIssueGap("# PRD\n", { number: 1, title: subject, body }, "[bot-eligible]");
  const gap = findGaps(overlay.text, { tag: "[bot-eligible]" }).find((g) => g.line === overlay.line);
  if (!gap) throw new Error(`no gap for ${label.sha}`);
  return gap;
}

/** Plain BM25 over whole files, queried with every word of the gap, filled whole in rank order. */
function baseline(gap: Gap, files: readonly CandidateFile[], maxTokens: number): { paths: string[]; tokens: number } {
  const index = new MiniSearch<{ id: number; content: string }>({ fields: ["content"], tokenize, processTerm: (term) => (term.length > 1 ? term.toLowerCase() : null) });
  index.addAll(files.map((file, id) => ({ id, content: file.content })));
  const terms = queryTerms([gap.text, gap.context]);
  const ranked = index.search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= 4 });
  const paths: string[] = [];
  let tokens = 0;
  for (const result of ranked) {
    const file = files[result.id as number] as CandidateFile;
    const cost = fileTokens(file.path, file.content);
    if (tokens + cost > maxTokens) continue;
    paths.push(file.path);
    tokens += cost;
  }
  return { paths, tokens };
}

interface Row {
  label: LocalizationLabel;
  hit: Record<string, boolean>;
  tokens: Record<string, number>;
  ms: Record<string, number>;
}

const rows: Row[] = [];
for (const label of labels) {
  const root = clones.get(label.repo) as string;
  const files = await filesAt(root, label.parent);
  const gap = gapOf(root, label);
  const row: Row = { label, hit: {}, tokens: {}, ms: {} };
  for (const budget of budgets) {
    const index = new SymbolIndex();
    let start = performance.now();
    const selection = selectContext(gap, files, { maxTokens: budget, maxFiles, maxFileBytes: MAX_FILE_BYTES, index });
    row.ms[`prd-bot ${budget}`] = performance.now() - start;
    start = performance.now();
    selectContext(gap, files, { maxTokens: budget, maxFiles, maxFileBytes: MAX_FILE_BYTES, index });
    row.ms[`prd-bot cached ${budget}`] = performance.now() - start;
    const shown = new Set(selection.files.map((file) => file.path));
    row.hit[`prd-bot ${budget}`] = label.gold.every((path) => shown.has(path));
    row.tokens[`prd-bot ${budget}`] = selection.tokens;
    start = performance.now();
    const plain = baseline(gap, files, budget);
    row.ms[`bm25 ${budget}`] = performance.now() - start;
    row.hit[`bm25 ${budget}`] = label.gold.every((path) => plain.paths.includes(path));
    row.tokens[`bm25 ${budget}`] = plain.tokens;
    if (option("verbose") && !row.hit[`prd-bot ${budget}`]) {
      console.log(`miss ${budget} ${label.repo} ${label.sha.slice(0, 8)} gold ${label.gold.join(", ")} | ${gap.text.slice(0, 90)}`);
      console.log(`   got ${selection.files.map((f) => `${f.path}${f.partial ? "(p)" : ""}`).join(", ")}`);
      console.log(`   top ${selection.ranking.slice(0, 5).map((r) => `${r.path} ${r.score.toFixed(2)}`).join(", ")}`);
    }
  }
  rows.push(row);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const share = (subset: Row[], key: string) => (subset.length === 0 ? 0 : subset.filter((row) => row.hit[key]).length / subset.length);
const pct = (value: number) => `${(value * 100).toFixed(0)}%`;

console.log("| repository | gaps | budget | prd-bot: all gold in prompt | plain BM25 | ratio | prd-bot median tokens | BM25 median tokens | prd-bot median ms (cold / cached) | BM25 median ms |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const repo of [...clones.keys(), "all"]) {
  const subset = rows.filter((row) => repo === "all" || row.label.repo === repo);
  for (const budget of budgets) {
    const ours = share(subset, `prd-bot ${budget}`);
    const base = share(subset, `bm25 ${budget}`);
    const ratio = base > 0 ? `${(ours / base).toFixed(2)}×` : "—";
    const tokens = (key: string) => median(subset.map((row) => row.tokens[key] as number)).toFixed(0);
    const ms = (key: string) => median(subset.map((row) => row.ms[key] as number)).toFixed(0);
    console.log(
      `| ${repo} | ${subset.length} | ${budget} | ${pct(ours)} | ${pct(base)} | ${ratio} | ${tokens(`prd-bot ${budget}`)} | ${tokens(`bm25 ${budget}`)} | ${ms(`prd-bot ${budget}`)} / ${ms(`prd-bot cached ${budget}`)} | ${ms(`bm25 ${budget}`)} |`,
    );
  }
}
const all12 = share(rows, "prd-bot 12000");
const base12 = share(rows, "bm25 12000");
console.log(`\nTargets at 12000 tokens: ≥ 60% of gaps: ${all12 >= 0.6 ? "met" : "MISSED"} (${pct(all12)}); ≥ 1.5× the plain BM25: ${base12 > 0 && all12 / base12 >= 1.5 ? "met" : "MISSED"} (${base12 > 0 ? (all12 / base12).toFixed(2) : "—"}×).`);
