// The `/scrum apply` arm of forge-jobs.ts: the patch model chain from config + environment (a missing model
// fails here, naming the key, and whoever asked hears it), the state branch, then the job.
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { createOpenAIModelClient } from "../adapters/model/openai-compatible.js";
import { initParsers } from "../adapters/parsers/init-parsers.js";
import { createBranchStore } from "../adapters/state/branch-store.js";
import { ConfigError } from "../config/config-error.js";
import { resolveModelChain } from "../config/resolve-models.js";
import { sanitizeModelText } from "../core/post/sanitize.js";
import { runApplyJob } from "../jobs/apply/index.js";
import type { ForgeJobDeps, ForgeJobResult } from "./forge-jobs.js";
import { credentialedUrl } from "./forge-cycles.js";
import { detectWorkspaceTestCommand } from "./workspace-test-command.js";

export async function runForgeApply(request: { pr: number; asked: boolean }, deps: ForgeJobDeps): Promise<ForgeJobResult> {
  let model;
  try {
    model = createOpenAIModelClient(resolveModelChain(deps.config, deps.env, { task: "patch", file: deps.configFile }), { maxAnswerBytes: deps.config.models.max_answer_bytes });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (request.asked) await deps.forge.comment(request.pr, `prd-bot could not apply patches on this pull request: ${sanitizeModelText(error.message)}`);
    return { notes: [`apply on #${request.pr} not started: ${error.message}`], failure: error.message };
  }
  await initParsers();
  const scratch = await mkdtemp(path.join(deps.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(deps.forge.gitRemote()), branch: deps.config.state.branch, workDir: scratch });
    return await runApplyJob(
      { pr: request.pr },
      { forge: deps.forge, config: deps.config, model, state, tempDir: deps.tempDir, log: deps.log, now: deps.now, detectCheckCommand: detectWorkspaceTestCommand },
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
