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
} from "./event-payload.js";

export const ACTION_COMMANDS = ["cycle", "gaps", "review", "apply", "audit", "none"] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** Action inputs that steer routing, already parsed ("" from getInput is undefined here). */
export interface RouteInputs {
  command?: ActionCommand;
  gap?: string;
  pr?: number;
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
  | { job: "review"; reason: string; pr: number; comment?: CommentRef }
  | { job: "apply"; reason: string; pr: number; comment?: CommentRef }
  | { job: "audit"; reason: string; pr: number; fromFork: boolean; headSha?: string };

export const DEFAULT_ELIGIBLE_LABEL = "bot-eligible";
const ZERO_SHA = /^0+$/;

/** Gitea's internal event names, as a workflow may see them, mapped to the GitHub event they stand for. */
export const GITEA_EVENT_ALIASES: Readonly<Record<string, string>> = {
  issue_label: "issues",
  issue_assign: "issues",
  pull_request_sync: "pull_request",
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
      return routePullRequest(payload);
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
  const merged: RouteInputs = { ...inputs, command, gap, pr };
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

const SCRUM_LINE = /^[ \t]*\/scrum(?:[ \t]+([A-Za-z-]+))?[ \t]*$/m;

function routeComment(raw: unknown): JobRequest {
  const payload = parsePayload("issue_comment", issueCommentPayload, raw);
  const { issue, comment } = payload;
  if (payload.action !== "created") return { job: "none", reason: `comment ${payload.action}, not created` };
  const match = SCRUM_LINE.exec(comment.body ?? "");
  if (!match) return { job: "none", reason: "the comment has no /scrum command" };
  // A bot (prd-bot itself included) never commands prd-bot: that is how reply loops start.
  if (comment.user?.type === "Bot") return { job: "none", reason: `the comment is by a bot (${comment.user.login ?? "unknown"})` };
  const isPull = payload.is_pull === true || Boolean(issue.pull_request);
  if (!isPull) return { job: "none", reason: `/scrum works on pull requests; #${issue.number} is an issue` };
  const sub = (match[1] ?? "review").toLowerCase();
  const ref: CommentRef = { id: comment.id, author: comment.user?.login ?? "", ...(comment.author_association ? { association: comment.author_association } : {}) };
  if (sub === "apply") return { job: "apply", reason: `/scrum apply on #${issue.number}`, pr: issue.number, comment: ref };
  return { job: "review", reason: `/scrum ${sub} on #${issue.number}`, pr: issue.number, comment: ref };
}

const AUDITED_ACTIONS = new Set(["opened", "synchronize", "synchronized", "edited"]);

function routePullRequest(raw: unknown): JobRequest {
  const payload = parsePayload("pull_request", pullRequestPayload, raw);
  const pr = payload.pull_request;
  const number = pr.number ?? payload.number;
  if (number === undefined) throw new RouteError("the pull_request payload has neither pull_request.number nor number");
  if (!AUDITED_ACTIONS.has(payload.action)) return { job: "none", reason: `pull request ${payload.action}: the auditor runs on opened, synchronize and edited` };
  const fromFork = !pr.head.repo?.full_name || pr.head.repo.full_name.toLowerCase() !== (pr.base.repo?.full_name ?? "").toLowerCase();
  return { job: "audit", reason: `pull request #${number} ${payload.action}`, pr: number, fromFork, ...(pr.head.sha ? { headSha: pr.head.sha } : {}) };
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
