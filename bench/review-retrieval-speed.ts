// Review retrieval speed: chunk + BM25 index + 30 diff-shaped queries over 0.5, 2 and 8 MB of generated markdown
// (sections, prose, lists, code blocks), median of the timed runs after one warm-up.
//   node --import tsx bench/review-retrieval-speed.ts [--runs=3]
import { performance } from "node:perf_hooks";
import { buildChunkIndex } from "../src/core/retrieval/chunk-index.js";
import { chunkMarkdown } from "../src/core/retrieval/chunk-markdown.js";
import { retrieveChunks } from "../src/core/retrieval/retrieve-chunks.js";
import { queryTerms } from "../src/core/retrieval/retrieval-terms.js";

const runs = Number(/--runs=(\d+)/.exec(process.argv.join(" "))?.[1] ?? 3);
const WORDS = "invoice export retry backoff timeout report table user account session token cache queue worker schedule payment refund audit ledger budget review section parser index query render template config schema validate error message commit branch state store record event".split(" ");

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function makeMarkdown(bytes: number): string {
  const r = rng(7);
  const word = () => WORDS[Math.floor(r() * WORDS.length)] as string;
  const out: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    n += 1;
    const part = [
      `## ${word()} ${word()} ${n}`,
      "",
      Array.from({ length: 60 }, word).join(" ") + ".",
      "",
      `- the ${word()} must ${word()} the ${word()}`,
      `- a ${word()} never ${word()} ${word()}`,
      "",
      "```ts",
      `export function ${word()}${n}() { return "${word()}"; }`,
      "```",
      "",
      `### ${word()} details`,
      "",
      Array.from({ length: 120 }, word).join(" ") + ".",
      "",
    ].join("\n");
    out.push(part);
    size += part.length;
  }
  return out.join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const queries = Array.from({ length: 30 }, (_, i) => queryTerms([`${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} retryWithBackoff parseInvoiceRow ${WORDS[(i * 3) % WORDS.length]}Handler`]));
console.log("| markdown | chunks | chunk ms | index ms | 30 queries ms | per query ms | total ms |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const mb of [0.5, 2, 8]) {
  const text = makeMarkdown(mb * 1024 * 1024);
  const timings = { chunk: [] as number[], index: [] as number[], query: [] as number[] };
  let count = 0;
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    const chunks = chunkMarkdown("docs/PRD.md", text, { maxChars: 1600, overlap: 200 });
    const t1 = performance.now();
    const index = buildChunkIndex(chunks);
    const t2 = performance.now();
    for (const terms of queries) retrieveChunks({ index, terms, k: 5 });
    const t3 = performance.now();
    count = chunks.length;
    if (run === 0) continue;
    timings.chunk.push(t1 - t0);
    timings.index.push(t2 - t1);
    timings.query.push(t3 - t2);
  }
  const [c, i, q] = [median(timings.chunk), median(timings.index), median(timings.query)];
  console.log(`| ${mb} MB | ${count} | ${c.toFixed(0)} | ${i.toFixed(0)} | ${q.toFixed(0)} | ${(q / 30).toFixed(1)} | ${(c + i + q).toFixed(0)} |`);
}
