// Propose cycles on a forge, wired the same way for the Action (the runner's checkout) and the webhook app's
// in-process jobs (a fresh clone): the state branch on the forge's git remote, the model chain from config +
// environment, the draft-PR publisher, then runCycles picks the gaps. Entry points only hand over a checkout
// on the default branch, the config, the environment and a scratch folder.
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { createOpenAIModelClient } from "../adapters/model/openai-compatible.js";
import { createBranchStore } from "../adapters/state/branch-store.js";
import { resolveModelChain } from "../config/resolve-models.js";
import type { Config } from "../config/schema.js";
import { ledgerPath, parseLedger, utcDay } from "../core/budget.js";
import type { JobRequest } from "../core/events/route-event.js";
import type { CycleRecord } from "../core/types.js";
import type { Logger } from "../jobs/logger.js";
import { createDraftPrPublisher } from "../jobs/propose/publish-draft-pr.js";
import { runCycles } from "../jobs/propose/run-cycles.js";
import type { Forge, GitRemote } from "../ports/forge.js";
import type { StateStore } from "../ports/state.js";
import type { Workspace } from "../ports/workspace.js";
import { VERSION } from "../version.js";
import { detectWorkspaceTestCommand } from "./workspace-test-command.js";
import { basicCredentials } from "../adapters/forge/git-remote.js";
import { initParsers } from "../adapters/parsers/init-parsers.js";

export type CycleRequest = Extract<JobRequest, { job: "cycle" }>;

export interface BudgetLeft {
  day: string;
  calls: { used: number; limit: number };
  tokens: { used: number; limit: number };
}

export interface ForgeCyclesInput {
  forge: Forge;
  /** A checkout of the repository, on its default branch and clean. */
  workspace: Workspace;
  config: Config;
  /** The config file as named in messages. */
  configFile: string;
  /** Where model keys (and PRD_BOT_MODEL, OPENAI_BASE_URL) are read from. */
  env: Record<string, string | undefined>;
  /** A folder for the state branch's scratch repository (removed afterwards). */
  tempDir: string;
  request: CycleRequest;
  log: Logger;
  now: () => Date;
  /** The forge's default branch when the caller has already asked for it. */
  defaultBranch?: string;
}

export interface ForgeCyclesResult {
  records: CycleRecord[];
  notes: string[];
  budget: BudgetLeft;
  /** Where the records live, for summaries and logs. */
  stateDescription: string;
}

export async function runForgeCycles(input: ForgeCyclesInput): Promise<ForgeCyclesResult> {
  const { forge, workspace, config, request, log } = input;
  const defaultBranch = input.defaultBranch ?? (await forge.defaultBranch());
  const branch = await workspace.currentBranch();
  if (branch !== defaultBranch) {
    throw new Error(
      `cycles start from the default branch ${defaultBranch}, but the checkout is on ${branch ?? "a detached HEAD"}. ` +
        `Run the workflow on ${defaultBranch} (actions/checkout with ref: ${defaultBranch})`,
    );
  }
  // Resolved before any git work: a missing key or model fails fast, naming the config key to fix.
  const model = createOpenAIModelClient(resolveModelChain(config, input.env, { file: input.configFile }), { maxAnswerBytes: config.models.max_answer_bytes });
  const localizeModel =
    config.context.localize === "model" && config.models.localize.length > 0
      ? createOpenAIModelClient(resolveModelChain(config, input.env, { task: "localize", file: input.configFile }), { maxAnswerBytes: config.models.max_answer_bytes })
      : undefined;
  const remote = forge.gitRemote();
  const scratch = await mkdtemp(path.join(input.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(remote), branch: config.state.branch, workDir: scratch });
    const publish = createDraftPrPublisher(forge, workspace, { base: defaultBranch, openPr: config.policy.open_pr, recordUrl: recordUrlFor(forge, remote, config.state.branch) });
    const testCommand = config.test.command ?? (await detectWorkspaceTestCommand(workspace));
    // Real parsers for the symbol index, outlines and regions (WebAssembly grammars; the fallback when absent).
    await initParsers();
    const { records, notes } = await runCycles({ workspace, state, model, ...(localizeModel ? { localizeModel } : {}), config, testCommand, log, now: input.now, version: VERSION, publish }, request);
    if (request.issue) await reportOnIssue(forge, request.issue.number, records, log);
    return { records, notes, budget: await budgetLeft(state, config, input.now()), stateDescription: state.description };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The state store pushes with git's credential-in-URL; the forge hands out a Basic header for
 * http.extraHeader. Both carry the same user and token; neither is ever logged (the store redacts URLs).
 */
export function credentialedUrl(remote: GitRemote): string {
  const credentials = basicCredentials(remote);
  if (!credentials) return remote.url;
  const url = new URL(remote.url);
  url.username = encodeURIComponent(credentials.user);
  url.password = encodeURIComponent(credentials.password);
  return url.toString();
}

/**
 * Where a cycle record can be read in the browser: the state branch's file view. The clone URL is the
 * repository's web page plus `.git` on both forges (adapters/forge/git-remote.ts).
 */
function recordUrlFor(forge: Forge, remote: GitRemote, stateBranch: string): (cycleId: string) => string {
  const repo = remote.url.replace(/\.git$/, "");
  const view = forge.kind === "gitea" ? `src/branch/${stateBranch}` : `blob/${stateBranch}`;
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
