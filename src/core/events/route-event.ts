// Which job an Actions run should do, decided from the event alone: pure, so every entry point and every
// forge flavour routes the same way and unit tests cover it with the forges' own example payloads.
// Gitea runs the same workflows but names some events and actions differently (see GITEA_EVENT_ALIASES).
import {
  dispatchPayload,
  issueCommentPayload,
  issuesPayload,
  parsePayload,
  pullRequestPayload,
  pushPayload,
  type IssuesPayload,
  type PullRequestPayload,
} from "./event-payload.js";
import { parseFileGlobs, parseScrumCommand } from "./scrum-command.js";

export const ACTION_COMMANDS = ["cycle", "gaps", "review", "apply", "audit", "none"] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** Action inputs that steer routing, already parsed ("" from getInput is undefined here). */
export interface RouteInputs {
  command?: ActionCommand;
  gap?: string;
  pr?: number;
  /** Globs a review is limited to (`files` input, space-separated). */
  files?: string[];
  /** Cycles one run may start (per push). */
  maxCycles: number;
  dryRun: boolean;
}

export interface RouteContext {
  /** The repository's default branch when known; the payload's `repository.default_branch` otherwise. */
  defaultBranch?: string;
  /** config prd.path and prd.tag. */
  prdPath: string;
  tag: string;
  /** The label that turns an issue into a gap (default "bot-eligible"). */
  eligibleLabel?: string;
  /** The label that asks for a review of a pull request (config review.label, default "prd-bot:review"). */
  reviewLabel?: string;
}

/** An issue labelled as a gap: its title and body become the gap's text (see docs/architecture.md). */
export interface IssueGapSource {
  number: number;
  title: string;
  body: string;
}

export interface CommentRef {
  id: number;
  author: string;
  /** GitHub's author_association (OWNER, MEMBER, COLLABORATOR, …); Gitea sends none. */
  association?: string;
}

export type CycleTrigger = "push" | "schedule" | "dispatch" | "issue" | "input";

export type JobRequest =
  | { job: "none"; reason: string }
  | {
      job: "cycle";
      reason: string;
      trigger: CycleTrigger;
      /** Only gaps added or changed since this commit (a push's `before`). */
      since?: string;
      gapId?: string;
      issue?: IssueGapSource;
      maxCycles: number;
      dryRun: boolean;
    }
  | { job: "gaps"; reason: string }
  | {
      job: "review";
      reason: string;
      pr: number;
      /** Only the changed files matching these globs (`/scrum files …`, the `files` input). */
      files?: string[];
      /** The comment that asked (its author's write access is checked before anything runs). */
      comment?: CommentRef;
      /** Who added the review label (their write access is checked before anything runs). */
      labeler?: string;
    }
  | { job: "apply"; reason: string; pr: number; comment?: CommentRef }
  /** `/scrum help`, or a `/scrum` command prd-bot does not know: answered with the command list. */
  | { job: "help"; reason: string; pr: number; comment: CommentRef; problem?: string }
  | { job: "audit"; reason: string; pr: number; fromFork: boolean; headSha?: string };

export const DEFAULT_ELIGIBLE_LABEL = "bot-eligible";
export const DEFAULT_REVIEW_LABEL = "prd-bot:review";
const ZERO_SHA = /^0+$/;

/** Gitea's internal event names, as a workflow may see them, mapped to the GitHub event they stand for. */
export const GITEA_EVENT_ALIASES: Readonly<Record<string, string>> = {
  issue_label: "issues",
  issue_assign: "issues",
  pull_request_sync: "pull_request",
  pull_request_label: "pull_request",
  pull_request_comment: "issue_comment",
};

/** Thrown for inputs that cannot work together (e.g. `command: review` without a pull request). */
export class RouteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RouteError";
  }
}

export function routeEvent(eventName: string, payload: unknown, inputs: RouteInputs, context: RouteContext): JobRequest {
  const event = GITEA_EVENT_ALIASES[eventName] ?? eventName;
  if (inputs.command === "none") return { job: "none", reason: "the `command` input is none" };
  const fromEvent = routeByEvent(event, payload, inputs, context);
  if (inputs.command === undefined || inputs.command === fromEvent.job) return fromEvent;
  return routeByCommand(inputs.command, event, payload, inputs);
}

function routeByEvent(event: string, payload: unknown, inputs: RouteInputs, context: RouteContext): JobRequest {
  switch (event) {
    case "push":
      return routePush(payload, inputs, context);
    case "schedule":
      return cycle(inputs, "schedule", "scheduled run: the next open gap");
    case "workflow_dispatch":
      return routeDispatch(payload, inputs);
    case "issues":
      return routeIssue(payload, inputs, context);
    case "issue_comment":
      return routeComment(payload);
    case "pull_request":
      return routePullRequest(payload, context);
    default:
      return { job: "none", reason: `prd-bot does nothing on ${eventName(event)} events` };
  }
}

function routePush(raw: unknown, inputs: RouteInputs, context: RouteContext): JobRequest {
  const push = parsePayload("push", pushPayload, raw);
  const defaultBranch = context.defaultBranch ?? push.repository?.default_branch;
  if (!defaultBranch) return { job: "none", reason: "the push payload names no default branch, so prd-bot cannot tell whether it matters" };
  if (push.ref !== `refs/heads/${defaultBranch}`) return { job: "none", reason: `push to ${push.ref}, not to the default branch ${defaultBranch}` };
  if (push.deleted === true || (push.after !== undefined && ZERO_SHA.test(push.after))) return { job: "none", reason: "the push deleted the branch" };
  const touched = touchesPath(push.commits, context.prdPath);
  if (touched === false) return { job: "none", reason: `the push does not change ${context.prdPath}` };
  const newBranch = ZERO_SHA.test(push.before);
  const request = cycle(inputs, "push", newBranch ? `push created ${defaultBranch}: all open gaps` : `push changed ${context.prdPath}: gaps added since ${push.before.slice(0, 12)}`);
  return newBranch ? request : { ...request, since: push.before };
}

/**
 * Whether the push's commits touch `path`: true, false, or undefined when the payload cannot say
 * (no commit list, or a list GitHub may have cut at 20 commits); the cycle then compares the PRD itself.
 */
function touchesPath(commits: { added?: string[] | null; modified?: string[] | null }[] | null | undefined, path: string): boolean | undefined {
  if (!commits || commits.length === 0) return undefined;
  const seen = commits.some((commit) => [...(commit.added ?? []), ...(commit.modified ?? [])].includes(path));
  if (seen) return true;
  return commits.length >= 20 ? undefined : false;
}

function routeDispatch(raw: unknown, inputs: RouteInputs): JobRequest {
  const dispatch = parsePayload("workflow_dispatch", dispatchPayload, raw);
  // The workflow usually forwards its dispatch inputs as action inputs; read the payload too, for workflows that do not.
  const command = inputs.command ?? asCommand(dispatch.inputs?.command);
  const gap = inputs.gap ?? asText(dispatch.inputs?.gap);
  const pr = inputs.pr ?? asNumber(dispatch.inputs?.pr);
  const files = inputs.files ?? globsInput(dispatch.inputs?.files);
  const merged: RouteInputs = { ...inputs, command, gap, pr, ...(files ? { files } : {}) };
  if (command === undefined || command === "cycle") return cycle(merged, "dispatch", gap ? `manual run for gap ${gap}` : "manual run: the next open gap");
  if (command === "none") return { job: "none", reason: "the dispatch's command input is none" };
  return routeByCommand(command, "workflow_dispatch", raw, merged);
}

function routeIssue(raw: unknown, inputs: RouteInputs, context: RouteContext): JobRequest {
  const payload = parsePayload("issues", issuesPayload, raw);
  const label = context.eligibleLabel ?? DEFAULT_ELIGIBLE_LABEL;
  const { issue } = payload;
  if (!labelledNow(payload, label)) return { job: "none", reason: `issues event "${payload.action}" is not the label "${label}" being added` };
  if (issue.pull_request) return { job: "none", reason: `#${issue.number} is a pull request; only issues labelled "${label}" become gaps` };
  if (issue.state !== undefined && issue.state !== "open") return { job: "none", reason: `issue #${issue.number} is ${issue.state}` };
  const request = cycle(inputs, "issue", `issue #${issue.number} was labelled "${label}"`);
  return { ...request, issue: { number: issue.number, title: issue.title, body: issue.body ?? "" } };
}

/** GitHub says `labeled` with the label; Gitea says `label_updated` and lists the labels the issue has now. */
function labelledNow(payload: IssuesPayload, label: string): boolean {
  if (payload.action === "labeled") return payload.label?.name === label;
  if (payload.action === "label_updated") return payload.label ? payload.label.name === label : (payload.issue.labels ?? []).some((l) => l.name === label);
  return false;
}

function routeComment(raw: unknown): JobRequest {
  const payload = parsePayload("issue_comment", issueCommentPayload, raw);
  const { issue, comment } = payload;
  if (payload.action !== "created") return { job: "none", reason: `comment ${payload.action}, not created` };
  const command = parseScrumCommand(comment.body ?? "");
  if (!command) return { job: "none", reason: "the comment has no /scrum command" };
  // A bot (prd-bot itself included) never commands prd-bot: that is how reply loops start.
  if (comment.user?.type === "Bot") return { job: "none", reason: `the comment is by a bot (${comment.user.login ?? "unknown"})` };
  const isPull = payload.is_pull === true || Boolean(issue.pull_request);
  if (!isPull) return { job: "none", reason: `/scrum works on pull requests; #${issue.number} is an issue` };
  const ref: CommentRef = { id: comment.id, author: comment.user?.login ?? "", ...(comment.author_association ? { association: comment.author_association } : {}) };
  const pr = issue.number;
  switch (command.kind) {
    case "apply":
      return { job: "apply", reason: `/scrum apply on #${pr}`, pr, comment: ref };
    case "help":
      return { job: "help", reason: `${command.text} on #${pr}${command.problem ? `: ${command.problem}` : ""}`, pr, comment: ref, ...(command.problem ? { problem: command.problem } : {}) };
    case "review":
      return command.files
        ? { job: "review", reason: `/scrum files ${command.files.join(" ")} on #${pr}`, pr, comment: ref, files: command.files }
        : { job: "review", reason: `/scrum review on #${pr}`, pr, comment: ref };
  }
}

const AUDITED_ACTIONS = new Set(["opened", "synchronize", "synchronized", "edited"]);

function routePullRequest(raw: unknown, context: RouteContext): JobRequest {
  const payload = parsePayload("pull_request", pullRequestPayload, raw);
  const pr = payload.pull_request;
  const number = pr.number ?? payload.number;
  if (number === undefined) throw new RouteError("the pull_request payload has neither pull_request.number nor number");
  if (payload.action === "labeled" || payload.action === "label_updated") return routeLabel(payload, number, context);
  if (!AUDITED_ACTIONS.has(payload.action)) return { job: "none", reason: `pull request ${payload.action}: the auditor runs on opened, synchronize and edited` };
  const fromFork = !pr.head.repo?.full_name || pr.head.repo.full_name.toLowerCase() !== (pr.base.repo?.full_name ?? "").toLowerCase();
  return { job: "audit", reason: `pull request #${number} ${payload.action}`, pr: number, fromFork, ...(pr.head.sha ? { headSha: pr.head.sha } : {}) };
}

/**
 * The review label added to a pull request: GitHub says `labeled` and names the label; Gitea says
 * `label_updated` for any change and lists the labels the pull request has now.
 */
function routeLabel(payload: PullRequestPayload, number: number, context: RouteContext): JobRequest {
  const label = context.reviewLabel ?? DEFAULT_REVIEW_LABEL;
  const added = payload.label ? payload.label.name === label : (payload.pull_request.labels ?? []).some((l) => l.name === label);
  if (!added) return { job: "none", reason: `pull request #${number} ${payload.action}: not the review label "${label}"` };
  if (payload.pull_request.state !== undefined && payload.pull_request.state !== "open") return { job: "none", reason: `pull request #${number} is ${payload.pull_request.state}` };
  const labeler = payload.sender?.login;
  if (!labeler) return { job: "none", reason: `the label "${label}" on #${number} names no sender, so nobody's write access can be checked` };
  return { job: "review", reason: `${labeler} added the label "${label}" to #${number}`, pr: number, labeler };
}

/** An explicit `command` input that differs from what the event asks for. */
function routeByCommand(command: Exclude<ActionCommand, "none">, event: string, payload: unknown, inputs: RouteInputs): JobRequest {
  if (command === "cycle") return cycle(inputs, "input", inputs.gap ? `command input: cycle for gap ${inputs.gap}` : "command input: cycle for the next open gap");
  if (command === "gaps") return { job: "gaps", reason: "command input: list the gaps" };
  const pr = inputs.pr ?? pullNumberOf(event, payload);
  if (pr === undefined) {
    throw new RouteError(`command ${command} needs a pull request: set the \`pr\` input (with: pr: 123), or run it on a pull_request or issue_comment event`);
  }
  if (command === "audit") return { job: "audit", reason: `command input: audit #${pr}`, pr, fromFork: false };
  if (command === "review") return { job: "review", reason: `command input: review #${pr}${inputs.files ? ` (${inputs.files.join(" ")})` : ""}`, pr, ...(inputs.files ? { files: inputs.files } : {}) };
  return { job: command, reason: `command input: ${command} #${pr}`, pr };
}

function pullNumberOf(event: string, payload: unknown): number | undefined {
  const record = (payload ?? {}) as { number?: unknown; pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown } };
  if (event === "pull_request") return asNumber(record.pull_request?.number ?? record.number);
  if (event === "issue_comment" && record.issue?.pull_request) return asNumber(record.issue.number);
  return undefined;
}

function cycle(inputs: RouteInputs, trigger: CycleTrigger, reason: string): Extract<JobRequest, { job: "cycle" }> {
  return { job: "cycle", reason, trigger, ...(inputs.gap ? { gapId: inputs.gap } : {}), maxCycles: inputs.maxCycles, dryRun: inputs.dryRun };
}

function asCommand(value: unknown): ActionCommand | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const name = value.trim().toLowerCase();
  if ((ACTION_COMMANDS as readonly string[]).includes(name)) return name as ActionCommand;
  throw new RouteError(`workflow_dispatch input command is "${value}"; use one of ${ACTION_COMMANDS.join(", ")}`);
}

/** The `files` input: globs separated by spaces (see core/events/scrum-command.ts); a bad one names the input. */
export function globsInput(value: unknown): string[] | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const parsed = parseFileGlobs(value);
  if (!parsed.ok) throw new RouteError(`input files: ${parsed.problem.replace(/`\/scrum files`/g, "files")}`);
  return parsed.globs;
}

function asText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : undefined;
}

function eventName(event: string): string {
  return event === "" ? "unnamed" : `"${event}"`;
}
