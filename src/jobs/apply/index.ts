// `/scrum apply` on a forge: where the commits go is decided here. Same-repository PR (apply.push_to_pr) →
// commits on the PR's branch, pushed without force after checking its tip did not move; push_to_pr false →
// a follow-up draft PR into the PR's branch; a fork → the check command never runs (fork code never runs
// with the repository's secrets) and the patches are posted as committable suggestions. Never the default
// branch. The report is one comment edited in place.
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { cloneRepository } from "../../adapters/workspace/clone-repository.js";
import { openGitWorkspace } from "../../adapters/workspace/git-workspace.js";
import { changedLines } from "../../core/apply/changed-lines.js";
import { APPLY_REPORT_MARKER, renderApplyReport } from "../../core/apply/render-apply-report.js";
import { diffLines } from "../../core/post/diff-lines.js";
import { renderSuggestion } from "../../core/post/render-suggestion.js";
import { sanitizeModelText } from "../../core/post/sanitize.js";
import type { Config } from "../../config/schema.js";
import { PushRejectedError, type Workspace } from "../../ports/workspace.js";
import type { Forge, LineComment, PullRequest } from "../../ports/forge.js";
import type { ModelClient } from "../../ports/model.js";
import type { StateStore } from "../../ports/state.js";
import type { Logger } from "../logger.js";
import { applyRules } from "../propose/propose-cycle.js";
import { upsertReport } from "../shared/upsert-report.js";
import { reviewsForHead, runApply, type RunApplyResult } from "./run-apply.js";

export interface ApplyJobDeps {
  forge: Forge;
  config: Config;
  model: ModelClient;
  state: StateStore;
  /** Scratch space: the PR branch is cloned here. */
  tempDir: string;
  log: Logger;
  now: () => Date;
  /** The test command a checkout implies when neither apply.check_command nor test.command is set. */
  detectCheckCommand: (workspace: Workspace) => Promise<string | undefined>;
}

export interface ApplyJobResult {
  notes: string[];
  failure?: string;
}

type Delivery = "push" | "draft_pr" | "suggest";

export async function runApplyJob(request: { pr: number }, deps: ApplyJobDeps): Promise<ApplyJobResult> {
  const { forge, config, log } = deps;
  const pull = await forge.getPullRequest(request.pr);
  const defaultBranch = await forge.defaultBranch();
  const delivery: Delivery = pull.fromFork ? "suggest" : config.apply.push_to_pr && pull.head !== defaultBranch ? "push" : "draft_pr";
  const common = { config, state: deps.state, log, now: deps.now, model: deps.model, protectedGlobs: applyRules(config).protectedGlobs };
  const notes: string[] = [];
  // No records for this head: say so before cloning anything.
  const found = await reviewsForHead(deps.state, { headSha: pull.headSha, pr: pull.number });
  if (!found.ok) {
    await upsertReport(forge, pull.number, APPLY_REPORT_MARKER, `### prd-bot scrum apply: #${pull.number}\n\n${found.reason}`);
    log.info(found.reason);
    return { notes: [found.reason] };
  }
  let result: RunApplyResult;
  let deliveryText: string;
  if (delivery === "suggest") {
    result = await runApply({ ...common, read: (file) => forge.readFile(file, pull.headSha) }, { headSha: pull.headSha, pr: pull.number, mode: "suggest" });
    deliveryText = "This pull request comes from a fork: its code was not run (no secrets for fork code), and the patches are posted as suggestions to review and commit by hand.";
    if (result.ok) notes.push(...(await postSuggestions(forge, pull, result)));
  } else {
    const workspace = await cloneHead(deps, pull);
    const checkCommand = config.apply.check_command ?? config.test.command ?? (await deps.detectCheckCommand(workspace));
    result = await runApply(
      { ...common, workspace, read: (file) => workspace.readFile(file), ...(checkCommand ? { checkCommand } : {}) },
      { headSha: pull.headSha, pr: pull.number, mode: "commit" },
    );
    const committed = result.ok ? result.files.filter((file) => file.commit !== null).length : 0;
    deliveryText =
      committed === 0
        ? "Nothing was committed."
        : delivery === "push"
          ? await pushToPr(forge, workspace, pull, committed)
          : await openFollowUp(forge, workspace, pull, committed);
  }
  if (!result.ok) {
    await upsertReport(forge, pull.number, APPLY_REPORT_MARKER, `### prd-bot scrum apply: #${pull.number}\n\n${result.reason}`);
    log.info(result.reason);
    return { notes: [result.reason] };
  }
  const body = renderApplyReport({ pr: pull.number, headSha: pull.headSha, delivery: deliveryText, files: result.files, skipped: result.skipped, tokens: result.tokens, notes, sanitize: sanitizeModelText });
  const report = await upsertReport(forge, pull.number, APPLY_REPORT_MARKER, body);
  const summary = `apply on #${pull.number}: ${result.files.map((file) => `${file.path} ${file.action}`).join(", ") || "no eligible file"}; ${deliveryText}`;
  log.info(summary);
  return { notes: [summary, ...(report ? [`report ${report.url}`] : [])] };
}

async function cloneHead(deps: ApplyJobDeps, pull: PullRequest): Promise<Workspace> {
  const dir = path.join(await mkdtemp(path.join(deps.tempDir, "prd-bot-apply-")), "checkout");
  await cloneRepository(deps.forge.gitRemote(), pull.head, dir);
  const workspace = await openGitWorkspace(dir);
  const sha = await workspace.headSha();
  if (sha !== pull.headSha) throw new Error(`the branch ${pull.head} of #${pull.number} moved (${sha.slice(0, 12)}, PR says ${pull.headSha.slice(0, 12)}): run the review again, then /scrum apply`);
  return workspace;
}

/** Push to the PR's branch, only when its tip is still the reviewed head (and git refuses anything but a fast-forward). */
async function pushToPr(forge: Forge, workspace: Workspace, pull: PullRequest, committed: number): Promise<string> {
  const now = await forge.getPullRequest(pull.number);
  const moved = `The branch \`${pull.head}\` moved while prd-bot worked (now \`${now.headSha.slice(0, 12)}\`); nothing was pushed. Run the review again, then \`/scrum apply\`.`;
  if (now.headSha !== pull.headSha) return moved;
  try {
    await workspace.push(forge.gitRemote(), pull.head);
  } catch (error) {
    if (error instanceof PushRejectedError) return moved;
    throw error;
  }
  return `Pushed ${committed} commit(s) to \`${pull.head}\`, one per file.`;
}

async function openFollowUp(forge: Forge, workspace: Workspace, pull: PullRequest, committed: number): Promise<string> {
  const branch = `prd-bot/apply-${pull.number}-${pull.headSha.slice(0, 7)}`;
  await workspace.checkoutNewBranch(branch);
  await workspace.push(forge.gitRemote(), branch);
  const opened = await forge.openDraftPullRequest({
    head: branch,
    base: pull.head,
    title: `prd-bot apply: ${committed} file(s) from the review of #${pull.number}`,
    body: `Patches from high-confidence review findings of #${pull.number} at ${pull.headSha.slice(0, 12)}, checked one file at a time. See the apply report on #${pull.number}.`,
    labels: [],
  });
  return `Opened the follow-up draft PR ${opened.url} into \`${pull.head}\` with ${committed} commit(s), one per file.`;
}

/** One suggestion per applied patch whose lines are in the PR's diff; the rest go into the report as text. */
async function postSuggestions(forge: Forge, pull: PullRequest, result: Extract<RunApplyResult, { ok: true }>): Promise<string[]> {
  const files = result.files.filter((file) => file.action === "suggested" && file.original !== undefined && file.patched !== undefined);
  if (files.length === 0) return [];
  const compared = await forge.compare(pull.base, pull.headSha);
  const comments: LineComment[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const change = changedLines(file.original as string, file.patched as string);
    if (!change) continue;
    const commentable = diffLines(compared.find((entry) => entry.path === file.path)?.patch);
    const inDiff = Array.from({ length: change.end - change.start + 1 }, (_, i) => change.start + i).every((line) => commentable.has(line));
    const suggestion = renderSuggestion(change.lines.join("\n"), { committable: inDiff && forge.capabilities.suggestions });
    if (inDiff) {
      comments.push({ path: file.path, line: change.end, side: "RIGHT", ...(change.end > change.start ? { startLine: change.start } : {}), body: `prd-bot apply:\n\n${suggestion}` });
    } else {
      notes.push(`\`${file.path}\` lines ${change.start}-${change.end} are outside the diff, so no suggestion could be placed there:\n\n${suggestion}`);
    }
  }
  if (comments.length > 0) await forge.review(pull.number, { body: "prd-bot apply: suggestions from the review's high-confidence findings.", comments, commitSha: pull.headSha });
  return notes;
}
