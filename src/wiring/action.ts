// Wiring for the Action: the runner's environment and inputs → a Forge, the state branch, the checkout as a
// Workspace, the model chain and the draft-PR publisher → the job the event asked for. Decisions stay in
// the jobs and in core; this assembles ports, and answers for jobs that land in later versions.
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { ActionInputs } from "../action/action-inputs.js";
import type { ActionResult, BudgetLeft } from "../action/action-result.js";
import { readRunnerEnv, type RunnerEnv } from "../action/runner-env.js";
import { runCycles } from "../action/run-cycles.js";
import { createForge } from "../adapters/forge/create-forge.js";
import { createOpenAIModelClient } from "../adapters/model/openai-compatible.js";
import { createBranchStore } from "../adapters/state/branch-store.js";
import { openGitWorkspace } from "../adapters/workspace/git-workspace.js";
import { resolveModelChain } from "../config/resolve-models.js";
import type { Config } from "../config/schema.js";
import { ledgerPath, parseLedger, utcDay } from "../core/budget.js";
import { findGaps } from "../core/gaps.js";
import type { JobRequest } from "../core/route-event.js";
import type { Logger } from "../jobs/logger.js";
import { createDraftPrPublisher } from "../jobs/publish-draft-pr.js";
import type { Forge, GitRemote } from "../ports/forge.js";
import type { StateStore } from "../ports/state.js";
import type { Workspace } from "../ports/workspace.js";
import { detectWorkspaceTestCommand } from "./workspace-test-command.js";
import { VERSION } from "../version.js";
import { replyNotYet } from "./action-replies.js";

export interface ActionJobInput {
  env: Record<string, string | undefined>;
  inputs: ActionInputs;
  request: Exclude<JobRequest, { job: "none" }>;
  config: Config;
  configFile: string;
  workspaceDir: string;
  payload: unknown;
  log: Logger;
  now: () => Date;
}

export async function runActionJob(input: ActionJobInput): Promise<ActionResult> {
  const { request, log } = input;
  const runner = readRunnerEnv(input.env, input.workspaceDir);
  const base: ActionResult = { job: request.job, reason: request.reason, records: [], notes: [] };

  if (request.job === "audit") {
    // The auditor lands in a later version; a PR event must not fail the PR's checks meanwhile.
    log.info(`the auditor is not available yet: pull request #${request.pr} is not audited by this version (nothing failed)`);
    return { ...base, unavailable: true, notes: [`auditor not available yet: #${request.pr} was not audited`] };
  }
  if (!input.inputs.token) {
    throw new Error("input `token` is empty: pass `token: ${{ github.token }}` (the default) or a token from a secret; prd-bot needs it to open pull requests and keep its records");
  }
  const forge = createForge(runner.kind, { repo: runner.repo, apiUrl: runner.apiUrl, serverUrl: runner.serverUrl, token: input.inputs.token, log });
  // One cheap request first: a wrong token or repository fails here, with a clear message, before any work.
  const defaultBranch = await forge.defaultBranch();

  if (request.job === "review" || request.job === "apply") return { ...base, ...(await replyNotYet(forge, request, log)) };
  const workspace = await openCheckout(runner);
  if (request.job === "gaps") {
    const prd = await workspace.readFile(input.config.prd.path);
    if (prd === undefined) throw new Error(`no PRD at ${input.config.prd.path} in the checkout (set prd.path in ${input.configFile})`);
    return { ...base, gaps: findGaps(prd, { tag: input.config.prd.tag }) };
  }
  return { ...base, ...(await cycles(input, runner, forge, workspace, defaultBranch, request)) };
}

async function cycles(
  input: ActionJobInput,
  runner: RunnerEnv,
  forge: Forge,
  workspace: Workspace,
  defaultBranch: string,
  request: Extract<JobRequest, { job: "cycle" }>,
): Promise<Pick<ActionResult, "records" | "notes" | "budget" | "stateDescription">> {
  const { log } = input;

  const branch = await workspace.currentBranch();
  if (branch !== defaultBranch) {
    throw new Error(
      `cycles start from the default branch ${defaultBranch}, but the checkout is on ${branch ?? "a detached HEAD"}. ` +
        `Run the workflow on ${defaultBranch} (actions/checkout with ref: ${defaultBranch})`,
    );
  }
  const scratch = await mkdtemp(path.join(runner.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(forge.gitRemote()), branch: input.config.state.branch, workDir: scratch });
    const model = createOpenAIModelClient(resolveModelChain(input.config, input.env, { file: input.configFile }));
    const publish = createDraftPrPublisher(forge, workspace, { base: defaultBranch, openPr: input.config.policy.open_pr, recordUrl: recordUrlFor(runner, input.config.state.branch) });
    const { records, notes } = await runCycles(
      { workspace, state, model, config: input.config, testCommand: input.config.test.command ?? (await detectWorkspaceTestCommand(workspace)), log, now: input.now, version: VERSION, publish },
      request,
    );
    if (request.issue) await reportOnIssue(forge, request.issue.number, records, log);
    return { records, notes, budget: await budgetLeft(state, input.config, input.now()), stateDescription: state.description };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function openCheckout(runner: RunnerEnv): Promise<Workspace> {
  try {
    return await openGitWorkspace(runner.workspaceDir);
  } catch (error) {
    throw new Error(`GITHUB_WORKSPACE (${runner.workspaceDir}) is not a git checkout: add \`- uses: actions/checkout@v4\` before prd-bot (${(error as Error).message})`);
  }
}

/**
 * The state store pushes with git's credential-in-URL; the forge hands out a Basic header for
 * http.extraHeader. Both carry the same user and token; neither is ever logged (the store redacts URLs).
 */
export function credentialedUrl(remote: GitRemote): string {
  const basic = /^Authorization:\s*Basic\s+(\S+)$/i.exec(remote.authHeader)?.[1];
  if (!basic) return remote.url;
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return remote.url;
  const url = new URL(remote.url);
  url.username = encodeURIComponent(decoded.slice(0, colon));
  url.password = encodeURIComponent(decoded.slice(colon + 1));
  return url.toString();
}

/** Where a cycle record can be read in the browser: the state branch's file view. */
function recordUrlFor(runner: RunnerEnv, stateBranch: string): (cycleId: string) => string {
  const repo = `${runner.serverUrl}/${runner.repo.owner}/${runner.repo.repo}`;
  const view = runner.kind === "gitea" ? `src/branch/${stateBranch}` : `blob/${stateBranch}`;
  return (cycleId) => `${repo}/${view}/cycles/${cycleId}.json`;
}


async function budgetLeft(state: StateStore, config: Config, at: Date): Promise<BudgetLeft> {
  const day = utcDay(at);
  const ledger = parseLedger(await state.read(ledgerPath(day)), day);
  return { day, calls: { used: ledger.calls, limit: config.budget.calls_per_day }, tokens: { used: ledger.tokens, limit: config.budget.tokens_per_day } };
}

/** The issue that asked for the work hears what came of it. */
async function reportOnIssue(forge: Forge, issue: number, records: { outcome: string; reason: string; pr_url: string | null }[], log: Logger): Promise<void> {
  const record = records[0];
  if (!record) return;
  const body = record.pr_url
    ? `prd-bot opened a draft pull request for this issue: ${record.pr_url}`
    : `prd-bot worked on this issue without opening a pull request: \`${record.outcome}\`, ${record.reason}`;
  await forge.comment(issue, body).catch((error: Error) => log.warn(`could not comment on issue #${issue}: ${error.message}`));
}
