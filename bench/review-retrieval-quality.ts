// Retrieval quality of the review on a labelled set from a real public repository (encode/httpx, labels in
// bench/data/review-retrieval-labels.json, built by build-review-labels.ts): for each commit that changed code
// and its docs together, the docs at the parent are chunked and indexed, and recall@5 asks whether the section
// the commit's own docs edit landed in is among the 5 chunks retrieved for the code file's change, with
//   - BM25, the diff query (added/removed lines, enclosing definitions, path; src/core/review/diff-query.ts),
//   - BM25, the reference pipeline's query (the file's first 800 characters),
//   - the diff query, BM25 fused (RRF) with cosine over a LOCAL DETERMINISTIC embedder (hashed bag of words,
//     no model: no embeddings server is available here), to exercise the fusion path, not a real model.
//   node --import tsx bench/review-retrieval-quality.ts /path/to/httpx/clone
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { buildChunkIndex } from "../src/core/retrieval/chunk-index.js";
import { chunkMarkdown, type MarkdownChunk } from "../src/core/retrieval/chunk-markdown.js";
import { retrieveChunks } from "../src/core/retrieval/retrieve-chunks.js";
import { queryTerms } from "../src/core/retrieval/retrieval-terms.js";
import { enclosingSymbol, symbolsOf } from "../src/core/retrieval/symbols.js";
import { diffQuery, headQuery } from "../src/core/review/diff-query.js";
import { parsePatch } from "../src/core/diff/parse-patch.js";

const clone = process.argv[2];
if (!clone) throw new Error("usage: review-retrieval-quality.ts /path/to/clone (of encode/httpx)");
const gitDir = clone.endsWith(".git") || clone.endsWith("repo") ? clone : `${clone}/.git`;
const git = (...args: string[]) => execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
const { labels } = JSON.parse(readFileSync(new URL("./data/review-retrieval-labels.json", import.meta.url), "utf8")) as { labels: { sha: string; code: string; document: string; heading: string }[] };

const DIMS = 512;
function embed(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const term of queryTerms([text])) { const slot = createHash("md5").update(term).digest().readUInt32LE(0) % DIMS; v[slot] = (v[slot] ?? 0) + 1; }
  let norm = 0;
  for (const x of v) norm += x * x;
  return norm > 0 ? v.map((x) => x / Math.sqrt(norm)) : v;
}

const K = 5;
const hits = { diff: 0, head: 0, fused: 0 };
let used = 0;
for (const label of labels) {
  const base = `${label.sha}^`;
  const docs = git("ls-tree", "-r", "--name-only", base, "--", "docs").split("\n").filter((p) => p.endsWith(".md"));
  const chunks: MarkdownChunk[] = docs.flatMap((path) => chunkMarkdown(path, git("show", `${base}:${path}`), { maxChars: 1600, overlap: 200 }));
  const index = buildChunkIndex(chunks);
  const byId = new Map(chunks.map((c) => [c.id, c]));
  let head: string;
  try {
    head = git("show", `${label.sha}:${label.code}`);
  } catch {
    continue;
  }
  used += 1;
  const patch = parsePatch(git("diff", base, label.sha, "--", label.code));
  const symbols = symbolsOf(label.code, head);
  const enclosing = [...new Set(patch.changedLines.flatMap((line) => enclosingSymbol(symbols, line)?.name ?? []))];
  const isHit = (ids: string[]) => ids.some((id) => byId.get(id)?.document === label.document && byId.get(id)?.heading.join(" > ") === label.heading);
  const diffTerms = diffQuery({ path: label.code, patch, enclosing });
  if (isHit(retrieveChunks({ index, terms: diffTerms, k: K }))) hits.diff += 1;
  if (isHit(retrieveChunks({ index, terms: headQuery(head), k: K }))) hits.head += 1;
  const vectors = new Map(chunks.map((c) => [c.id, embed(`${c.heading.join(" ")}\n${c.text}`)]));
  const queryText = [label.code, ...enclosing, ...patch.added.map((l) => l.text), ...patch.removed.map((l) => l.text)].join("\n");
  if (isHit(retrieveChunks({ index, terms: diffTerms, k: K, vectors, queryVector: embed(queryText) }))) hits.fused += 1;
}
const pct = (n: number) => `${((100 * n) / Math.max(1, used)).toFixed(0)} % (${n}/${used})`;
console.log(`labelled changes: ${used} (encode/httpx; symbols from the regex fallback: no initParsers under tsx)`);
console.log("");
console.log("| retrieval | recall@5 |");
console.log("| --- | --- |");
console.log(`| BM25, diff query (ours) | ${pct(hits.diff)} |`);
console.log(`| BM25, first 800 characters (reference) | ${pct(hits.head)} |`);
console.log(`| diff query, BM25 + local hashed embedder, RRF | ${pct(hits.fused)} |`);
