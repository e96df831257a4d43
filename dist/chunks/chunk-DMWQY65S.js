import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  parseFileGlobs,
  parseScrumCommand
} from "./chunk-YFYGGD3R.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";

// src/core/events/event-payload.ts
var repository = external_exports.looseObject({
  full_name: external_exports.string().optional(),
  default_branch: external_exports.string().optional()
});
var user = external_exports.looseObject({
  login: external_exports.string().optional(),
  // Gitea's user object has `username`/`login`, never `type`.
  type: external_exports.string().optional()
});
var pushPayload = external_exports.looseObject({
  ref: external_exports.string(),
  before: external_exports.string(),
  after: external_exports.string().optional(),
  deleted: external_exports.boolean().optional(),
  repository: repository.optional(),
  commits: external_exports.array(
    external_exports.looseObject({
      added: external_exports.array(external_exports.string()).nullish(),
      modified: external_exports.array(external_exports.string()).nullish(),
      removed: external_exports.array(external_exports.string()).nullish()
    })
  ).nullish()
});
var label = external_exports.looseObject({ name: external_exports.string() });
var issue = external_exports.looseObject({
  number: external_exports.number().int().positive(),
  title: external_exports.string(),
  body: external_exports.string().nullish(),
  state: external_exports.string().optional(),
  labels: external_exports.array(label).nullish(),
  // Present (an object) when the issue is a pull request, on both forges; null or absent otherwise.
  pull_request: external_exports.looseObject({}).nullish(),
  user: user.nullish()
});
var issuesPayload = external_exports.looseObject({
  action: external_exports.string(),
  issue,
  label: label.nullish(),
  repository: repository.optional()
});
var issueCommentPayload = external_exports.looseObject({
  action: external_exports.string(),
  issue,
  comment: external_exports.looseObject({ id: external_exports.number().int(), body: external_exports.string().nullish(), user: user.nullish(), author_association: external_exports.string().optional() }),
  // Gitea marks comments on pull requests with `is_pull: true`.
  is_pull: external_exports.boolean().optional(),
  repository: repository.optional()
});
var prSide = external_exports.looseObject({
  ref: external_exports.string(),
  sha: external_exports.string().optional(),
  // null when the fork the PR came from was deleted.
  repo: repository.nullish()
});
var pullRequestPayload = external_exports.looseObject({
  action: external_exports.string(),
  number: external_exports.number().int().positive().optional(),
  pull_request: external_exports.looseObject({
    number: external_exports.number().int().positive().optional(),
    head: prSide,
    base: prSide,
    draft: external_exports.boolean().optional(),
    state: external_exports.string().optional(),
    // Gitea's `label_updated` names no label: the pull request's labels after the change say what it has.
    labels: external_exports.array(label).nullish()
  }),
  // GitHub's `labeled` / `unlabeled`: the label added or removed.
  label: label.nullish(),
  // Who did it (GitHub and Gitea): whose write access a label trigger needs.
  sender: user.nullish(),
  repository: repository.optional()
});
var dispatchPayload = external_exports.looseObject({
  // GitHub sends `inputs: null` when the workflow declares none.
  inputs: external_exports.record(external_exports.string(), external_exports.unknown()).nullish(),
  ref: external_exports.string().optional(),
  repository: repository.optional()
});
var EventPayloadError = class extends Error {
  event;
  constructor(event, problems) {
    super(
      `the ${event} event's payload (GITHUB_EVENT_PATH) is not shaped like a ${event} webhook: ${problems}. Check that GITHUB_EVENT_NAME matches the payload file; when testing locally, copy a real payload of that event`
    );
    this.name = "EventPayloadError";
    this.event = event;
  }
};
function parsePayload(event, schema, payload) {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue2) => `${issue2.path.length ? issue2.path.join(".") : "(the payload)"}: ${issue2.message}`).join("; ");
  throw new EventPayloadError(event, problems);
}

// src/core/events/route-event.ts
var ACTION_COMMANDS = ["cycle", "gaps", "review", "apply", "audit", "none"];
var DEFAULT_ELIGIBLE_LABEL = "bot-eligible";
var DEFAULT_REVIEW_LABEL = "prd-bot:review";
var ZERO_SHA = /^0+$/;
var GITEA_EVENT_ALIASES = {
  issue_label: "issues",
  issue_assign: "issues",
  pull_request_sync: "pull_request",
  pull_request_label: "pull_request",
  pull_request_comment: "issue_comment"
};
var RouteError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RouteError";
  }
};
function routeEvent(eventName2, payload, inputs, context) {
  const event = GITEA_EVENT_ALIASES[eventName2] ?? eventName2;
  if (inputs.command === "none") return { job: "none", reason: "the `command` input is none" };
  const fromEvent = routeByEvent(event, payload, inputs, context);
  if (inputs.command === void 0 || inputs.command === fromEvent.job) return fromEvent;
  return routeByCommand(inputs.command, event, payload, inputs);
}
function routeByEvent(event, payload, inputs, context) {
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
function routePush(raw, inputs, context) {
  const push = parsePayload("push", pushPayload, raw);
  const defaultBranch = context.defaultBranch ?? push.repository?.default_branch;
  if (!defaultBranch) return { job: "none", reason: "the push payload names no default branch, so prd-bot cannot tell whether it matters" };
  if (push.ref !== `refs/heads/${defaultBranch}`) return { job: "none", reason: `push to ${push.ref}, not to the default branch ${defaultBranch}` };
  if (push.deleted === true || push.after !== void 0 && ZERO_SHA.test(push.after)) return { job: "none", reason: "the push deleted the branch" };
  const touched = touchesPath(push.commits, context.prdPath);
  if (touched === false) return { job: "none", reason: `the push does not change ${context.prdPath}` };
  const newBranch = ZERO_SHA.test(push.before);
  const request = cycle(inputs, "push", newBranch ? `push created ${defaultBranch}: all open gaps` : `push changed ${context.prdPath}: gaps added since ${push.before.slice(0, 12)}`);
  return newBranch ? request : { ...request, since: push.before };
}
function touchesPath(commits, path) {
  if (!commits || commits.length === 0) return void 0;
  const seen = commits.some((commit) => [...commit.added ?? [], ...commit.modified ?? []].includes(path));
  if (seen) return true;
  return commits.length >= 20 ? void 0 : false;
}
function routeDispatch(raw, inputs) {
  const dispatch = parsePayload("workflow_dispatch", dispatchPayload, raw);
  const command = inputs.command ?? asCommand(dispatch.inputs?.command);
  const gap = inputs.gap ?? asText(dispatch.inputs?.gap);
  const pr = inputs.pr ?? asNumber(dispatch.inputs?.pr);
  const files = inputs.files ?? globsInput(dispatch.inputs?.files);
  const merged = { ...inputs, command, gap, pr, ...files ? { files } : {} };
  if (command === void 0 || command === "cycle") return cycle(merged, "dispatch", gap ? `manual run for gap ${gap}` : "manual run: the next open gap");
  if (command === "none") return { job: "none", reason: "the dispatch's command input is none" };
  return routeByCommand(command, "workflow_dispatch", raw, merged);
}
function routeIssue(raw, inputs, context) {
  const payload = parsePayload("issues", issuesPayload, raw);
  const label2 = context.eligibleLabel ?? DEFAULT_ELIGIBLE_LABEL;
  const { issue: issue2 } = payload;
  if (!labelledNow(payload, label2)) return { job: "none", reason: `issues event "${payload.action}" is not the label "${label2}" being added` };
  if (issue2.pull_request) return { job: "none", reason: `#${issue2.number} is a pull request; only issues labelled "${label2}" become gaps` };
  if (issue2.state !== void 0 && issue2.state !== "open") return { job: "none", reason: `issue #${issue2.number} is ${issue2.state}` };
  const request = cycle(inputs, "issue", `issue #${issue2.number} was labelled "${label2}"`);
  return { ...request, issue: { number: issue2.number, title: issue2.title, body: issue2.body ?? "" } };
}
function labelledNow(payload, label2) {
  if (payload.action === "labeled") return payload.label?.name === label2;
  if (payload.action === "label_updated") return payload.label ? payload.label.name === label2 : (payload.issue.labels ?? []).some((l) => l.name === label2);
  return false;
}
function routeComment(raw) {
  const payload = parsePayload("issue_comment", issueCommentPayload, raw);
  const { issue: issue2, comment } = payload;
  if (payload.action !== "created") return { job: "none", reason: `comment ${payload.action}, not created` };
  const command = parseScrumCommand(comment.body ?? "");
  if (!command) return { job: "none", reason: "the comment has no /scrum command" };
  if (comment.user?.type === "Bot") return { job: "none", reason: `the comment is by a bot (${comment.user.login ?? "unknown"})` };
  const isPull = payload.is_pull === true || Boolean(issue2.pull_request);
  if (!isPull) return { job: "none", reason: `/scrum works on pull requests; #${issue2.number} is an issue` };
  const ref = { id: comment.id, author: comment.user?.login ?? "", ...comment.author_association ? { association: comment.author_association } : {} };
  const pr = issue2.number;
  switch (command.kind) {
    case "apply":
      return { job: "apply", reason: `/scrum apply on #${pr}`, pr, comment: ref };
    case "help":
      return { job: "help", reason: `${command.text} on #${pr}${command.problem ? `: ${command.problem}` : ""}`, pr, comment: ref, ...command.problem ? { problem: command.problem } : {} };
    case "review":
      return command.files ? { job: "review", reason: `/scrum files ${command.files.join(" ")} on #${pr}`, pr, comment: ref, files: command.files } : { job: "review", reason: `/scrum review on #${pr}`, pr, comment: ref };
  }
}
var AUDITED_ACTIONS = /* @__PURE__ */ new Set(["opened", "synchronize", "synchronized", "edited"]);
function routePullRequest(raw, context) {
  const payload = parsePayload("pull_request", pullRequestPayload, raw);
  const pr = payload.pull_request;
  const number = pr.number ?? payload.number;
  if (number === void 0) throw new RouteError("the pull_request payload has neither pull_request.number nor number");
  if (payload.action === "labeled" || payload.action === "label_updated") return routeLabel(payload, number, context);
  if (!AUDITED_ACTIONS.has(payload.action)) return { job: "none", reason: `pull request ${payload.action}: the auditor runs on opened, synchronize and edited` };
  const fromFork = !pr.head.repo?.full_name || pr.head.repo.full_name.toLowerCase() !== (pr.base.repo?.full_name ?? "").toLowerCase();
  return { job: "audit", reason: `pull request #${number} ${payload.action}`, pr: number, fromFork, ...pr.head.sha ? { headSha: pr.head.sha } : {} };
}
function routeLabel(payload, number, context) {
  const label2 = context.reviewLabel ?? DEFAULT_REVIEW_LABEL;
  const added = payload.label ? payload.label.name === label2 : (payload.pull_request.labels ?? []).some((l) => l.name === label2);
  if (!added) return { job: "none", reason: `pull request #${number} ${payload.action}: not the review label "${label2}"` };
  if (payload.pull_request.state !== void 0 && payload.pull_request.state !== "open") return { job: "none", reason: `pull request #${number} is ${payload.pull_request.state}` };
  const labeler = payload.sender?.login;
  if (!labeler) return { job: "none", reason: `the label "${label2}" on #${number} names no sender, so nobody's write access can be checked` };
  return { job: "review", reason: `${labeler} added the label "${label2}" to #${number}`, pr: number, labeler };
}
function routeByCommand(command, event, payload, inputs) {
  if (command === "cycle") return cycle(inputs, "input", inputs.gap ? `command input: cycle for gap ${inputs.gap}` : "command input: cycle for the next open gap");
  if (command === "gaps") return { job: "gaps", reason: "command input: list the gaps" };
  const pr = inputs.pr ?? pullNumberOf(event, payload);
  if (pr === void 0) {
    throw new RouteError(`command ${command} needs a pull request: set the \`pr\` input (with: pr: 123), or run it on a pull_request or issue_comment event`);
  }
  if (command === "audit") return { job: "audit", reason: `command input: audit #${pr}`, pr, fromFork: false };
  if (command === "review") return { job: "review", reason: `command input: review #${pr}${inputs.files ? ` (${inputs.files.join(" ")})` : ""}`, pr, ...inputs.files ? { files: inputs.files } : {} };
  return { job: command, reason: `command input: ${command} #${pr}`, pr };
}
function pullNumberOf(event, payload) {
  const record = payload ?? {};
  if (event === "pull_request") return asNumber(record.pull_request?.number ?? record.number);
  if (event === "issue_comment" && record.issue?.pull_request) return asNumber(record.issue.number);
  return void 0;
}
function cycle(inputs, trigger, reason) {
  return { job: "cycle", reason, trigger, ...inputs.gap ? { gapId: inputs.gap } : {}, maxCycles: inputs.maxCycles, dryRun: inputs.dryRun };
}
function asCommand(value) {
  if (typeof value !== "string" || value.trim() === "") return void 0;
  const name = value.trim().toLowerCase();
  if (ACTION_COMMANDS.includes(name)) return name;
  throw new RouteError(`workflow_dispatch input command is "${value}"; use one of ${ACTION_COMMANDS.join(", ")}`);
}
function globsInput(value) {
  if (typeof value !== "string" || value.trim() === "") return void 0;
  const parsed = parseFileGlobs(value);
  if (!parsed.ok) throw new RouteError(`input files: ${parsed.problem.replace(/`\/scrum files`/g, "files")}`);
  return parsed.globs;
}
function asText(value) {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
}
function asNumber(value) {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : void 0;
}
function eventName(event) {
  return event === "" ? "unnamed" : `"${event}"`;
}

export {
  ACTION_COMMANDS,
  DEFAULT_REVIEW_LABEL,
  routeEvent
};
