import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  ForgeError
} from "./chunk-CHRPTEUR.js";
import {
  diffSides,
  languageOf,
  placeComment,
  renderSuggestion
} from "./chunk-EJQ67LX4.js";
import {
  REVIEWS_PATH,
  SEVERITIES,
  parseReviews,
  tierOf
} from "./chunk-WKVJPJSK.js";
import {
  sanitizeModelLine,
  sanitizeModelText,
  upsertReport
} from "./chunk-JYKYN4DB.js";
import {
  parsePatch
} from "./chunk-NAZR2PN3.js";
import {
  MiniSearch,
  cachedVectors,
  cosine,
  queryTerms,
  reciprocalRankFusion,
  regionsAround,
  tokenize
} from "./chunk-3UZFI7QD.js";
import {
  enclosingSymbol,
  require_picomatch,
  symbolsOf
} from "./chunk-2QDLELWW.js";
import {
  createEmbedder,
  createOpenAIModelClient,
  resolveEmbedModel,
  resolveModelChain
} from "./chunk-VEPGM2LT.js";
import {
  GitError,
  authEnv,
  execGit,
  redactUrls
} from "./chunk-ODAENZB3.js";
import {
  PROMPT_VERSION,
  extractJsonObjects,
  renderTemplate
} from "./chunk-RNEIYMXO.js";
import {
  BudgetExceededError,
  budgetedEmbedder,
  budgetedModelClient,
  countTokens
} from "./chunk-7NIWIZEQ.js";
import {
  ModelError
} from "./chunk-2IUJ6AXQ.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";
import {
  __toESM
} from "./chunk-4TII4YUW.js";

// src/adapters/workspace/git-review-source.ts
var STATUS = { A: "added", D: "removed", M: "modified", R: "renamed", C: "added", T: "modified" };
async function openGitReviewSource(root, base, head) {
  const headSha = await commitOf(root, head, "--head");
  const baseTip = await commitOf(root, base, "--base");
  const mergeBase = await execGit(root, ["merge-base", baseTip, headSha], { okCodes: [1] });
  const baseSha = mergeBase.code === 0 && mergeBase.stdout.trim() !== "" ? mergeBase.stdout.trim() : baseTip;
  const trees = /* @__PURE__ */ new Map();
  const tree = (sha) => {
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
      if (blob === void 0) return void 0;
      return { content: (await execGit(root, ["cat-file", "blob", blob])).stdout, blob };
    },
    async pathsAtBase() {
      return [...(await tree(baseSha)).keys()];
    }
  };
}
async function commitOf(root, ref, flag) {
  if (!ref || ref.startsWith("-")) throw new Error(`${flag} "${ref}" is not a revision; pass a sha, branch or tag`);
  const result = await execGit(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { okCodes: [1] });
  if (result.code !== 0) throw new Error(`${flag} ${ref}: no such commit in ${root} (fetch it first, or pass a sha, branch or tag that exists)`);
  return result.stdout.trim();
}
async function listTree(root, sha) {
  const out = (await execGit(root, ["ls-tree", "-r", "-z", "--full-tree", sha])).stdout;
  const entries = /* @__PURE__ */ new Map();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("	");
    if (tab < 0) continue;
    const [mode, type, blob] = record.slice(0, tab).split(" ");
    if (type === "blob" && (mode === "100644" || mode === "100755") && blob) entries.set(record.slice(tab + 1), blob);
  }
  return entries;
}
async function diffFiles(root, baseSha, headSha) {
  const names = (await execGit(root, ["diff", "--no-color", "--no-ext-diff", "--name-status", "-z", "-M", baseSha, headSha])).stdout.split("\0");
  const numstat = (await execGit(root, ["diff", "--no-color", "--no-ext-diff", "--numstat", "-z", "-M", baseSha, headSha])).stdout;
  const full = (await execGit(root, ["diff", "--no-color", "--no-ext-diff", "-M", baseSha, headSha])).stdout;
  const stats = parseNumstat(numstat);
  const blocks = full.split(/^(?=diff --git )/m).filter((block) => block.startsWith("diff --git "));
  const files = [];
  for (let i = 0; i < names.length - 1; ) {
    const letter = names[i].charAt(0);
    const renamed = letter === "R" || letter === "C";
    const path = renamed ? names[i + 2] : names[i + 1];
    const previousPath = renamed ? names[i + 1] : void 0;
    i += renamed ? 3 : 2;
    const block = blocks[files.length] ?? "";
    const at = block.search(/^@@/m);
    const stat = stats[files.length] ?? { additions: 0, deletions: 0, binary: false };
    files.push({
      path,
      status: STATUS[letter] ?? "modified",
      ...previousPath && letter === "R" ? { previousPath } : {},
      ...at >= 0 ? { patch: block.slice(at).replace(/\n$/, "") } : {},
      additions: stat.additions,
      deletions: stat.deletions,
      binary: stat.binary || /^Binary files /m.test(block)
    });
  }
  return files;
}
function parseNumstat(text) {
  const parts = text.split("\0");
  const stats = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(part);
    if (!match) continue;
    stats.push({ additions: match[1] === "-" ? 0 : Number(match[1]), deletions: match[2] === "-" ? 0 : Number(match[2]), binary: match[1] === "-" });
    if (match[3] === "") i += 2;
  }
  return stats;
}
async function fetchPullRefs(root, remote, pull) {
  const shallow = (await execGit(root, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
  const headRef = pull.fromFork ? `refs/pull/${pull.number}/head` : `refs/heads/${pull.head}`;
  const args = ["fetch", "--quiet", "--no-tags", ...shallow ? ["--unshallow"] : [], remote.url, `+refs/heads/${pull.base}:refs/prd-bot/review/base`, `+${headRef}:refs/prd-bot/review/head`];
  try {
    await execGit(root, args, { env: authEnv(remote) });
  } catch (error) {
    const said = error instanceof GitError ? redactUrls(error.stderr.trim()) : error.message;
    throw new Error(`fetching the base (${pull.base}) and head of #${pull.number} failed: ${said}`);
  }
  const pinned = /^[0-9a-f]{40}$/.test(pull.headSha) && (await execGit(root, ["cat-file", "-e", `${pull.headSha}^{commit}`], { okCodes: [1, 128] })).code === 0;
  return { base: "refs/prd-bot/review/base", head: pinned ? pull.headSha : "refs/prd-bot/review/head" };
}

// src/core/review/review-result.ts
function wasReviewed(file) {
  return file.status === "reviewed" || file.status === "reused";
}

// src/jobs/review/review-changes.ts
import { createHash as createHash4 } from "node:crypto";

// src/core/review/diff-query.ts
var MAX_QUERY_TERMS = 48;
var CODE_NOISE = new Set(
  "const let var function return import export from class extends new this true false null undefined void async await def self fn pub impl struct mut int str string number boolean type interface else elif try catch except finally throw raise public private protected static final package func nil println print console log".split(
    " "
  )
);
function diffQuery(input) {
  const pathWords = input.path.replace(/\.[a-z0-9]+$/i, "").split(/[/._-]+/);
  const parts = [
    ...input.enclosing,
    pathWords.join(" "),
    ...input.patch.added.map((line) => line.text),
    ...input.patch.removed.map((line) => line.text)
  ];
  return queryTerms(parts).filter((term) => !CODE_NOISE.has(term) && !/^\d+$/.test(term)).slice(0, MAX_QUERY_TERMS);
}

// src/core/review/plan-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|testdata|fixtures)\/|[._-](test|spec)s?\.[^/]+$|_test\.go$|(^|\/)test_[^/]+\.py$/i;
function isTestPath(path) {
  return TEST_PATH.test(path);
}
function planFiles(files, options) {
  const ignored = (0, import_picomatch.default)([...options.ignore], { dot: true });
  const isProtected = (0, import_picomatch.default)([...options.protectedGlobs], { dot: true });
  const wanted = options.only && options.only.length > 0 ? (0, import_picomatch.default)([...options.only], { dot: true }) : () => true;
  const skipped = [];
  const candidates = [];
  for (const file of files) {
    const reason = !wanted(file.path) ? "not among the files asked for" : file.status === "removed" ? "deleted" : file.binary ? "binary" : isProtected(file.path) ? "protected path (never shown to a model)" : ignored(file.path) ? "vendored or generated (review.ignore)" : file.patch === void 0 || file.patch === "" ? "no textual change (renamed or mode change only)" : void 0;
    if (reason) skipped.push({ path: file.path, reason });
    else candidates.push(file);
  }
  const ordered = [...candidates].sort(
    (a, b) => Number(isTestPath(a.path)) - Number(isTestPath(b.path)) || b.additions + b.deletions - (a.additions + a.deletions) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
  const review = ordered.slice(0, options.maxFiles);
  const notReviewed = ordered.slice(options.maxFiles).map((file) => ({ path: file.path, reason: `review.max_files (${options.maxFiles}) reached` }));
  return { review, skipped, notReviewed };
}

// src/core/review/render-report.ts
var STATUS_WORD = { reviewed: "reviewed", reused: "reused (unchanged since an earlier review)", unresolved: "unresolved", skipped: "skipped" };
function renderReport(result) {
  const looked = result.files.filter((f) => f.status === "reviewed" || f.status === "reused");
  const findings = looked.reduce((n, f) => n + f.findings.length, 0);
  const unresolved = result.files.filter((f) => f.status === "unresolved");
  const skipped = result.files.filter((f) => f.status === "skipped");
  const out = [
    "## prd-bot review",
    "",
    `\`${result.base.slice(0, 12)}\`..\`${result.head.slice(0, 12)}\`: ${looked.length} file(s) reviewed, ${findings} finding(s)` + (unresolved.length ? `, ${unresolved.length} unresolved` : "") + (result.not_reviewed.length ? `, **${result.not_reviewed.length} not reviewed**` : "") + (skipped.length ? `, ${skipped.length} skipped` : "") + ".",
    "",
    `Judged against ${result.documents.paths.length ? result.documents.paths.map((p) => `\`${p}\``).join(", ") : "no document (none matched review.documents)"} at the base (${result.documents.chunks} sections, ${result.documents.retrieval}).`
  ];
  if (result.documents.changed_by_pr.length > 0) {
    out.push("", `This pull request changes ${result.documents.changed_by_pr.map((p) => `\`${p}\``).join(", ")}: the review uses the base version, since a PR cannot rewrite the requirements it is judged against.`);
  }
  for (const file of [...looked, ...unresolved]) out.push("", ...renderFile(file));
  if (result.not_reviewed.length > 0) {
    out.push("", "### Not reviewed", "", ...result.not_reviewed.map((n) => `- \`${n.path}\`: ${n.reason}`));
  }
  if (skipped.length > 0) {
    out.push("", "### Skipped (not sent to a model)", "", ...skipped.map((f) => `- \`${f.path}\`: ${f.reason ?? "skipped"}`));
  }
  if (result.outdated.length > 0) {
    out.push("", "### Outdated comments", "", "Earlier comments whose code changed since (or that this review no longer finds):", "");
    out.push(...result.outdated.map((o) => `- \`${o.path}\`${o.line ? `:${o.line}` : ""}: ${sanitizeModelLine(o.message, 200)}`));
  }
  out.push("", `<sub>tokens: ${result.tokens.prompt} prompt + ${result.tokens.completion} completion</sub>`);
  return out.join("\n");
}
function renderFile(file) {
  const head = `### \`${file.path}\`: ${STATUS_WORD[file.status]}`;
  const lines = [head, ""];
  if (file.status === "unresolved") {
    lines.push(`No usable answer: ${file.reason ?? "every rung failed"}.`);
  } else {
    lines.push(
      `Model \`${file.model}\` \xB7 alignment ${file.alignment_score ?? "?"}/10 \xB7 confidence avg ${file.confidence_avg} / min ${file.confidence_min} \xB7 tier \`${file.tier}\`` + (file.partial ? " \xB7 reviewed in parts around the changes (large file)" : "")
    );
    if (file.summary) lines.push("", sanitizeModelText(file.summary.trim()));
  }
  if (file.attempts.length > 1 || file.status === "unresolved") {
    lines.push("", "Attempts:", ...file.attempts.map((a, i) => `${i + 1}. \`${a.model}\`: ${a.status}${a.reason ? `: ${sanitizeModelLine(a.reason, 300)}` : ""}`));
  }
  if (file.findings.length > 0) {
    lines.push("", "| lines | severity | confidence | finding | cites |", "| --- | --- | --- | --- | --- |");
    for (const f of file.findings) {
      const range = f.line_start === f.line_end ? `${f.line_start}` : `${f.line_start}-${f.line_end}`;
      lines.push(`| ${range} | ${f.severity} | ${f.confidence} | ${sanitizeModelLine(`[${f.category}] ${f.message}`, 400)} | ${f.prd_refs.map(cite).join("<br>") || "\u2014"} |`);
    }
  }
  if (file.gaps.length > 0) lines.push("", "Gaps:", ...file.gaps.map((g) => `- ${sanitizeModelLine(g.message, 400)}${g.prd_refs.length ? ` (${g.prd_refs.map(cite).join("; ")})` : ""}`));
  if (file.dropped.length > 0) {
    lines.push("", `Dropped by the citation check (${file.dropped.length}):`, ...file.dropped.map((d) => `- ${sanitizeModelLine(d.reason, 200)}${d.message ? `: ${sanitizeModelLine(d.message, 160)}` : ""}`));
  }
  return lines;
}
function cite(ref) {
  return `\`${ref.document}\`${ref.heading ? ` \u203A ${sanitizeModelLine(ref.heading, 80)}` : ""} @${ref.offset}`;
}

// src/jobs/shared/run-pool.ts
async function runPool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

// src/jobs/shared/serialize-transactions.ts
function serializeTransactions(state) {
  let tail = Promise.resolve();
  return {
    description: state.description,
    read: (path) => state.read(path),
    list: (dir) => state.list(dir),
    transact(fn) {
      const run = tail.then(() => state.transact(fn));
      tail = run.catch(() => void 0);
      return run;
    }
  };
}

// src/jobs/review/review-documents.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { createHash as createHash2 } from "node:crypto";

// src/core/retrieval/chunk-index.ts
var PREFIX_MIN = 4;
function buildChunkIndex(chunks) {
  const index = new MiniSearch({
    fields: ["text", "heading", "document"],
    storeFields: [],
    tokenize,
    processTerm: (term) => term.length > 1 ? term.toLowerCase() : null,
    searchOptions: { boost: { heading: 2, document: 0.5 } }
  });
  index.addAll(chunks.map((chunk) => ({ id: chunk.id, text: chunk.text, heading: chunk.heading.join(" "), document: chunk.document })));
  return {
    size: chunks.length,
    search(terms, limit) {
      if (terms.length === 0) return [];
      return index.search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= PREFIX_MIN }).slice(0, limit).map((result) => ({ id: String(result.id), score: result.score }));
    }
  };
}

// src/core/retrieval/chunk-markdown.ts
import { createHash } from "node:crypto";
var ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
var FENCE = /^ {0,3}(`{3,}|~{3,})/;
var SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
function chunkMarkdown(document, text, options = {}) {
  const maxChars = Math.max(50, options.maxChars ?? 1600);
  const overlap = Math.min(Math.max(0, options.overlap ?? 200), Math.floor(maxChars / 2));
  const chunks = [];
  const seen = /* @__PURE__ */ new Map();
  const bytes = byteOffsets(text);
  const lines = lineStarts(text);
  for (const section of sectionsOf(text)) {
    for (const window of windowsOf(text, section.start, section.end, maxChars, overlap)) {
      const body = text.slice(window.start, window.end);
      if (body.trim() === "") continue;
      const base = createHash("sha256").update(`${document}\0${section.heading.join("\0")}\0${body}`).digest("hex").slice(0, 12);
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      chunks.push({
        id: count === 1 ? base : `${base}-${count}`,
        document,
        heading: section.heading,
        offset: bytes(window.start),
        line: lineOf(lines, window.start),
        text: body
      });
    }
  }
  return chunks;
}
function sectionsOf(text) {
  const sections = [];
  const stack = [];
  let fence;
  let start = 0;
  let pos = 0;
  let previous;
  const open = (at, level, title) => {
    if (at > start) sections.push({ heading: stack.map((h) => h.title), start, end: at });
    while (stack.length > 0 && stack.at(-1).level >= level) stack.pop();
    stack.push({ level, title: title.trim() || "(untitled)" });
    start = at;
  };
  while (pos < text.length) {
    const newline = text.indexOf("\n", pos);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(pos, end).replace(/\r?\n$/, "");
    const fenceMatch = FENCE.exec(line);
    if (fence !== void 0) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = void 0;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else {
      const atx = ATX.exec(line);
      const setext = previous && previous.text.trim() !== "" && !ATX.test(previous.text) ? SETEXT.exec(line) : null;
      if (atx) open(pos, atx[1].length, atx[2] ?? "");
      else if (setext && previous) open(previous.start, setext[1][0] === "=" ? 1 : 2, previous.text);
    }
    previous = fence === void 0 ? { start: pos, text: line } : void 0;
    pos = end;
  }
  if (text.length > start) sections.push({ heading: stack.map((h) => h.title), start, end: text.length });
  return sections;
}
function windowsOf(text, start, end, maxChars, overlap) {
  if (end - start <= maxChars) return [{ start, end }];
  const windows = [];
  let from = start;
  for (; ; ) {
    if (end - from <= maxChars) {
      windows.push({ start: from, end });
      return windows;
    }
    const limit = from + maxChars;
    const floor = from + Math.floor(maxChars * 2 / 3);
    const paragraph = text.lastIndexOf("\n\n", limit - 2);
    const line = text.lastIndexOf("\n", limit - 1);
    const cut = paragraph >= floor ? paragraph + 2 : line >= floor ? line + 1 : limit;
    windows.push({ start: from, end: cut });
    let next = Math.max(from + 1, cut - overlap);
    const lineStart = text.indexOf("\n", next);
    if (lineStart !== -1 && lineStart + 1 < cut) next = lineStart + 1;
    from = next;
  }
}
function byteOffsets(text) {
  let at = 0;
  let bytes = 0;
  return (index) => {
    if (index < at) {
      at = 0;
      bytes = 0;
    }
    bytes += Buffer.byteLength(text.slice(at, index), "utf8");
    at = index;
    return bytes;
  };
}
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function lineOf(starts, index) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

// src/core/retrieval/retrieve-chunks.ts
function retrieveChunks(input) {
  const depth = Math.max(input.k, input.depth ?? 50);
  const bm25 = input.index.search(input.terms, depth).map((hit) => hit.id);
  if (!input.vectors || !input.queryVector || input.vectors.size === 0) return bm25.slice(0, input.k);
  const query = input.queryVector;
  const dense = [...input.vectors.entries()].map(([id, vector]) => ({ id, score: cosine(query, vector) })).sort((a, b) => b.score - a.score).slice(0, depth).map((hit) => hit.id);
  return reciprocalRankFusion([bm25, dense]).slice(0, input.k);
}

// src/jobs/review/review-documents.ts
var MAX_DOCUMENT_BYTES = 4e6;
function documentGlobs(config) {
  return config.review.documents ?? [config.prd.path, "docs/**/*.md"];
}
async function loadReviewDocuments(source, config, options) {
  const matches = (0, import_picomatch2.default)(documentGlobs(config), { dot: true });
  const paths = (await source.pathsAtBase()).filter((path) => matches(path)).sort();
  const chunks = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const file = await source.read("base", path);
    if (!file || file.content.length > MAX_DOCUMENT_BYTES || file.content.includes("\0")) continue;
    for (const chunk of chunkMarkdown(path, file.content, { maxChars: config.review.chunk_chars, overlap: config.review.chunk_overlap })) chunks.set(chunk.id, chunk);
  }
  const index = buildChunkIndex([...chunks.values()]);
  const key = createHash2("sha256").update(JSON.stringify({ ids: [...chunks.keys()], k: config.review.top_k, embed: options.embedder?.id ?? null })).digest("hex").slice(0, 16);
  let vectors;
  let embedded = 0;
  let embedder = options.embedder;
  if (embedder && chunks.size > 0) {
    try {
      const cached = await cachedVectors(options.state, embedder, [...chunks.values()].map((chunk) => ({ id: chunk.id, text: embedText(chunk) })));
      vectors = cached.vectors;
      embedded = cached.embedded;
    } catch (error) {
      options.warn(`${error.message}; retrieving with BM25 alone`);
      embedder = void 0;
    }
  }
  const topK = config.review.top_k;
  return {
    paths,
    chunks,
    index,
    key,
    ...embedder ? { embedder } : {},
    ...vectors ? { vectors } : {},
    embedded,
    async retrieve(terms, queryText) {
      let queryVector;
      if (embedder && vectors) {
        queryVector = await embedder.embed([queryText.slice(0, 8e3)]).then((v) => v[0]).catch((error) => {
          options.warn(`${error.message}; this file's sections come from BM25 alone`);
          return void 0;
        });
      }
      const ids = retrieveChunks({ index, terms, k: topK, ...vectors && queryVector ? { vectors, queryVector } : {} });
      return ids.map((id) => chunks.get(id));
    }
  };
}
function embedText(chunk) {
  return `${chunk.heading.join(" > ")}
${chunk.text}`.slice(0, 8e3);
}

// src/core/review/check-citations.ts
import { createHash as createHash3 } from "node:crypto";
var MIN_SUMMARY_CHARS = 60;
function checkCitations(answer, context) {
  const lines = context.content.split("\n");
  const lineCount = context.content.endsWith("\n") ? lines.length - 1 : lines.length;
  const findings = [];
  const dropped = [];
  let badLines = 0;
  let badRefs = 0;
  for (const finding of answer.findings) {
    const lineProblem = checkLines(finding, lineCount, context.shown);
    const unknown = finding.prd_refs.filter((id) => !context.offered.has(stripMarker(id)));
    if (lineProblem) badLines += 1;
    else if (unknown.length > 0) badRefs += 1;
    if (lineProblem || unknown.length > 0) {
      dropped.push({
        reason: lineProblem ?? `cites ${unknown.map((id) => `[ref:${stripMarker(id)}]`).join(", ")}, not offered in the prompt`,
        line_start: finding.line_start,
        line_end: finding.line_end,
        message: finding.message.slice(0, 300),
        refs: finding.prd_refs
      });
      continue;
    }
    findings.push({
      line_start: finding.line_start,
      line_end: finding.line_end,
      severity: finding.severity,
      category: finding.category,
      confidence: finding.confidence,
      message: finding.message,
      ...finding.suggestion !== void 0 && finding.suggestion.trim() !== "" ? { suggestion: finding.suggestion } : {},
      prd_refs: unique(finding.prd_refs.map(stripMarker)).map((id) => context.offered.get(id)),
      fingerprint: fingerprintOf(context.path, finding.message, lines.slice(finding.line_start - 1, finding.line_end).join("\n"))
    });
  }
  const gaps = [];
  for (const gap of answer.gaps) {
    const unknown = gap.prd_refs.filter((id) => !context.offered.has(stripMarker(id)));
    if (unknown.length > 0) {
      dropped.push({ reason: `gap cites ${unknown.map((id) => `[ref:${stripMarker(id)}]`).join(", ")}, not offered in the prompt`, message: gap.message.slice(0, 300), refs: gap.prd_refs });
      continue;
    }
    gaps.push({ message: gap.message, prd_refs: unique(gap.prd_refs.map(stripMarker)).map((id) => context.offered.get(id)) });
  }
  return { verdict: verdictOf(answer, findings.length, badLines, badRefs), findings, gaps, dropped };
}
function verdictOf(answer, kept, badLines, badRefs) {
  const total = answer.findings.length;
  if (total > 0 && kept === 0) {
    if (badRefs === 0) return { status: "invalid", reason: `${total} of ${total} findings cited lines that do not exist` };
    if (badLines === 0) return { status: "invalid", reason: `${total} of ${total} findings cited section ids that were not offered` };
    return { status: "invalid", reason: `${total} of ${total} findings failed the citation check: ${badLines} cited lines that do not exist, ${badRefs} cited section ids that were not offered` };
  }
  if (total === 0 && answer.summary.trim().length < MIN_SUMMARY_CHARS) {
    return { status: "thin", reason: `no findings and a ${answer.summary.trim().length}-character summary (at least ${MIN_SUMMARY_CHARS} needed)` };
  }
  return { status: "accepted", reason: "" };
}
function checkLines(finding, lineCount, shown) {
  const { line_start: start, line_end: end } = finding;
  if (start < 1 || end < start) return `lines ${start}-${end} are not a range`;
  if (end > lineCount) return `lines ${start}-${end} do not exist (the file has ${lineCount} lines)`;
  if (shown && !shown.some((range) => start >= range.start && end <= range.end)) return `lines ${start}-${end} were not shown (the file was reviewed in parts)`;
  return void 0;
}
function stripMarker(id) {
  return id.trim().replace(/^\[?ref:/, "").replace(/\]$/, "");
}
function unique(items) {
  return [...new Set(items)];
}
function fingerprintOf(path, message, code) {
  const normalized = message.toLowerCase().replace(/[^\p{L}]+/gu, " ").trim();
  const codeKey = code.split("\n").map((line) => line.trim()).join("\n");
  return createHash3("sha256").update(`${path}
${normalized}
${codeKey}`).digest("hex").slice(0, 16);
}

// src/core/review/review-answer.ts
var int = external_exports.preprocess((v) => typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v, external_exports.number().int());
var confidence = external_exports.preprocess(
  (v) => {
    const n = typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
    return typeof n === "number" && n > 0 && n <= 1 && !Number.isInteger(n) ? Math.round(n * 100) : n;
  },
  external_exports.number().min(0).max(100)
);
var answerFindingSchema = external_exports.object({
  line_start: int.describe("First line (1-based, as numbered in the file shown) the finding is about."),
  line_end: int.describe("Last line of the finding (equal to line_start for one line)."),
  severity: external_exports.enum(SEVERITIES),
  category: external_exports.string().describe("requirement, bug, security, test, docs, style, \u2026"),
  confidence: confidence.describe("0-100: how sure you are that this finding is right and worth acting on."),
  message: external_exports.string().describe("What is wrong and why, citing the requirement."),
  suggestion: external_exports.string().optional().describe("Replacement text for lines line_start..line_end, only when you are sure of it."),
  prd_refs: external_exports.array(external_exports.string()).describe("Ids of the [ref:<id>] sections this finding relies on.")
});
var reviewAnswerSchema = external_exports.object({
  summary: external_exports.string().describe("What the file does against the requirements, in 2-4 sentences."),
  alignment_score: int.pipe(external_exports.number().min(1).max(10)).describe("1-10: how well the file fits the requirements shown."),
  findings: external_exports.array(answerFindingSchema),
  gaps: external_exports.array(external_exports.object({ message: external_exports.string(), prd_refs: external_exports.array(external_exports.string()) })).default([]).describe("Requirements this change should address but does not.")
});
var { $schema: _meta, ...jsonSchema } = external_exports.toJSONSchema(reviewAnswerSchema, { io: "input" });
var reviewAnswerJsonSchema = jsonSchema;
function parseReviewAnswer(text) {
  if (text.trim() === "") return { ok: false, error: "the answer is empty" };
  const found = extractJsonObjects(text);
  let firstIssues;
  for (const candidate of found.objects) {
    const parsed = reviewAnswerSchema.safeParse(candidate.value);
    if (parsed.success) return { ok: true, answer: parsed.data };
    if (firstIssues === void 0 && ("findings" in candidate.value || "summary" in candidate.value)) {
      firstIssues = parsed.error.issues.slice(0, 4).map((issue) => `${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`).join("; ");
    }
  }
  if (firstIssues !== void 0) return { ok: false, error: `the JSON does not match the schema: ${firstIssues}` };
  if (found.truncated) return { ok: false, error: `the JSON object at line ${found.truncated.line} is cut off (the output limit ran out?)` };
  if (found.syntaxError) return { ok: false, error: `invalid JSON at line ${found.syntaxError.line}: ${found.syntaxError.message}` };
  return { ok: false, error: "no JSON object in the answer" };
}

// src/core/review/file-parts.ts
function numberLines(lines, start, end) {
  const width = String(end).length;
  const out = [];
  for (let n = start; n <= end; n++) out.push(`${String(n).padStart(width)}\u2502 ${lines[n - 1] ?? ""}`);
  return out.join("\n");
}

// src/jobs/review/review-prompt.ts
var MAX_PR_BODY = 4e3;
var MAX_DIFF_TOKENS = 4e3;
function buildReviewPrompt(input) {
  const lines = input.content.split("\n");
  const count = input.content.endsWith("\n") ? lines.length - 1 : lines.length;
  const whole = numberLines(lines, 1, count);
  let file = whole;
  let shown;
  if (countTokens(whole) > input.maxFileTokens) {
    const parts = regionsAround(input.path, input.content, input.changedLines.length > 0 ? input.changedLines : [1], { maxTokens: input.maxFileTokens });
    if (parts.partial) {
      file = parts.text;
      shown = parts.ranges;
    }
  }
  const offered = /* @__PURE__ */ new Map();
  const sections = input.sections.map((chunk) => {
    const ref = { id: chunk.id, document: chunk.document, heading: chunk.heading.join(" > "), offset: chunk.offset };
    offered.set(chunk.id, ref);
    return `[ref:${chunk.id}] ${chunk.document}${ref.heading ? ` > ${ref.heading}` : ""} (byte ${chunk.offset})
<<<DATA
${guard(chunk.text.trimEnd())}
DATA>>>`;
  });
  const learning = input.attempts.length === 0 ? "" : renderTemplate("review-learning", {
    attempts: input.attempts.map((attempt, i) => `- attempt ${i + 1} (${attempt.model}): ${attempt.status}: ${attempt.reason}`).join("\n")
  });
  const user = renderTemplate("review-user", {
    path: input.path,
    file_note: `${count} lines${input.fileNote ? `; ${input.fileNote}` : ""}`,
    pr_title: oneLine(input.pr.title) || "(none)",
    pr_body: guard(input.pr.body.slice(0, MAX_PR_BODY)) || "(none)",
    diff: guard(boundTokens(input.patch, MAX_DIFF_TOKENS)),
    parts_note: shown ? `, in parts around the changes (lines ${shown.map((r) => `${r.start}-${r.end}`).join(", ")} of ${count}; the rest exists but is not shown)` : "",
    file: guard(file),
    sections: sections.length > 0 ? sections.join("\n\n") : "(no section of the documents matched this change; leave prd_refs empty)",
    learning
  });
  return {
    messages: [
      { role: "system", content: renderTemplate("review-system", {}) },
      { role: "user", content: user }
    ],
    offered,
    ...shown ? { shown } : {},
    partial: shown !== void 0
  };
}
function guard(text) {
  return text.replace(/DATA>>>/g, "DATA>\u200B>>").replace(/<<<DATA/g, "<<\u200B<DATA");
}
function oneLine(text) {
  return guard(text.replace(/\s+/g, " ").trim().slice(0, 300));
}
function boundTokens(text, max) {
  if (countTokens(text) <= max) return text;
  let cut = text.slice(0, max * 3);
  while (cut.length > 0 && countTokens(cut) > max) cut = cut.slice(0, Math.floor(cut.length * 0.8));
  return `${cut.slice(0, cut.lastIndexOf("\n") + 1)}\u2026 (the diff continues; the changed lines are in the file below)`;
}

// src/jobs/review/review-file.ts
var SCHEMA = { name: "review", schema: reviewAnswerJsonSchema };
async function runLadder(rungs, input, options) {
  const attempts = [];
  const tokens = { prompt: 0, completion: 0 };
  let lastDropped = [];
  let partial = false;
  for (const rung of rungs) {
    const prompt = buildReviewPrompt({ ...input, attempts });
    partial = prompt.partial;
    const call = async (messages, purpose) => {
      const response = await rung.client.chat({ purpose, messages, maxTokens: options.maxTokens, temperature: options.temperature, jsonSchema: SCHEMA }, options.signal ? { signal: options.signal } : void 0);
      tokens.prompt += response.usage.prompt_tokens;
      tokens.completion += response.usage.completion_tokens;
      return response.content;
    };
    try {
      const first = await call(prompt.messages, "review");
      let parsed = parseReviewAnswer(first);
      if (!parsed.ok) {
        const repair = [...prompt.messages, { role: "assistant", content: first }, { role: "user", content: renderTemplate("review-repair", { error: parsed.error }) }];
        const second = await call(repair, "review:repair_json");
        const reparsed = parseReviewAnswer(second);
        if (!reparsed.ok) {
          attempts.push({ model: rung.id, status: "invalid", reason: `unparsable after one repair request: ${reparsed.error}` });
          continue;
        }
        parsed = reparsed;
      }
      const checked = checkCitations(parsed.answer, { path: input.path, content: input.content, offered: prompt.offered, ...prompt.shown ? { shown: prompt.shown } : {} });
      if (checked.verdict.status !== "accepted") {
        attempts.push({ model: rung.id, status: checked.verdict.status, reason: checked.verdict.reason });
        lastDropped = checked.dropped;
        continue;
      }
      attempts.push({ model: rung.id, status: "accepted", reason: "" });
      return { kind: "accepted", model: rung.id, answer: parsed.answer, checked, attempts, tokens, partial };
    } catch (error) {
      if (error instanceof BudgetExceededError) return { kind: "budget", reason: error.message, attempts, tokens };
      if (options.signal?.aborted) throw error;
      attempts.push({ model: rung.id, status: "error", reason: describe(error) });
    }
  }
  return { kind: "exhausted", attempts, tokens, partial, dropped: lastDropped };
}
function describe(error) {
  if (error instanceof ModelError) return error.attempts.map((attempt) => attempt.error).join("; ") || error.message;
  return error.message ?? String(error);
}

// src/jobs/review/review-changes.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);
async function reviewChanges(deps, options) {
  const { source, config, log } = deps;
  const changed = await source.changedFiles();
  const plan = planFiles(changed, { ignore: config.review.ignore, protectedGlobs: options.protectedGlobs, only: options.files ?? [], maxFiles: config.review.max_files });
  const ledgerState = serializeTransactions(deps.state);
  const embedder = deps.embedder ? budgetedEmbedder(deps.embedder, { state: ledgerState, limits: config.budget, now: deps.now }) : void 0;
  const documents = await loadReviewDocuments(source, config, { state: deps.state, ...embedder ? { embedder } : {}, warn: (m) => log.warn(m) });
  const isDocument = (0, import_picomatch3.default)(documentGlobs(config), { dot: true });
  const ladderKey = createHash4("sha256").update(JSON.stringify({ ladder: deps.ladder.map((rung) => rung.id), prompt: PROMPT_VERSION, max_file_tokens: config.review.max_file_tokens })).digest("hex").slice(0, 16);
  const previous = parseReviews(await deps.state.read(REVIEWS_PATH)).records;
  log.info(`review ${source.baseSha.slice(0, 12)}..${source.headSha.slice(0, 12)}: ${plan.review.length} file(s) to review, ${plan.skipped.length} skipped, ${documents.chunks.size} section(s) from ${documents.paths.length} document(s)`);
  const ladder = deps.ladder.map((rung) => ({ id: rung.id, client: rung.client.free ? rung.client : budgetedModelClient(rung.client, { state: ledgerState, limits: config.budget, now: deps.now }) }));
  let budgetReason;
  const notReviewed = [...plan.notReviewed];
  const reviewed = await runPool(plan.review, config.review.parallel, async (file) => {
    if (budgetReason !== void 0) {
      notReviewed.push({ path: file.path, reason: `budget: ${budgetReason}` });
      return void 0;
    }
    const review = await reviewOne(file, { deps, ladder, documents, previous, ladderKey, pr: options.pr, isDocument });
    if (review.kind === "budget") {
      budgetReason ??= review.reason;
      notReviewed.push({ path: file.path, reason: `budget: ${review.reason}` });
      return void 0;
    }
    log.info(`${file.path}: ${review.file.status}${review.file.model ? ` by ${review.file.model}` : ""} (${review.file.findings.length} finding(s), tier ${review.file.tier})`);
    return review.file;
  });
  const files = [...reviewed.filter((f) => f !== void 0), ...plan.skipped.map((s) => skippedFile(s.path, s.reason))];
  const order = new Map(changed.map((file, i) => [file.path, i]));
  files.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  const records = files.filter((f) => f.status !== "skipped").map((f) => toRecord(f, { source, pr: options.pr?.number, at: deps.now(), documentsKey: documents.key, ladderKey }));
  if (records.length > 0) {
    await deps.state.transact(async (tx) => {
      for (const record of records) tx.append(REVIEWS_PATH, JSON.stringify(record));
    });
  }
  const tokens = files.reduce((sum, f) => ({ prompt: sum.prompt + f.tokens.prompt, completion: sum.completion + f.tokens.completion }), { prompt: 0, completion: 0 });
  const current = new Set(files.flatMap((f) => f.findings.map((finding) => finding.fingerprint)));
  const revisited = new Set(files.filter((f) => f.status !== "skipped").map((f) => f.path));
  const outdated = (options.posted ?? []).filter((p) => revisited.has(p.path) && !current.has(p.fingerprint)).map(({ path, line, message }) => ({ path, line, message }));
  const result = {
    base: source.baseSha,
    head: source.headSha,
    ...options.pr ? { pr: options.pr.number } : {},
    files,
    not_reviewed: notReviewed,
    tokens,
    documents: {
      paths: documents.paths,
      chunks: documents.chunks.size,
      embedded: documents.embedded,
      retrieval: documents.vectors ? "bm25+embeddings" : "bm25",
      changed_by_pr: changed.filter((f) => isDocument(f.path)).map((f) => f.path)
    },
    outdated,
    report: ""
  };
  result.report = renderReport(result);
  return result;
}
async function reviewOne(file, context) {
  const { deps, documents } = context;
  const head = await deps.source.read("head", file.path);
  if (head === void 0) return { kind: "file", file: skippedFile(file.path, "not a regular file at head (symlink or submodule)") };
  if (head.content.includes("\0")) return { kind: "file", file: skippedFile(file.path, "binary") };
  const base = file.status === "added" ? void 0 : await deps.source.read("base", file.previousPath ?? file.path);
  const baseBlob = base?.blob ?? "";
  const earlier = [...context.previous].reverse().find((r) => r.path === file.path && r.base_blob === baseBlob && r.head_blob === head.blob && r.documents_key === documents.key && r.ladder_key === context.ladderKey && r.model !== "");
  if (earlier) return { kind: "file", file: reusedFile(earlier, file) };
  const patch = parsePatch(file.patch);
  const symbols = symbolsOf(file.path, head.content);
  const enclosing = [...new Set(patch.changedLines.flatMap((line) => {
    const symbol = enclosingSymbol(symbols, line);
    return symbol ? [symbol.name, ...symbol.container ? [symbol.container] : []] : [];
  }))];
  const terms = diffQuery({ path: file.path, patch, enclosing });
  const queryText = [file.path, ...enclosing, ...patch.added.map((l) => l.text), ...patch.removed.map((l) => l.text)].join("\n");
  const sections = await documents.retrieve(terms, queryText);
  const ladder = await runLadder(
    context.ladder,
    {
      path: file.path,
      content: head.content,
      patch: file.patch ?? "",
      changedLines: patch.changedLines,
      pr: context.pr ?? { title: "", body: "" },
      sections,
      maxFileTokens: deps.config.review.max_file_tokens,
      fileNote: context.isDocument(file.path) ? "this PR changes this document; the review judges it against the base version of the documents" : ""
    },
    { maxTokens: deps.config.review.max_output_tokens, temperature: deps.config.models.temperature }
  );
  if (ladder.kind === "budget") return { kind: "budget", reason: ladder.reason };
  const sectionRefs = sections.map((c) => ({ id: c.id, document: c.document, heading: c.heading.join(" > "), offset: c.offset }));
  const common = { path: file.path, attempts: ladder.attempts, tokens: ladder.tokens, sections: sectionRefs, base_blob: baseBlob, head_blob: head.blob, partial: ladder.partial, ...file.patch ? { patch: file.patch } : {} };
  if (ladder.kind === "exhausted") {
    return {
      kind: "file",
      file: { ...common, status: "unresolved", reason: `no rung of the ladder gave a usable answer (${ladder.attempts.length} tried)`, model: "", alignment_score: null, summary: "", findings: [], gaps: [], dropped: ladder.dropped, confidence_avg: 0, confidence_min: 0, tier: "block" }
    };
  }
  const tier = tierOf(ladder.checked.findings.map((f) => f.confidence));
  return {
    kind: "file",
    file: {
      ...common,
      status: "reviewed",
      model: ladder.model,
      alignment_score: ladder.answer.alignment_score,
      summary: ladder.answer.summary,
      findings: ladder.checked.findings,
      gaps: ladder.checked.gaps,
      dropped: ladder.checked.dropped,
      confidence_avg: tier.avg,
      confidence_min: tier.min,
      tier: tier.tier
    }
  };
}
function skippedFile(path, reason) {
  return { path, status: "skipped", reason, model: "", attempts: [], alignment_score: null, summary: "", findings: [], gaps: [], dropped: [], confidence_avg: 0, confidence_min: 0, tier: "block", partial: false, tokens: { prompt: 0, completion: 0 }, sections: [], base_blob: "", head_blob: "" };
}
function reusedFile(record, file) {
  const gaps = record.gaps ?? [];
  return {
    path: record.path,
    status: "reused",
    reason: `same content reviewed at ${record.head_sha.slice(0, 12)} with the same documents and ladder`,
    model: record.model,
    attempts: record.attempts,
    alignment_score: record.alignment_score ?? null,
    summary: record.summary ?? "",
    findings: record.findings,
    gaps,
    dropped: record.dropped,
    confidence_avg: record.confidence_avg,
    confidence_min: record.confidence_min,
    tier: record.tier,
    partial: record.partial ?? false,
    tokens: { prompt: 0, completion: 0 },
    sections: [],
    base_blob: record.base_blob,
    head_blob: record.head_blob,
    ...file.patch ? { patch: file.patch } : {}
  };
}
function toRecord(file, context) {
  return {
    v: 1,
    at: context.at.toISOString(),
    path: file.path,
    base_sha: context.source.baseSha,
    head_sha: context.source.headSha,
    base_blob: file.base_blob,
    head_blob: file.head_blob,
    ...context.pr !== void 0 ? { pr: context.pr } : {},
    model: file.model,
    attempts: file.attempts,
    ...file.alignment_score !== null ? { alignment_score: file.alignment_score } : {},
    summary: file.summary,
    findings: file.findings,
    gaps: file.gaps,
    dropped: file.dropped,
    confidence_avg: file.confidence_avg,
    confidence_min: file.confidence_min,
    tier: file.tier,
    tokens: file.tokens,
    documents_key: context.documentsKey,
    ladder_key: context.ladderKey,
    partial: file.partial,
    ...file.status === "reused" ? { reused: true } : {}
  };
}

// src/jobs/shared/post-review.ts
async function postReview(forge, input) {
  const { placed, notPlaced } = planReview(input, forge.capabilities.suggestions);
  if (placed.length === 0 && input.body.trim() === "") return { posted: [], notPlaced, reviewed: false };
  try {
    await forge.review(input.pr, { body: input.body, comments: placed, commitSha: input.commitSha });
    return { posted: placed, notPlaced, reviewed: true };
  } catch (error) {
    if (!(error instanceof ForgeError) || error.status !== 422 || placed.length === 0) throw error;
    const reason = `the forge refused the line comments (${error.message.slice(0, 200)}); the pull request may have moved on since ${input.commitSha.slice(0, 12)}`;
    const refused = input.comments.filter((c) => !notPlaced.some((n) => n.comment === c)).map((comment) => ({ comment, reason }));
    if (input.body.trim() !== "") await forge.review(input.pr, { body: input.body, comments: [], commitSha: input.commitSha });
    return { posted: [], notPlaced: [...notPlaced, ...refused], reviewed: input.body.trim() !== "" };
  }
}
function planReview(input, committableSuggestions) {
  const sides = /* @__PURE__ */ new Map();
  for (const file of input.files) if (file.patch !== void 0) sides.set(file.path, diffSides(file.patch));
  const max = input.maxComments ?? 50;
  const placed = [];
  const notPlaced = [];
  const ordered = [...input.comments].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  for (const comment of ordered) {
    const fileSides = sides.get(comment.path);
    if (!fileSides) {
      notPlaced.push({ comment, reason: `${comment.path} has no diff to comment on` });
      continue;
    }
    const where = placeComment(fileSides, comment);
    if (!where.ok) {
      notPlaced.push({ comment, reason: where.reason });
      continue;
    }
    if (placed.length >= max) {
      notPlaced.push({ comment, reason: `more than ${max} line comments in one review` });
      continue;
    }
    const exact = where.range && where.side === "RIGHT" && committableSuggestions;
    const suggestion = comment.suggestion === void 0 ? "" : `

${renderSuggestion(comment.suggestion, { committable: exact, language: languageOf(comment.path) })}`;
    placed.push({
      path: comment.path,
      line: where.line,
      ...where.side === "LEFT" ? { side: "LEFT" } : {},
      ...where.startLine !== void 0 && committableSuggestions ? { startLine: where.startLine } : {},
      body: `${comment.body}${suggestion}`
    });
  }
  return { placed, notPlaced };
}

// src/jobs/review/post-findings.ts
var REVIEW_REPORT_MARKER = "review";
var FINDING_MARKER = /<!-- prd-bot:finding:([0-9a-f]{16}) -->/;
function postedFindings(comments) {
  return comments.flatMap((comment) => {
    const match = FINDING_MARKER.exec(comment.body);
    if (!match?.[1]) return [];
    const message = comment.body.replace(FINDING_MARKER, "").split("\n").find((line) => line.trim() !== "") ?? "";
    return [{ path: comment.path, line: comment.line, fingerprint: match[1], message: message.replace(/^\*\*[^*]+\*\*\s*/, "") }];
  });
}
function findingComment(path, finding) {
  const cites = finding.prd_refs.map((ref) => `\`${ref.document}\`${ref.heading ? ` \u203A ${sanitizeModelText(ref.heading)}` : ""} @${ref.offset}`).join("; ");
  const body = [
    `**${finding.severity}** \xB7 ${sanitizeModelText(finding.category)} \xB7 confidence ${finding.confidence}: ${sanitizeModelText(finding.message.trim())}`,
    ...cites ? ["", `Cites: ${cites}`] : [],
    "",
    `<!-- prd-bot:finding:${finding.fingerprint} -->`
  ].join("\n");
  return {
    path,
    line: finding.line_end,
    ...finding.line_start < finding.line_end ? { startLine: finding.line_start } : {},
    body,
    ...finding.suggestion !== void 0 ? { suggestion: finding.suggestion } : {}
  };
}
async function postReviewResult(forge, pr, result, posted) {
  const seen = new Set(posted.map((p) => p.fingerprint));
  const comments = [];
  let alreadyPosted = 0;
  for (const file of result.files) {
    for (const finding of file.findings) {
      if (seen.has(finding.fingerprint)) {
        alreadyPosted += 1;
        continue;
      }
      seen.add(finding.fingerprint);
      comments.push(findingComment(file.path, finding));
    }
  }
  const files = result.files.flatMap((file) => file.patch ? [{ path: file.path, patch: file.patch }] : []);
  const review = comments.length > 0 ? await postReview(forge, { pr, commitSha: result.head, body: "", comments, files }) : { posted: [], notPlaced: [] };
  const report = await upsertReport(forge, pr, REVIEW_REPORT_MARKER, result.report);
  return { comments: review.posted.length, notPlaced: review.notPlaced.length, alreadyPosted, reportUrl: report?.url };
}

// src/jobs/review/index.ts
function protectedForReview(config) {
  return [.../* @__PURE__ */ new Set([...config.paths.protected, ...config.paths.extra_protected])];
}
async function runReviewJob(request, deps) {
  const { forge, log } = deps;
  const pull = await forge.getPullRequest(request.pr);
  const refs = await fetchPullRefs(deps.workspace.root, forge.gitRemote(), pull);
  const source = await openGitReviewSource(deps.workspace.root, refs.base, refs.head);
  const posted = postedFindings(await forge.listReviewComments(request.pr));
  const result = await reviewChanges(
    { source, state: deps.state, ladder: deps.ladder, ...deps.embedder ? { embedder: deps.embedder } : {}, config: deps.config, log, now: deps.now },
    { pr: { number: pull.number, title: pull.title, body: pull.body }, ...request.files ? { files: request.files } : {}, protectedGlobs: protectedForReview(deps.config), posted }
  );
  const out = await postReviewResult(forge, request.pr, result, posted);
  const reviewed = result.files.filter(wasReviewed).length;
  const notes = [
    `reviewed ${reviewed} file(s) of #${request.pr}: ${out.comments} line comment(s) posted, ${out.alreadyPosted} already there, ${out.notPlaced} off the diff (report only)` + (result.not_reviewed.length ? `, ${result.not_reviewed.length} not reviewed` : "") + (out.reportUrl ? `; report ${out.reportUrl}` : "")
  ];
  log.info(notes[0]);
  const attempted = result.files.filter((f) => f.status !== "skipped").length + result.not_reviewed.length;
  return reviewed === 0 && attempted > 0 ? { notes, failure: `no file of #${request.pr} could be reviewed (see the report)` } : { notes };
}

// src/wiring/review-models.ts
function reviewModelsFor(config, env, options = {}) {
  const chain = resolveModelChain(config, env, { task: "review", ...options.file ? { file: options.file } : {} });
  const ladder = chain.map((model) => ({ id: model.id, client: createOpenAIModelClient([model], { maxRetries: 1, ...options.fetch ? { fetch: options.fetch } : {} }) }));
  const embed = resolveEmbedModel(config, env, options.file ? { file: options.file } : {});
  return { ladder, ...embed ? { embedder: createEmbedder(embed, options.fetch ? { fetch: options.fetch } : {}) } : {} };
}

export {
  openGitReviewSource,
  wasReviewed,
  reviewChanges,
  protectedForReview,
  runReviewJob,
  reviewModelsFor
};
