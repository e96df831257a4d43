// The built-in runner of self-hosted mode (PRD_BOT_MODE=in-process): the app does the work itself instead of
// dispatching the repository's workflow. A cycle clones the default branch into a fresh temp folder, reads the
// repository's config from that clone and runs the same forge wiring as the Action (wiring/forge-cycles.ts);
// the folder is always removed. Review and apply answer "not available yet" like the Action; an audit resolves
// the pending prd-bot/auditor status that run-plan.ts set, so that it does not hang on the PR for ever.
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { cloneRepository } from "../adapters/workspace/clone-repository.js";
import { openGitWorkspace } from "../adapters/workspace/git-workspace.js";
import { parseConfig } from "../config/load-config.js";
import { DEFAULT_CONFIG_PATH } from "../config/schema.js";
import type { Logger } from "../jobs/logger.js";
import type { Forge, GitRemote } from "../ports/forge.js";
import { notYetComment } from "../wiring/action-replies.js";
import { runForgeCycles, type CycleRequest, type ForgeCyclesResult } from "../wiring/forge-cycles.js";
import type { JobRunner, RunnableJob } from "./job-starter.js";
import { AUDITOR_CONTEXT } from "./run-plan.js";
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
}

export const AUDIT_UNAVAILABLE = "auditor not available in this version";

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

  async function notYet(forge: Forge, command: "review" | "apply", pr: number, where: string): Promise<void> {
    // run-plan.ts checked the author's write access before starting the job.
    const fork = command === "apply" ? (await forge.getPullRequest(pr)).fromFork : false;
    const posted = await forge.comment(pr, notYetComment(command, fork));
    log.info(`${where}: /scrum ${command} on #${pr}: replied that it is not available yet (${posted.url})`);
  }

  async function audit(forge: Forge, pr: number, where: string): Promise<void> {
    // The pending status sits on the head run-plan.ts saw; the job names only the PR, so its current head is
    // used (a newer push brought its own pending status and its own job).
    const pull = await forge.getPullRequest(pr);
    await forge.setStatus({ sha: pull.headSha, context: AUDITOR_CONTEXT, state: "success", description: AUDIT_UNAVAILABLE });
    log.info(`${where}: #${pr} was not audited (${AUDIT_UNAVAILABLE}); ${AUDITOR_CONTEXT} set to success`);
  }

  return async (job) => {
    const where = `${job.repo.owner}/${job.repo.repo} [delivery ${job.deliveryId}]`;
    try {
      if (job.command === "cycle") return await cycle(job, where);
      if (job.pr === undefined) throw new Error(`the ${job.command} job names no pull request`);
      if (job.command === "audit") return await audit(job.forge, job.pr, where);
      return await notYet(job.forge, job.command, job.pr, where);
    } catch (error) {
      // Logged here, with the repository, and not rethrown: nothing upstream could say more. Tokens are cut out
      // even where an adapter might have let one through.
      log.warn(`${where}: in-process ${job.command} failed: ${redactSecrets((error as Error).message ?? String(error), secretsOf(job.forge))}`);
    }
  };
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
