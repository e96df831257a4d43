// Carries out one plan against the repository's forge, after the delivery has been answered: the permission
// check, the 👀 reaction, the commit status, and starting the job. Returns one line for the log; throws only
// what nobody can act on in the repository (the forge failing), which the dispatcher logs.
import { ConfigError } from "../config/config-error.js";
import { parseConfig } from "../config/load-config.js";
import type { Logger } from "../jobs/logger.js";
import type { Forge } from "../ports/forge.js";
import { AUDITOR_CONTEXT } from "../core/post/status-contexts.js";
import type { JobRequest, Plan, Target } from "./decide.js";
import { asksForReview, mayCommand, touchesPrd } from "./decide.js";
import { DEFAULT_REVIEW_LABEL } from "../core/events/route-event.js";
import { scrumHelp } from "../core/events/scrum-command.js";
import type { StartJob } from "./job-starter.js";
import type { WorkflowSite } from "./messages.js";
import { cannotStartComment, cannotStartLog, cannotStartStatus, describeJob, notAllowedReply } from "./messages.js";

export type ActionPlan = Exclude<Plan, { type: "ignore" } | { type: "invalid" }>;

export interface PlanContext {
  forge: Forge;
  deliveryId: string;
  log: Logger;
  startJob: StartJob;
  workflow: string;
  /** The repository's prd-bot config file, read from the default branch. */
  configPath: string;
}

export { AUDITOR_CONTEXT };
const ZERO_SHA = /^0+$/;

export async function runPlan(plan: ActionPlan, ctx: PlanContext): Promise<string> {
  switch (plan.type) {
    case "scrum":
      return runScrum(plan, ctx);
    case "label":
      return runLabel(plan, ctx);
    case "audit":
      return runAudit(plan, ctx);
    case "prd-push":
      return runPrdPush(plan, ctx);
    case "cycle": {
      const result = await start({ command: "cycle" }, plan.target, ctx);
      if (result.started) return result.line;
      // A person labelled the issue: tell them there why nothing happened.
      await ctx.forge.comment(plan.issue, result.comment);
      return result.line;
    }
  }
}

async function runScrum(plan: Extract<ActionPlan, { type: "scrum" }>, ctx: PlanContext): Promise<string> {
  const { forge } = ctx;
  const { command } = plan;
  const permission = await forge.permission(plan.author);
  if (!mayCommand(permission)) {
    await forge.comment(plan.pr, notAllowedReply(plan.author, command.text));
    return `declined ${command.text} on #${plan.pr} from ${plan.author} (permission: ${permission}); replied`;
  }
  if (forge.capabilities.reactions) {
    // The reaction only acknowledges; failing to add it must not stop the work itself.
    await forge.react(plan.commentId, "eyes").catch((error: unknown) => ctx.log.warn(`${where(plan.target)}: could not react to comment ${plan.commentId}: ${(error as Error).message}`));
  }
  if (command.kind === "help") {
    // Answered here: the list needs no job, only the review label from the repository's config.
    await forge.comment(plan.pr, scrumHelp({ problem: command.problem, label: await reviewLabel(plan.target, ctx) }));
    return `${command.text} on #${plan.pr} from ${plan.author}${command.problem ? ` (${command.problem})` : ""}: replied with the commands`;
  }
  const job: JobRequest = command.kind === "apply" ? { command: "apply", pr: plan.pr } : { command: "review", pr: plan.pr, ...(command.files ? { files: command.files } : {}) };
  const result = await start(job, plan.target, ctx);
  if (!result.started) await forge.comment(plan.pr, result.comment);
  return result.line;
}

async function runLabel(plan: Extract<ActionPlan, { type: "label" }>, ctx: PlanContext): Promise<string> {
  const label = await reviewLabel(plan.target, ctx);
  if (!asksForReview(plan, label)) return `labels changed on #${plan.pr}: not the review label "${label}", nothing to do`;
  const permission = await ctx.forge.permission(plan.sender);
  if (!mayCommand(permission)) {
    // A label is no conversation: nobody is answered, the log says why (the label stays for a writer to re-add).
    return `${plan.sender} added "${label}" to #${plan.pr} but has ${permission} permission (a review needs write): nothing started`;
  }
  const result = await start({ command: "review", pr: plan.pr }, plan.target, ctx);
  if (!result.started) await ctx.forge.comment(plan.pr, result.comment);
  return result.line;
}

/** The repository's review label (config `review.label` on the default branch); the default when the config is unreadable. */
async function reviewLabel(target: Target, ctx: PlanContext): Promise<string> {
  const branch = target.defaultBranch ?? (await ctx.forge.defaultBranch());
  try {
    return parseConfig(await ctx.forge.readFile(ctx.configPath, branch), ctx.configPath).review.label;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    ctx.log.warn(`${where(target)}: ${ctx.configPath} on ${branch} is invalid, so the default review label is used: ${error.message}`);
    return DEFAULT_REVIEW_LABEL;
  }
}

async function runAudit(plan: Extract<ActionPlan, { type: "audit" }>, ctx: PlanContext): Promise<string> {
  // Pending goes up before the job starts: set after, it could land on top of the auditor's own verdict.
  const status = { sha: plan.headSha, context: AUDITOR_CONTEXT };
  await ctx.forge.setStatus({ ...status, state: "pending", description: "Queued: prd-bot's auditor will check this pull request" });
  const result = await start({ command: "audit", pr: plan.pr }, plan.target, ctx);
  if (!result.started) await ctx.forge.setStatus({ ...status, state: "error", description: result.status });
  return result.line;
}

async function runPrdPush(plan: Extract<ActionPlan, { type: "prd-push" }>, ctx: PlanContext): Promise<string> {
  const { forge } = ctx;
  const defaultBranch = plan.target.defaultBranch ?? (await forge.defaultBranch());
  if (plan.branch !== defaultBranch) return `push to ${plan.branch}, not the default branch ${defaultBranch}: nothing to do`;
  const text = await forge.readFile(ctx.configPath, defaultBranch);
  let prdPath: string;
  try {
    prdPath = parseConfig(text, ctx.configPath).prd.path;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Nobody to reply to on a push: the log line is the message. The cycle would fail on the same file.
    return `${where(plan.target)}: no cycle started, because ${ctx.configPath} on ${defaultBranch} is invalid (fix it and push again): ${error.message}`;
  }
  let paths = plan.paths;
  if (!plan.pathsComplete && !ZERO_SHA.test(plan.before)) {
    // The payload listed only some of the pushed commits: ask the forge for the whole change.
    const files = await forge.compare(plan.before, plan.after);
    paths = files.flatMap((file) => (file.previousPath ? [file.path, file.previousPath] : [file.path]));
  }
  if (!touchesPrd(paths, prdPath)) return `push to ${defaultBranch} did not change ${prdPath}: nothing to do`;
  return (await start({ command: "cycle" }, { ...plan.target, defaultBranch }, ctx)).line;
}

type Started = { started: true; line: string } | { started: false; line: string; comment: string; status: string };

async function start(job: JobRequest, target: Target, ctx: PlanContext): Promise<Started> {
  const result = await ctx.startJob(job, target, ctx.forge, ctx.deliveryId);
  if (result.started) return { started: true, line: `${describeJob(job)}: ${result.detail}` };
  const site: WorkflowSite = { forge: target.forge, workflow: ctx.workflow, branch: target.defaultBranch };
  const line = cannotStartLog(result.failure, job, site);
  ctx.log.warn(`${where(target)} [delivery ${ctx.deliveryId}]: ${line}`);
  return { started: false, line, comment: cannotStartComment(result.failure, job, site), status: cannotStartStatus(result.failure, site) };
}

function where(target: Target): string {
  return `${target.repo.owner}/${target.repo.repo}`;
}
