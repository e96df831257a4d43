// The built-in runner of self-hosted mode (PRD_BOT_MODE=in-process): the app does the work itself instead of
// dispatching the repository's workflow. A cycle clones the default branch into a fresh temp folder, reads the
// repository's config from that clone and runs the same forge wiring as the Action (wiring/forge-cycles.ts);
// the folder is always removed. Review, apply and audit go through wiring/forge-jobs.ts like the Action (the
// clone is made only when the job asks for a checkout); an audit always finishes the pending prd-bot/auditor
// status that run-plan.ts set, so that it does not hang on the PR for ever.
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { cloneRepository } from "../adapters/workspace/clone-repository.js";
import { openGitWorkspace } from "../adapters/workspace/git-workspace.js";
import { ConfigError } from "../config/config-error.js";
import { parseConfig } from "../config/load-config.js";
import { inProcessTests } from "./in-process-tests.js";
import { DEFAULT_CONFIG_PATH } from "../config/schema.js";
import type { Logger } from "../jobs/logger.js";
import type { Forge, GitRemote } from "../ports/forge.js";
import type { Workspace } from "../ports/workspace.js";
import { postFinalStatus } from "../jobs/shared/post-status.js";
import { AUDITOR_CONTEXT } from "../core/post/status-contexts.js";
import { runForgeCycles, type CycleRequest, type ForgeCyclesResult } from "../wiring/forge-cycles.js";
import { runForgeJob, type ForgeJobRequest, type ForgeJobResult } from "../wiring/forge-jobs.js";
import type { JobRunner, RunnableJob } from "./job-starter.js";
import { basicCredentials } from "../adapters/forge/git-remote.js";
import { redactSecrets } from "../core/redact-secrets.js";

export interface InProcessRunnerOptions {
  /** The server's environment: model settings and keys (see `modelEnv`). */
  env: Record<string, string | undefined>;
  /** Where each job gets its own folder (clone + state scratch), removed when the job ends. */
  tempDir: string;
  log: Logger;
  /** The repository's config file, read from the clone (default .github/prd-bot.yml). */
  configPath?: string;
  now?: () => Date;
  /** Told each finished cycle job's result (tests, metrics). */
  onCycles?: (job: RunnableJob, result: ForgeCyclesResult) => void;
  /** Told each finished pull-request job's result (tests, metrics). */
  onForgeJob?: (job: RunnableJob, result: ForgeJobResult) => void;
}


export function createInProcessRunner(options: InProcessRunnerOptions): JobRunner {
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const now = options.now ?? (() => new Date());
  const env = modelEnv(options.env);
  const { log } = options;

  async function cycle(job: RunnableJob, where: string): Promise<void> {
    const { forge } = job;
    const defaultBranch = await forge.defaultBranch();
    const dir = await mkdtemp(path.join(options.tempDir, "prd-bot-job-"));
    try {
      const checkout = path.join(dir, "checkout");
      await cloneRepository(forge.gitRemote(), defaultBranch, checkout);
      const workspace = await openGitWorkspace(checkout);
      // Through the workspace, not the disk: a config that is a symlink out of the clone is refused.
      const config = parseConfig(await workspace.readFile(configPath), configPath);
      config.test = inProcessTests(config.test, options.env);
      const request: CycleRequest = {
        job: "cycle",
        reason: `in-process job for delivery ${job.deliveryId}`,
        trigger: job.gap ? "input" : "dispatch",
        maxCycles: 1,
        dryRun: false,
        ...(job.gap ? { gapId: job.gap } : {}),
      };
      const result = await runForgeCycles({ forge, workspace, config, configFile: configPath, env, tempDir: dir, request, log, now, defaultBranch });
      for (const record of result.records) {
        log.info(`${where}: cycle ${record.cycle_id}: ${record.outcome}: ${record.reason}${record.pr_url ? ` (${record.pr_url})` : ""}`);
      }
      for (const note of result.notes) log.info(`${where}: ${note}`);
      options.onCycles?.(job, result);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async function pullRequestJob(job: RunnableJob, pr: number, where: string): Promise<void> {
    const { forge } = job;
    const defaultBranch = await forge.defaultBranch();
    const request = forgeJobRequest(job, pr);
    let config;
    try {
      config = parseConfig(await forge.readFile(configPath, defaultBranch), configPath);
      config.test = inProcessTests(config.test, options.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      await answerConfigError(forge, request, error, where);
      return;
    }
    const dir = await mkdtemp(path.join(options.tempDir, "prd-bot-job-"));
    try {
      let clone: Promise<Workspace> | undefined;
      const workspace = () =>
        (clone ??= (async () => {
          const checkout = path.join(dir, "checkout");
          await cloneRepository(forge.gitRemote(), defaultBranch, checkout);
          return openGitWorkspace(checkout);
        })());
      const result = await runForgeJob(request, { forge, config, configFile: configPath, env, workspace, tempDir: dir, log, now, origin: "app" });
      for (const note of result.notes) log.info(`${where}: ${note}`);
      if (result.failure) log.warn(`${where}: ${request.job} on #${pr} failed: ${result.failure}`);
      options.onForgeJob?.(job, result);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A config the job cannot run with: the person who asked hears why; an audit's pending status is finished. */
  async function answerConfigError(forge: Forge, request: ForgeJobRequest, error: ConfigError, where: string): Promise<void> {
    log.warn(`${where}: ${request.job} on #${request.pr} not run, because ${configPath} is invalid: ${error.message}`);
    if (request.job === "audit") {
      const pull = await forge.getPullRequest(request.pr);
      const description = `${configPath} on the default branch is invalid: fix it and push again`;
      await postFinalStatus(forge, { sha: pull.headSha, context: AUDITOR_CONTEXT, state: "error", description, details: error.message, pr: request.pr });
      return;
    }
    await forge.comment(request.pr, `prd-bot could not run \`/scrum ${request.job}\`: the configuration on the default branch is invalid.\n\n${error.message}`);
  }

  return async (job) => {
    const where = `${job.repo.owner}/${job.repo.repo} [delivery ${job.deliveryId}]`;
    try {
      if (job.command === "cycle") return await cycle(job, where);
      if (job.pr === undefined) throw new Error(`the ${job.command} job names no pull request`);
      return await pullRequestJob(job, job.pr, where);
    } catch (error) {
      // Logged here, with the repository, and not rethrown: nothing upstream could say more. Tokens are cut out
      // even where an adapter might have let one through.
      log.warn(`${where}: in-process ${job.command} failed: ${redactSecrets((error as Error).message ?? String(error), secretsOf(job.forge))}`);
    }
  };
}

function forgeJobRequest(job: RunnableJob, pr: number): ForgeJobRequest {
  const reason = `in-process job for delivery ${job.deliveryId}`;
  if (job.command === "audit") return { job: "audit", reason, pr, fromFork: false };
  if (job.command === "apply") return { job: "apply", reason, pr };
  return { job: "review", reason, pr, ...(job.files?.length ? { files: job.files } : {}) };
}

/**
 * What a repository's config may read from the server's environment for its model chain: PRD_BOT_MODEL,
 * OPENAI_BASE_URL and variables named *_API_KEY. A config names its provider's key variable itself
 * (`api_key_env`), so without this rule any repository could send the app's own secrets (GITEA_TOKEN,
 * PRIVATE_KEY, WEBHOOK_SECRET, …) to a base_url of its choosing.
 */
export function modelEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name === "PRD_BOT_MODEL" || name === "OPENAI_BASE_URL" || /^[A-Z0-9_]+_API_KEY$/.test(name)) picked[name] = value;
  }
  return picked;
}

function secretsOf(forge: Forge): string[] {
  let remote: GitRemote;
  try {
    remote = forge.gitRemote();
  } catch {
    return [];
  }
  const credentials = basicCredentials(remote);
  if (!credentials) return [];
  const token = credentials.password;
  return [credentials.encoded, token, encodeURIComponent(token)].filter((secret) => secret.length >= 8);
}
