// Wiring for the Action: the runner's environment and inputs → a Forge and the checkout as a Workspace → the
// job the event asked for; cycles go through forge-cycles.ts (state branch, model chain, draft-PR publisher),
// which the webhook app's in-process runner shares. Decisions stay in the jobs and in core; this assembles
// ports; pull-request jobs (review, apply, audit, /scrum help) go through forge-jobs.ts, shared with the app.
import type { ActionInputs } from "../action/action-inputs.js";
import type { ActionResult } from "../action/action-result.js";
import { readRunnerEnv, type RunnerEnv } from "../action/runner-env.js";
import { createForge } from "../adapters/forge/create-forge.js";
import { openGitWorkspace } from "../adapters/workspace/git-workspace.js";
import type { Config } from "../config/schema.js";
import { findGaps } from "../core/gaps/gaps.js";
import type { JobRequest } from "../core/events/route-event.js";
import type { Logger } from "../jobs/logger.js";
import type { Workspace } from "../ports/workspace.js";
import { runForgeCycles, type CycleRequest } from "./forge-cycles.js";
import { runForgeJob } from "./forge-jobs.js";

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

  if (!input.inputs.token) {
    throw new Error("input `token` is empty: pass `token: ${{ github.token }}` (the default) or a token from a secret; prd-bot needs it to open pull requests and keep its records");
  }
  const forge = createForge(runner.kind, { repo: runner.repo, apiUrl: runner.apiUrl, serverUrl: runner.serverUrl, token: input.inputs.token, log });
  // One cheap request first: a wrong token or repository fails here, with a clear message, before any work.
  const defaultBranch = await forge.defaultBranch();

  if (request.job === "review" || request.job === "apply" || request.job === "audit" || request.job === "help") {
    let checkout: Promise<Workspace> | undefined;
    const result = await runForgeJob(request, {
      forge,
      config: input.config,
      configFile: input.configFile,
      env: input.env,
      workspace: () => (checkout ??= openCheckout(runner)),
      tempDir: runner.tempDir,
      log,
      now: input.now,
      origin: "action",
    });
    return { ...base, ...result };
  }
  const workspace = await openCheckout(runner);
  if (request.job === "gaps") {
    const prd = await workspace.readFile(input.config.prd.path);
    if (prd === undefined) throw new Error(`no PRD at ${input.config.prd.path} in the checkout (set prd.path in ${input.configFile})`);
    return { ...base, gaps: findGaps(prd, { tag: input.config.prd.tag }) };
  }
  return {
    ...base,
    ...(await runForgeCycles({ forge, workspace, config: input.config, configFile: input.configFile, env: input.env, tempDir: runner.tempDir, request: request satisfies CycleRequest, log, now: input.now, defaultBranch })),
  };
}

async function openCheckout(runner: RunnerEnv): Promise<Workspace> {
  try {
    return await openGitWorkspace(runner.workspaceDir);
  } catch (error) {
    throw new Error(`GITHUB_WORKSPACE (${runner.workspaceDir}) is not a git checkout: add \`- uses: actions/checkout@v4\` before prd-bot (${(error as Error).message})`);
  }
}
