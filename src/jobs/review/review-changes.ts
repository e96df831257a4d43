// The review job's core flow, the same for the CLI, the Action and the app: plan the changed files, load the
// documents at the base, review each file (reused when its base and head content were already reviewed with the
// same documents and ladder) `review.parallel` at a time through the ladder, append one reviews.jsonl line per
// reviewed file in one transaction, and render the report. Posting to a forge is post-review.ts's.
import { createHash } from "node:crypto";
import { budgetedEmbedder, budgetedModelClient } from "../../adapters/model/budgeted.js";
import type { Embedder } from "../../adapters/model/embedder.js";
import type { ReviewSource } from "../../adapters/workspace/git-review-source.js";
import type { Config } from "../../config/schema.js";
import { diffQuery } from "../../core/review/diff-query.js";
import { enclosingSymbol, symbolsOf } from "../../core/retrieval/symbols.js";
import { parsePatch } from "../../core/diff/parse-patch.js";
import { planFiles, type ChangedFile } from "../../core/review/plan-files.js";
import { renderReport } from "../../core/review/render-report.js";
import { parseReviews, REVIEWS_PATH, tierOf, type ReviewRecord } from "../../core/review/review-record.js";
import type { FileReview, ReviewResult } from "../../core/review/review-result.js";
import type { StateStore } from "../../ports/state.js";
import { PROMPT_VERSION } from "../../prompts/templates.js";
import type { Logger } from "../logger.js";
import { runPool } from "../shared/run-pool.js";
import { serializeTransactions } from "../shared/serialize-transactions.js";
import { documentGlobs, loadReviewDocuments, type ReviewDocuments } from "./review-documents.js";
import { runLadder, type Rung } from "./review-file.js";
import picomatch from "picomatch";

export interface ReviewDeps {
  source: ReviewSource;
  state: StateStore;
  ladder: Rung[];
  embedder?: Embedder;
  config: Config;
  log: Logger;
  now: () => Date;
}

export interface ReviewOptions {
  pr?: { number: number; title: string; body: string };
  /** Only files matching these globs (`--files`, `/scrum files`). */
  files?: string[];
  /** Paths never shown to a model (the config's protected paths). */
  protectedGlobs: string[];
  /** Earlier posted findings (path + fingerprint), for the outdated list; from the forge when there is one. */
  posted?: { path: string; line: number | null; fingerprint: string; message: string }[];
}

export async function reviewChanges(deps: ReviewDeps, options: ReviewOptions): Promise<ReviewResult> {
  const { source, config, log } = deps;
  const changed = await source.changedFiles();
  const plan = planFiles(changed, { ignore: config.review.ignore, protectedGlobs: options.protectedGlobs, only: options.files ?? [], maxFiles: config.review.max_files });
  // Every call of every rung, and every embedding pass, reserves on the day's ledger first (a replayed model spends nothing).
  const ledgerState = serializeTransactions(deps.state);
  const embedder = deps.embedder ? budgetedEmbedder(deps.embedder, { state: ledgerState, limits: config.budget, now: deps.now }) : undefined;
  const documents = await loadReviewDocuments(source, config, { state: deps.state, ...(embedder ? { embedder } : {}), warn: (m) => log.warn(m) });
  const isDocument = picomatch(documentGlobs(config), { dot: true });
  const ladderKey = createHash("sha256")
    .update(JSON.stringify({ ladder: deps.ladder.map((rung) => rung.id), prompt: PROMPT_VERSION, max_file_tokens: config.review.max_file_tokens }))
    .digest("hex")
    .slice(0, 16);
  const previous = parseReviews(await deps.state.read(REVIEWS_PATH)).records;
  log.info(`review ${source.baseSha.slice(0, 12)}..${source.headSha.slice(0, 12)}: ${plan.review.length} file(s) to review, ${plan.skipped.length} skipped, ${documents.chunks.size} section(s) from ${documents.paths.length} document(s)`);

  const ladder = deps.ladder.map((rung) => ({ id: rung.id, client: rung.client.free ? rung.client : budgetedModelClient(rung.client, { state: ledgerState, limits: config.budget, now: deps.now }) }));
  let budgetReason: string | undefined;
  const notReviewed = [...plan.notReviewed];
  const reviewed = await runPool(plan.review, config.review.parallel, async (file): Promise<FileReview | undefined> => {
    if (budgetReason !== undefined) {
      notReviewed.push({ path: file.path, reason: `budget: ${budgetReason}` });
      return undefined;
    }
    const review = await reviewOne(file, { deps, ladder, documents, previous, ladderKey, pr: options.pr, isDocument });
    if (review.kind === "budget") {
      budgetReason ??= review.reason;
      notReviewed.push({ path: file.path, reason: `budget: ${review.reason}` });
      return undefined;
    }
    log.info(`${file.path}: ${review.file.status}${review.file.model ? ` by ${review.file.model}` : ""} (${review.file.findings.length} finding(s), tier ${review.file.tier})`);
    return review.file;
  });
  const files: FileReview[] = [...reviewed.filter((f): f is FileReview => f !== undefined), ...plan.skipped.map((s) => skippedFile(s.path, s.reason))];
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
  const result: ReviewResult = {
    base: source.baseSha,
    head: source.headSha,
    ...(options.pr ? { pr: options.pr.number } : {}),
    files,
    not_reviewed: notReviewed,
    tokens,
    documents: {
      paths: documents.paths,
      chunks: documents.chunks.size,
      embedded: documents.embedded,
      retrieval: documents.vectors ? "bm25+embeddings" : "bm25",
      changed_by_pr: changed.filter((f) => isDocument(f.path)).map((f) => f.path),
    },
    outdated,
    report: "",
  };
  result.report = renderReport(result);
  return result;
}

interface OneContext {
  deps: ReviewDeps;
  ladder: Rung[];
  documents: ReviewDocuments;
  previous: ReviewRecord[];
  ladderKey: string;
  pr: ReviewOptions["pr"];
  isDocument: (path: string) => boolean;
}

type OneResult = { kind: "file"; file: FileReview } | { kind: "budget"; reason: string };

async function reviewOne(file: ChangedFile, context: OneContext): Promise<OneResult> {
  const { deps, documents } = context;
  const head = await deps.source.read("head", file.path);
  if (head === undefined) return { kind: "file", file: skippedFile(file.path, "not a regular file at head (symlink or submodule)") };
  if (head.content.includes("\0")) return { kind: "file", file: skippedFile(file.path, "binary") };
  const base = file.status === "added" ? undefined : await deps.source.read("base", file.previousPath ?? file.path);
  const baseBlob = base?.blob ?? "";
  const earlier = [...context.previous]
    .reverse()
    .find((r) => r.path === file.path && r.base_blob === baseBlob && r.head_blob === head.blob && r.documents_key === documents.key && r.ladder_key === context.ladderKey && r.model !== "");
  if (earlier) return { kind: "file", file: reusedFile(earlier, file) };

  const patch = parsePatch(file.patch);
  const symbols = symbolsOf(file.path, head.content);
  const enclosing = [...new Set(patch.changedLines.flatMap((line) => {
    const symbol = enclosingSymbol(symbols, line);
    return symbol ? [symbol.name, ...(symbol.container ? [symbol.container] : [])] : [];
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
      fileNote: context.isDocument(file.path) ? "this PR changes this document; the review judges it against the base version of the documents" : "",
    },
    { maxTokens: deps.config.review.max_output_tokens, temperature: deps.config.models.temperature },
  );
  if (ladder.kind === "budget") return { kind: "budget", reason: ladder.reason };
  const sectionRefs = sections.map((c) => ({ id: c.id, document: c.document, heading: c.heading.join(" > "), offset: c.offset }));
  const common = { path: file.path, attempts: ladder.attempts, tokens: ladder.tokens, sections: sectionRefs, base_blob: baseBlob, head_blob: head.blob, partial: ladder.partial, ...(file.patch ? { patch: file.patch } : {}) };
  if (ladder.kind === "exhausted") {
    return {
      kind: "file",
      file: { ...common, status: "unresolved", reason: `no rung of the ladder gave a usable answer (${ladder.attempts.length} tried)`, model: "", alignment_score: null, summary: "", findings: [], gaps: [], dropped: ladder.dropped, confidence_avg: 0, confidence_min: 0, tier: "block" },
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
      tier: tier.tier,
    },
  };
}

function skippedFile(path: string, reason: string): FileReview {
  return { path, status: "skipped", reason, model: "", attempts: [], alignment_score: null, summary: "", findings: [], gaps: [], dropped: [], confidence_avg: 0, confidence_min: 0, tier: "block", partial: false, tokens: { prompt: 0, completion: 0 }, sections: [], base_blob: "", head_blob: "" };
}

function reusedFile(record: ReviewRecord, file: ChangedFile): FileReview {
  const gaps = (record as { gaps?: FileReview["gaps"] }).gaps ?? [];
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
    ...(file.patch ? { patch: file.patch } : {}),
  };
}

function toRecord(file: FileReview, context: { source: ReviewSource; pr: number | undefined; at: Date; documentsKey: string; ladderKey: string }): ReviewRecord & { gaps: FileReview["gaps"] } {
  return {
    v: 1,
    at: context.at.toISOString(),
    path: file.path,
    base_sha: context.source.baseSha,
    head_sha: context.source.headSha,
    base_blob: file.base_blob,
    head_blob: file.head_blob,
    ...(context.pr !== undefined ? { pr: context.pr } : {}),
    model: file.model,
    attempts: file.attempts,
    ...(file.alignment_score !== null ? { alignment_score: file.alignment_score } : {}),
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
    ...(file.status === "reused" ? { reused: true } : {}),
  };
}
