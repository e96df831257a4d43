// The auditor job: one pull request's text against its diff. The deterministic checks always run (core/audit);
// the model check runs when `models.audit` names a model and the budget allows. Returns the report; posting
// it is the caller's (post-audit.ts for forges, the CLI prints it).
import picomatch from "picomatch";
import type { Config } from "../../config/schema.js";
import type { AuditFile, AuditSkip } from "../../core/audit/audit-types.js";
import { buildReport, type AuditReport, type ModelCheckStatus } from "../../core/audit/render-audit.js";
import { runChecks } from "../../core/audit/run-checks.js";
import type { Logger } from "../logger.js";
import type { ModelClient } from "../../ports/model.js";
import type { AuditSource } from "./audit-source.js";

export type { AuditSource } from "./audit-source.js";
export type { AuditReport } from "../../core/audit/render-audit.js";

export interface AuditJobInput {
  source: AuditSource;
  config: Config;
  /** The audit model chain, budgeted; undefined when none is configured (then `modelSkipped` says why). */
  model?: ModelClient;
  modelSkipped?: string;
  log: Logger;
  /** Branch prefix of prd-bot's own pull requests. */
  botBranchPrefix?: string;
}

export interface AuditJobResult {
  report: AuditReport;
  /** Set when the author is ignored: nothing was checked, and the status says so. */
  ignored?: string;
}

export const BOT_BRANCH_PREFIX = "prd-bot/";

export async function runAuditJob(input: AuditJobInput): Promise<AuditJobResult> {
  const { source, config, log } = input;
  const byBot = isBotPullRequest(source, input.botBranchPrefix ?? BOT_BRANCH_PREFIX);
  const ignoredBy = !byBot && source.author ? config.audit.ignore_authors.find((glob) => picomatch.isMatch(source.author, glob, { nocase: true })) : undefined;
  if (ignoredBy) {
    const summary = `Not audited: ${source.author} matches audit.ignore_authors (${ignoredBy})`;
    log.info(`${source.label}: ${summary}`);
    return { report: { state: "success", summary, issues: [], skipped: [{ what: "the whole pull request", reason: summary }], model: { status: "skipped", detail: "author ignored" } }, ignored: summary };
  }
  const { files, skipped } = limitDiff(source.files, config);
  const checks = await runChecks({
    text: { title: source.title, body: source.body, commits: source.commits },
    files,
    tree: source.tree,
    ci: source.ci,
    byBot,
    settings: {
      blocking: config.audit.blocking,
      protectedPathsBlock: config.audit.protected_paths_block,
      requireTests: config.audit.require_tests,
      protectedGlobs: [...config.paths.protected, ...config.paths.extra_protected],
    },
  });
  let model: ModelCheckStatus = { status: "skipped", detail: input.modelSkipped ?? "no models.audit configured" };
  const issues = [...checks.issues];
  if (input.model) {
    // Loaded only when a model is asked: the prompts and schemas are not needed otherwise.
    const { runModelCheck } = await import("./model-check.js");
    const judged = await runModelCheck({ model: input.model, source, files, config, log });
    model = judged.status;
    // A model finding the deterministic checks already made (same kind, same claim text) is not said twice.
    for (const issue of judged.issues) if (!issues.some((i) => i.kind === issue.kind && i.message === issue.message)) issues.push(issue);
    issues.sort((a, b) => Number(b.blocking) - Number(a.blocking));
  }
  const report = buildReport(issues, [...source.skipped, ...skipped, ...checks.skipped], model);
  log.info(`${source.label}: ${report.state}: ${report.summary}`);
  return { report };
}

/** prd-bot's own draft PRs: a `prd-bot/` head branch in the repository itself (never a fork). */
export function isBotPullRequest(source: Pick<AuditSource, "headBranch" | "fromFork">, prefix: string): boolean {
  return !source.fromFork && source.headBranch !== undefined && source.headBranch.startsWith(prefix);
}

/** The files that fit `audit.max_files` and `audit.max_diff_bytes`, and a note for the rest. */
export function limitDiff(all: readonly AuditFile[], config: Config): { files: AuditFile[]; skipped: AuditSkip[] } {
  const files: AuditFile[] = [];
  const left: AuditFile[] = [];
  let bytes = 0;
  for (const file of all) {
    const size = file.patch?.length ?? 0;
    if (files.length >= config.audit.max_files || bytes + size > config.audit.max_diff_bytes) left.push(file);
    else {
      files.push(file);
      bytes += size;
    }
  }
  if (left.length === 0) return { files, skipped: [] };
  // Files beyond the limits still count by path (protected paths, deletions, tests), but no patch is read.
  for (const { patch: _patch, ...file } of left) files.push(file);
  const names = left.slice(0, 5).map((f) => f.path).join(", ") + (left.length > 5 ? `, …` : "");
  return { files, skipped: [{ what: `${left.length} of ${all.length} changed files (${names})`, reason: `beyond audit.max_files (${config.audit.max_files}) or audit.max_diff_bytes (${config.audit.max_diff_bytes})` }] };
}
