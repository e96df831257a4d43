// Wiring for the auditor: what it reads (a local base..head range, or a forge pull request whose head commit
// is fetched into a scratch bare repository; nothing checked out, nothing run) and the audit model chain
// behind the budget ledger. Shared by the CLI, the Action and the app's in-process runner.
import path from "node:path";
import { budgetedModelClient } from "../adapters/model/budgeted.js";
import { initParsers } from "../adapters/parsers/init-parsers.js";
import { createOpenAIModelClient } from "../adapters/model/openai-compatible.js";
import { commitMessages, diffRevisions, fetchRevision, mergeBase, resolveRevision, treeAt } from "../adapters/workspace/git-revisions.js";
import { execGit } from "../adapters/workspace/exec-git.js";
import { ConfigError } from "../config/config-error.js";
import { resolveModelChain } from "../config/resolve-models.js";
import type { Config } from "../config/schema.js";
import type { AuditFile, AuditSkip } from "../core/audit/audit-types.js";
import type { AuditSource } from "../jobs/audit/audit-source.js";
import type { Forge } from "../ports/forge.js";
import type { ModelClient } from "../ports/model.js";
import type { StateStore } from "../ports/state.js";

export interface LocalRange {
  /** The repository (any folder inside it). */
  root: string;
  base: string;
  head: string;
  title?: string;
  body?: string;
}

/** A local base..head range: diff from the merge base, the commits' messages, the tree at head. */
export async function localAuditSource(range: LocalRange): Promise<AuditSource> {
  // Definitions at head come from tree-sitter (renames); without the grammars symbolsOf falls back to regexes.
  await initParsers();
  const gitDir = (await execGit(range.root, ["rev-parse", "--absolute-git-dir"])).stdout.trim();
  const base = await resolveRevision(gitDir, range.base);
  const head = await resolveRevision(gitDir, range.head);
  const commits = await commitMessages(gitDir, base, head);
  const branch = /^[\w./-]+$/.test(range.head) && !/^[0-9a-f]{7,40}$/.test(range.head) ? range.head.replace(/^(refs\/heads\/|origin\/)/, "") : undefined;
  return {
    label: `${range.base}...${range.head}`,
    title: range.title ?? "",
    body: range.body ?? "",
    commits,
    author: "",
    ...(branch ? { headBranch: branch } : {}),
    fromFork: false,
    headSha: head,
    files: await diffRevisions(gitDir, base, head),
    tree: await treeAt(gitDir, head),
    ci: "unknown",
    skipped: [],
  };
}

/**
 * A forge pull request: its text and author from the API, the diff from the forge's compare (what the PR page
 * shows), and the tree at its head from `refs/pull/<n>/head`, fetched shallow into `scratchDir`. Works for
 * fork PRs too: that ref lives in the base repository on GitHub and Gitea.
 */
export async function forgeAuditSource(forge: Forge, pr: number, scratchDir: string): Promise<AuditSource> {
  await initParsers();
  const pull = await forge.getPullRequest(pr);
  const gitDir = path.join(scratchDir, "audit.git");
  const remote = forge.gitRemote();
  const depth = HISTORY_DEPTH;
  let fetched: string;
  try {
    fetched = await fetchRevision(remote, `refs/pull/${pr}/head`, gitDir, { depth });
  } catch (error) {
    // A same-repository PR's head is also a branch (a forge without pull refs, e.g. a mirror).
    if (pull.fromFork) throw error;
    fetched = await fetchRevision(remote, `refs/heads/${pull.head}`, gitDir, { depth });
  }
  const skipped: AuditSkip[] = [];
  if (fetched !== pull.headSha) skipped.push({ what: `commit ${pull.headSha.slice(0, 12)}`, reason: `refs/pull/${pr}/head is at ${fetched.slice(0, 12)}: a newer push is audited by its own run` });
  // The diff and the commits from git when the shallow history reaches the merge base (it always does for PRs
  // of fewer than HISTORY_DEPTH commits on a base that moved less); otherwise the forge's compare.
  const baseTip = await fetchRevision(remote, `refs/heads/${pull.base}`, gitDir, { depth, localRef: "refs/prd-bot/base" }).catch(() => undefined);
  const base = baseTip ? await mergeBase(gitDir, baseTip, fetched) : undefined;
  let files: AuditFile[];
  let commits: string[];
  if (base) {
    files = await diffRevisions(gitDir, base, fetched);
    commits = await commitMessages(gitDir, base, fetched);
  } else {
    const compared = await forge.compare(pull.base, pull.headSha);
    files = compared.map((f) => ({ path: f.path, status: f.status, ...(f.previousPath ? { previousPath: f.previousPath } : {}), ...(f.patch ? { patch: f.patch } : {}) }));
    const message = (await execGit(gitDir, ["log", "-1", "--format=%B", fetched])).stdout.trim();
    commits = message ? [message] : [];
    skipped.push({ what: "commit messages before the head commit", reason: `the merge base is more than ${depth} commits away` });
  }
  const noPatch = files.filter((f) => !f.patch && f.status !== "removed" && f.status !== "renamed");
  if (noPatch.length > 0) skipped.push({ what: `${noPatch.length} file(s) without a patch (${noPatch.slice(0, 3).map((f) => f.path).join(", ")}${noPatch.length > 3 ? ", …" : ""})`, reason: "binary, or not shown by the forge" });
  return {
    label: `${forge.repo.owner}/${forge.repo.repo}#${pr}`,
    title: pull.title,
    body: pull.body,
    commits,
    author: pull.author,
    headBranch: pull.head,
    fromFork: pull.fromFork,
    headSha: pull.headSha,
    files,
    tree: await treeAt(gitDir, fetched),
    ci: "unknown",
    skipped,
  };
}

/** Commits of history fetched for a forge PR's head and base: enough to find the merge base of most PRs. */
const HISTORY_DEPTH = 50;

/** The audit model chain, budgeted on `state`; or why the model check is skipped (never an error). */
export function auditModel(config: Config, env: Record<string, string | undefined>, state: StateStore | undefined, now: () => Date, configFile?: string): { model?: ModelClient; skipped?: string } {
  if (config.models.audit.length === 0) return { skipped: "no models.audit configured" };
  if (!state) return { skipped: "no state store to keep the budget ledger in" };
  try {
    const chain = resolveModelChain(config, env, { task: "audit", ...(configFile ? { file: configFile } : {}) });
    const inner = createOpenAIModelClient(chain);
    return { model: budgetedModelClient(inner, { state, limits: config.budget, now }) };
  } catch (error) {
    if (error instanceof ConfigError) return { skipped: error.message };
    throw error;
  }
}
