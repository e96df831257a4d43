// Benchmark: gap scan of large PRDs, token counting, and context selection over large repositories.
// Run: node --import tsx bench/gaps-and-context.ts [--runs=5]   (or: npm run bench -- gaps-and-context)
// Prints markdown tables; see bench/README.md for the targets. Not a test.
import { isDeepStrictEqual } from "node:util";
import { findGaps } from "../src/core/gaps/gaps.js";
import { rankFiles } from "../src/core/retrieval/retrieval-index.js";
import { selectContext } from "../src/core/retrieval/retrieval.js";
import { SymbolIndex } from "../src/core/retrieval/symbol-index.js";
import { initParsers } from "../src/adapters/parsers/init-parsers.js";
import { countTokens } from "../src/core/tokens.js";
import { generatePrd, generateRepo, type RepoFile } from "./_fixtures.js";

const runsArg = process.argv.find((arg) => arg.startsWith("--runs="));
const RUNS = Math.max(1, Number(runsArg?.slice("--runs=".length) ?? 5));
const TAG = "[bot-eligible]";
const TARGET_GAPS_5MB_MS = 1000;
const TARGET_CONTEXT_20K_MS = 3000;
const TARGET_CACHED_20K_MS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One warm-up call, then `runs` timed calls; the median in ms and the last result. */
function time<T>(runs: number, run: () => T): { ms: number; result: T } {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const peakMb = (): string => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const fmt = (ms: number): string => ms.toFixed(ms < 10 ? 2 : 0);
const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");

console.log(`node ${process.version}, ${RUNS} timed runs per row after one warm-up, median shown; load average ${(await import("node:os")).loadavg()[0]?.toFixed(1)} on ${(await import("node:os")).cpus().length} CPUs\n`);

// 1. Gap scan.
console.log("### Gap scan (findGaps on generated PRDs, ~1 tagged list item in 12)\n");
console.log("| PRD size | lines | gaps | median ms | MB/s |");
console.log("| ---: | ---: | ---: | ---: | ---: |");
let gaps5mb = Number.POSITIVE_INFINITY;
for (const mb of [0.5, 1, 2, 5]) {
  const { markdown } = generatePrd(mb * 1_000_000, 42);
  const { ms, result } = time(RUNS, () => findGaps(markdown, { tag: TAG }));
  if (mb === 5) gaps5mb = ms;
  const lines = markdown.split("\n").length;
  console.log(`| ${mb} MB | ${lines} | ${result.length} | ${fmt(ms)} | ${(markdown.length / 1e6 / (ms / 1000)).toFixed(1)} |`);
}
console.log(`\nPeak RSS after the gap scans: ${peakMb()} MB. Target: 5 MB under ${TARGET_GAPS_5MB_MS} ms: ${verdict(gaps5mb < TARGET_GAPS_5MB_MS)}.`);
{
  // The whole-document parse, for comparison and as a check that both ways agree.
  const { markdown } = generatePrd(500_000, 42);
  const start = performance.now();
  const whole = findGaps(markdown, { tag: TAG, parse: "whole" });
  const wholeMs = performance.now() - start;
  const same = isDeepStrictEqual(whole, findGaps(markdown, { tag: TAG }));
  console.log(`Whole-document parse of the 0.5 MB PRD (one run): ${fmt(wholeMs)} ms, peak RSS then ${peakMb()} MB; same gaps as the unit parse: ${same}.\n`);
}

// 2. Token counting.
{
  const repo = generateRepo(400, 9);
  const text = repo.map((file) => file.content).join("\n").slice(0, 1_000_000);
  const { ms, result } = time(RUNS, () => countTokens(text));
  console.log("### Token counting (countTokens, o200k_base, 1 MB of generated source)\n");
  console.log("| chars | tokens | median ms | MB/s | chars/token |");
  console.log("| ---: | ---: | ---: | ---: | ---: |");
  console.log(`| ${text.length} | ${result} | ${fmt(ms)} | ${(text.length / 1e6 / (ms / 1000)).toFixed(1)} | ${(text.length / result).toFixed(2)} |\n`);
}

// 3. Context selection.
await initParsers();
console.log("### Context selection (selectContext: query + BM25 + symbol index + ranking + packing by parts + map, 12k tokens, 8 files)\n");
console.log("Cold: a fresh symbol index each run (candidates parsed within 1.5 s, the fallback past it; 250 ms more grows the index). Cached: the whole repository's index from earlier runs, loaded from its saved text (as the state store keeps it) inside the timed run.\n");
console.log("| files | repo MB | cold median ms | cached median ms | BM25 core alone ms | ms/file (cold) | files tokenized | target file rank | peak RSS MB |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const gap = { text: "Add a CSV export of the monthly invoices", section: ["Billing", "Exports"], files: [] };
const contextRuns = Math.max(1, Math.min(RUNS, 3));
let context20k = Number.POSITIVE_INFINITY;
let cached20k = Number.POSITIVE_INFINITY;
let repo20k: RepoFile[] = [];
for (const count of [1000, 5000, 20000]) {
  const repo = generateRepo(count, 1);
  const bytes = repo.reduce((sum, file) => sum + file.content.length, 0);
  const { ms, result } = time(contextRuns, () => selectContext(gap, repo, { maxTokens: 12_000, maxFiles: 8 }));
  const warm = new SymbolIndex();
  warm.update(repo, [], Number.POSITIVE_INFINITY);
  const saved = warm.save(repo, "tree");
  const cached = time(contextRuns, () => selectContext(gap, repo, { maxTokens: 12_000, maxFiles: 8, index: SymbolIndex.load(saved) }));
  const tokenized = rankFiles(repo, result.terms.query).tokenizedFiles;
  if (count === 20000) cached20k = cached.ms;
  // The BM25 core alone (content + paths: what the selection was before the symbol index), same run.
  const core = time(contextRuns, () => rankFiles(repo, result.terms.query));
  const rank = result.ranking.findIndex((entry) => entry.path === "src/billing/invoice-csv-export.ts") + 1;
  if (count === 20000) {
    context20k = ms;
    repo20k = repo;
  }
  console.log(`| ${count} | ${(bytes / 1e6).toFixed(1)} | ${fmt(ms)} | ${fmt(cached.ms)} | ${fmt(core.ms)} | ${(ms / count).toFixed(3)} | ${tokenized} | ${rank || "not found"} | ${peakMb()} |`);
}
{
  // Worst case: every query term kept for content scoring, so every file is tokenized.
  const terms = ["value", "options", "result", "config"];
  const { ms, result } = time(contextRuns, () => rankFiles(repo20k, terms, { commonFraction: 1 }));
  console.log(`\nWorst case, 20000 files, rankFiles with every term kept (${terms.join(", ")}; each in most files): ${fmt(ms)} ms, ${result.tokenizedFiles} files tokenized, peak RSS ${peakMb()} MB.`);
}
console.log(`Target: 20k files under ${TARGET_CONTEXT_20K_MS} ms cold: ${verdict(context20k < TARGET_CONTEXT_20K_MS)}; under ${TARGET_CACHED_20K_MS} ms with the index cached: ${verdict(cached20k < TARGET_CACHED_20K_MS)}.`);
