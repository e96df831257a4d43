// The pull-request jobs (review, apply, audit, and the `/scrum help` answer), wired once for the Action and the
// webhook app's in-process runner: who asked is authorized here (the Action; the app's run-plan.ts did it
// before starting the job), then the job's arm runs. Each job owner replaces their arm with the job itself
// (runReviewJob in src/jobs/review/index.ts, runApplyJob in src/jobs/apply/index.ts, runAuditJob in
// src/jobs/audit/index.ts, through audit-job.ts); until then an arm gives this version's "not yet" answer.
import type { Config } from "../config/schema.js";
import type { JobRequest } from "../core/events/route-event.js";
import { scrumHelp } from "../core/events/scrum-command.js";
import type { Logger } from "../jobs/logger.js";
import type { Forge } from "../ports/forge.js";
import type { Workspace } from "../ports/workspace.js";
import { notYetComment } from "./action-replies.js";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { createBranchStore } from "../adapters/state/branch-store.js";
import { runReviewJob } from "../jobs/review/index.js";
import { initParsers } from "../adapters/parsers/init-parsers.js";
import { ConfigError } from "../config/config-error.js";
import { sanitizeModelText } from "../core/post/sanitize.js";
import { credentialedUrl } from "./forge-cycles.js";
import { reviewModelsFor } from "./review-models.js";

export type ForgeJobRequest = Extract<JobRequest, { job: "review" | "apply" | "audit" | "help" }>;

export interface ForgeJobDeps {
  forge: Forge;
  config: Config;
  /** The config file as named in messages. */
  configFile: string;
  /** Model keys and settings (the app passes only `modelEnv`). */
  env: Record<string, string | undefined>;
  /**
   * A clean checkout of the repository, opened on first use (not every job needs one): the Action's runner
   * checkout (GITHUB_WORKSPACE), or in the app a fresh clone of the default branch in `tempDir`.
   */
  workspace: () => Promise<Workspace>;
  /** Scratch space for this job (state-branch clone, …), removed by the caller afterwards. */
  tempDir: string;
  log: Logger;
  now: () => Date;
  /**
   * "action": the requester (commenter, labeler) is authorized here. "app": run-plan.ts checked the
   * requester's write access and reacted 👀 before it started the job.
   */
  origin: "action" | "app";
}

export interface ForgeJobResult {
  notes: string[];
  /** Done, but not by this version (a job that lands later). */
  unavailable?: boolean;
  /** Why the job failed: the Action's exit status and the app's log line. */
  failure?: string;
}

/** Commands from comments and labels run only for people who can push to the repository. */
export const WRITE_ACCESS = new Set(["admin", "write"]);

export async function runForgeJob(request: ForgeJobRequest, deps: ForgeJobDeps): Promise<ForgeJobResult> {
  const refused = await authorize(request, deps);
  if (refused) return refused;
  switch (request.job) {
    case "help":
      return answerHelp(request, deps);
    case "review":
      return reviewArm(request, deps);
    case "apply":
      return notYetReply(request, deps);
    case "audit":
      // Loaded on demand: the auditor's checks are not needed by the other jobs.
      return (await import("./audit-job.js")).runForgeAudit(request.pr, deps);
  }
}

/** Who asked: a comment's author or the labeler; undefined for a dispatch (only writers can dispatch). */
export function requesterOf(request: ForgeJobRequest): string | undefined {
  if (request.job === "audit") return undefined;
  if (request.comment) return request.comment.author || undefined;
  return request.job === "review" ? request.labeler : undefined;
}

async function authorize(request: ForgeJobRequest, deps: ForgeJobDeps): Promise<ForgeJobResult | undefined> {
  if (deps.origin === "app") return undefined;
  const requester = requesterOf(request);
  const what = request.job === "help" ? "/scrum help" : request.job === "review" && !request.comment ? `the review label` : `/scrum ${request.job}`;
  if (request.job !== "audit" && (request.comment || (request.job === "review" && request.labeler !== undefined)) && !requester) {
    return { notes: [`${what} on #${request.pr} ignored: the event names nobody whose write access could be checked`] };
  }
  if (requester === undefined) return undefined;
  const permission = await deps.forge.permission(requester);
  if (!WRITE_ACCESS.has(permission)) {
    // Never answered, not even to say no: the bot must not be a way to spam a pull request.
    deps.log.info(`${what} by ${requester} on #${request.pr} ignored: commands need write access (${requester} has ${permission})`);
    return { notes: [`${what} by ${requester} ignored: no write access`] };
  }
  const comment = request.job === "audit" ? undefined : request.comment;
  if (comment && deps.forge.capabilities.reactions) {
    // The 👀 only acknowledges; failing to add it must not stop the work.
    await deps.forge.react(comment.id, "eyes").catch((error: unknown) => deps.log.warn(`could not react to comment ${comment.id}: ${(error as Error).message}`));
  }
  return undefined;
}

async function answerHelp(request: Extract<ForgeJobRequest, { job: "help" }>, deps: ForgeJobDeps): Promise<ForgeJobResult> {
  const posted = await deps.forge.comment(request.pr, scrumHelp({ problem: request.problem, label: deps.config.review.label }));
  deps.log.info(`answered ${request.reason} with the command list (${posted.url})`);
  return { notes: [`answered with the /scrum command list (${posted.url})`] };
}

/** The review: the ladder and embedder from config + env (a missing model fails here, naming the key), the state branch, the job. */
async function reviewArm(request: Extract<ForgeJobRequest, { job: "review" }>, deps: ForgeJobDeps): Promise<ForgeJobResult> {
  let models: ReturnType<typeof reviewModelsFor>;
  try {
    models = reviewModelsFor(deps.config, deps.env, { file: deps.configFile });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Whoever asked hears why nothing happens, and what to set.
    const asked = requesterOf(request) !== undefined || deps.origin === "app";
    if (asked) await deps.forge.comment(request.pr, `prd-bot could not review this pull request: ${sanitizeModelText(error.message)}`);
    return { notes: [`review of #${request.pr} not started: ${error.message}`], failure: error.message };
  }
  const workspace = await deps.workspace();
  await initParsers();
  const scratch = await mkdtemp(path.join(deps.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(deps.forge.gitRemote()), branch: deps.config.state.branch, workDir: scratch });
    return await runReviewJob(request, { forge: deps.forge, workspace, state, ladder: models.ladder, ...(models.embedder ? { embedder: models.embedder } : {}), config: deps.config, log: deps.log, now: deps.now });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function notYetReply(request: Extract<ForgeJobRequest, { job: "review" | "apply" }>, deps: ForgeJobDeps): Promise<ForgeJobResult> {
  const command = `/scrum ${request.job}`;
  const asked = requesterOf(request) !== undefined || deps.origin === "app";
  if (!asked) {
    deps.log.info(`${command} for #${request.pr} is not available in this version yet`);
    return { unavailable: true, notes: [`${command} is not available yet; nothing was done on #${request.pr}`] };
  }
  const fork = request.job === "apply" ? (await deps.forge.getPullRequest(request.pr)).fromFork : false;
  const posted = await deps.forge.comment(request.pr, notYetComment(request.job, fork));
  const who = requesterOf(request);
  deps.log.info(`answered ${command}${who ? ` by ${who}` : ""} on #${request.pr}: not available yet (${posted.url})`);
  return { unavailable: true, notes: [`${command}${who ? ` by ${who}` : ""}: replied that it is not available yet (${posted.url})`] };
}
