// A 30-file pull request reviewed by the built CLI (dist/cli.js; `npm run build` first) against a model that
// answers after 200 ms, at review.parallel 4 (and 1 for comparison): wall time of the whole review (process
// start, documents, ladder, budget ledger, records) against the target 1.25 × (30 × 0.2 s / 4) + indexing,
// where indexing is the same run with no file to review. Real parts: a git repository, the directory state
// store, the fake OpenAI-compatible server on loopback.
//   node --import tsx bench/review-parallel.ts
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { runCli } from "../test/support/cli.js";
import { startFakeOpenAI } from "../test/support/fake-openai.js";
import { makeRepo } from "../test/support/git-repo.js";

const FILES = 30;
const DELAY_MS = 200;
const PRD = "# Product\n\n## Fetching\n\n### Retries\n\nThe fetcher must retry failed requests at most 3 times with backoff.\n\n## Reports\n\nReports are markdown tables.\n";
const summary = "The change keeps the requirement about retries and backoff; nothing else in the PRD applies.";
const model = await startFakeOpenAI({ respond: () => ({ content: JSON.stringify({ summary, alignment_score: 8, findings: [], gaps: [] }), delayMs: DELAY_MS }) });
const files: Record<string, string> = { "docs/PRD.md": PRD.repeat(20) };
for (let i = 0; i < FILES; i++) files[`src/module${i}.ts`] = `export function retry${i}(n: number) {\n  return n + ${i};\n}\n`;
console.log("| parallel | reviewed | wall s | indexing s (no file) | target s | met |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const parallel of [4, 1]) {
  const repo = await makeRepo({ ...files, ".github/prd-bot.yml": `review:\n  parallel: ${parallel}\n  max_files: 100\nbudget:\n  calls_per_day: 1000\n  tokens_per_day: 10000000\n` });
  await repo.git("checkout", "-q", "-b", "feature");
  for (let i = 0; i < FILES; i++) await writeFile(path.join(repo.root, `src/module${i}.ts`), `export function retry${i}(n: number) {\n  return n * ${i + 2};\n}\n`);
  await mkdir(path.join(repo.root, "src"), { recursive: true });
  await repo.git("commit", "-q", "-am", "change all");
  const env = { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "sk-bench", PRD_BOT_MODEL: "reviewer" };
  const args = ["review", "--root", repo.root, "--base", "main", "--head", "feature", "--json"];
  const i0 = performance.now();
  await runCli([...args, "--files", "nothing/**"], { env });
  const indexing = (performance.now() - i0) / 1000;
  const t0 = performance.now();
  const result = await runCli(args, { env, timeoutMs: 120_000 });
  const wall = (performance.now() - t0) / 1000;
  if (result.code !== 0) throw new Error(`review exited ${result.code}: ${result.stderr}`);
  const reviewed = (JSON.parse(result.stdout) as { files: { status: string }[] }).files.filter((f) => f.status === "reviewed").length;
  const target = 1.25 * ((FILES * DELAY_MS) / 1000 / parallel) + indexing;
  console.log(`| ${parallel} | ${reviewed}/${FILES} | ${wall.toFixed(2)} | ${indexing.toFixed(2)} | ${target.toFixed(2)} | ${wall <= target ? "yes" : "no"} |`);
  await repo.cleanup();
}
await model.close();
