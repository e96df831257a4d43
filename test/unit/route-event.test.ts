// routeEvent on the forges' own example payloads: GitHub's from @octokit/webhooks-examples, Gitea's from
// test/fixtures/gitea-webhooks (go-scm's captures). Variants are made by changing a copy of a real payload.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EventPayloadError } from "../../src/core/events/event-payload.js";
import { RouteError, routeEvent, type JobRequest, type RouteInputs } from "../../src/core/events/route-event.js";

const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Record<string, unknown>[] }[];
const GITEA = fileURLToPath(new URL("../fixtures/gitea-webhooks", import.meta.url));

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function github(event: string, pick: (example: Payload) => boolean = () => true): Payload {
  const found = definitions.find((d) => d.name === event)?.examples.find((e) => pick(e as Payload));
  if (!found) throw new Error(`no ${event} example matches`);
  return structuredClone(found) as Payload;
}

function gitea(file: string): Payload {
  return JSON.parse(readFileSync(`${GITEA}/${file}.json`, "utf8")) as Payload;
}

const inputs: RouteInputs = { maxCycles: 3, dryRun: false };
const context = { prdPath: "docs/PRD.md", tag: "[bot-eligible]" };
const route = (event: string, payload: unknown, over: Partial<RouteInputs> = {}) => routeEvent(event, payload, { ...inputs, ...over }, context);

/** A real push payload changed to touch the PRD on the default branch. */
function pushTouchingPrd(base: Payload, file = "docs/PRD.md"): Payload {
  const payload = structuredClone(base);
  payload.ref = `refs/heads/${payload.repository.default_branch}`;
  payload.commits = [{ ...payload.commits[0], added: [], modified: [file], removed: [] }];
  return payload;
}

describe("routeEvent: push", () => {
  const branchPush = github("push", (e) => e.ref === "refs/heads/master");

  it("GitHub: a push creating the default branch (zero before) with the PRD → cycles for all open gaps, bounded", () => {
    const payload = pushTouchingPrd(branchPush);
    expect(payload.before).toMatch(/^0+$/);
    const request = route("push", payload, { maxCycles: 2 });
    expect(request).toMatchObject({ job: "cycle", trigger: "push", maxCycles: 2, dryRun: false });
    expect(request).not.toHaveProperty("since");
  });

  it("GitHub: a push to the default branch with a real before → cycles for gaps added since before", () => {
    const payload = pushTouchingPrd(branchPush);
    payload.before = "9836a96a253cce25d17988fcf41b8c4205cf779f";
    const request = route("push", payload);
    expect(request).toMatchObject({ job: "cycle", trigger: "push", since: "9836a96a253cce25d17988fcf41b8c4205cf779f" });
  });

  it("GitHub's own example (README.md added on master) does not touch the PRD → none", () => {
    expect(route("push", branchPush)).toEqual({ job: "none", reason: "the push does not change docs/PRD.md" });
  });

  it("tag pushes and other branches → none", () => {
    const tag = github("push", (e) => e.ref === "refs/tags/simple-tag" && /^0+$/.test(e.before));
    expect(route("push", tag).job).toBe("none");
    const other = pushTouchingPrd(branchPush);
    other.ref = "refs/heads/feature";
    expect(route("push", other)).toMatchObject({ job: "none", reason: expect.stringContaining("not to the default branch master") });
  });

  it("a push that deleted the branch → none", () => {
    const deleted = pushTouchingPrd(branchPush);
    deleted.deleted = true;
    deleted.after = "0".repeat(40);
    expect(route("push", deleted)).toMatchObject({ job: "none", reason: "the push deleted the branch" });
  });

  it("without a commit list (or one cut at 20) the PRD may have changed → cycle, the cycle compares the PRD", () => {
    const unknown = pushTouchingPrd(branchPush);
    unknown.before = "9836a96a253cce25d17988fcf41b8c4205cf779f";
    delete unknown.commits;
    expect(route("push", unknown).job).toBe("cycle");
    const many = pushTouchingPrd(branchPush);
    many.commits = Array.from({ length: 20 }, () => ({ added: ["x"], modified: [], removed: [] }));
    expect(route("push", many).job).toBe("cycle");
    many.commits = many.commits.slice(0, 19);
    expect(route("push", many).job).toBe("none");
  });

  it("uses config prd.path, and the default branch from the context over the payload's", () => {
    const payload = pushTouchingPrd(branchPush, "specs/product.md");
    expect(route("push", payload).job).toBe("none");
    expect(routeEvent("push", payload, inputs, { ...context, prdPath: "specs/product.md" }).job).toBe("cycle");
    expect(routeEvent("push", payload, inputs, { ...context, prdPath: "specs/product.md", defaultBranch: "main" }).job).toBe("none");
  });

  it("Gitea: push.json to master touching the PRD → cycle since before; as captured (README.md) → none", () => {
    const captured = gitea("push");
    expect(route("push", captured).job).toBe("none");
    const request = route("push", pushTouchingPrd(captured));
    expect(request).toMatchObject({ job: "cycle", since: "9836a96a253cce25d17988fcf41b8c4205cf779f" });
  });

  it("a push payload without ref is an error that names the field and the variables", () => {
    expect(() => route("push", { before: "abc" })).toThrow(EventPayloadError);
    expect(() => route("push", { before: "abc" })).toThrow(/ref: .*GITHUB_EVENT_NAME/);
  });
});

describe("routeEvent: schedule and workflow_dispatch", () => {
  it("schedule → one cycle for the next open gap (or the gap input)", () => {
    expect(route("schedule", { schedule: "17 6 * * 1-5" })).toMatchObject({ job: "cycle", trigger: "schedule", maxCycles: 3 });
    expect(route("schedule", {}, { gap: "abc123" })).toMatchObject({ job: "cycle", gapId: "abc123" });
  });

  it("GitHub's workflow_dispatch example (no inputs) → cycle; dry-run passes through", () => {
    const payload = github("workflow_dispatch");
    expect(route("workflow_dispatch", payload, { dryRun: true })).toMatchObject({ job: "cycle", trigger: "dispatch", dryRun: true });
  });

  it("dispatch inputs in the payload name the job when the workflow does not forward them", () => {
    const payload = { ...github("workflow_dispatch"), inputs: { command: "review", pr: "42", gap: "" } };
    expect(route("workflow_dispatch", payload)).toMatchObject({ job: "review", pr: 42 });
    expect(route("workflow_dispatch", { inputs: { command: "cycle", gap: "1a2b" } })).toMatchObject({ job: "cycle", gapId: "1a2b" });
    expect(route("workflow_dispatch", { inputs: { command: "gaps" } })).toMatchObject({ job: "gaps" });
    expect(route("workflow_dispatch", { inputs: { command: "audit", pr: 7 } })).toMatchObject({ job: "audit", pr: 7 });
  });

  it("review without a pull request is a clear error; an unknown dispatch command too", () => {
    expect(() => route("workflow_dispatch", { inputs: { command: "review" } })).toThrow(RouteError);
    expect(() => route("workflow_dispatch", { inputs: { command: "review" } })).toThrow(/set the `pr` input/);
    expect(() => route("workflow_dispatch", { inputs: { command: "deploy" } })).toThrow(/"deploy".*cycle, gaps, review, apply, audit, none/);
  });
});

describe("routeEvent: issues labelled bot-eligible", () => {
  const labeled = () => github("issues", (e) => e.action === "labeled");

  it("GitHub: labeled with bot-eligible → a cycle on the issue's gap", () => {
    const payload = labeled();
    payload.label = { ...payload.label, name: "bot-eligible" };
    const request = route("issues", payload);
    expect(request).toMatchObject({
      job: "cycle",
      trigger: "issue",
      issue: { number: 1, title: "Spelling error in the README file", body: "It looks like you accidently spelled 'commit' with two 't's." },
    });
  });

  it("GitHub's example as captured (label bug) and other actions → none", () => {
    expect(route("issues", labeled())).toMatchObject({ job: "none", reason: expect.stringContaining('"bot-eligible"') });
    expect(route("issues", github("issues", (e) => e.action === "opened")).job).toBe("none");
  });

  it("closed issues and pull requests do not become gaps", () => {
    const closed = labeled();
    closed.label.name = "bot-eligible";
    closed.issue.state = "closed";
    expect(route("issues", closed)).toMatchObject({ job: "none", reason: "issue #1 is closed" });
    const pull = labeled();
    pull.label.name = "bot-eligible";
    pull.issue.pull_request = { url: "https://api.github.com/repos/x/y/pulls/1" };
    expect(route("issues", pull).job).toBe("none");
  });

  it("Gitea: label_updated with the label among the issue's labels (event issues or issue_label) → cycle", () => {
    const payload = gitea("issues_opened");
    payload.action = "label_updated";
    payload.issue.labels = [{ id: 3, name: "bot-eligible", color: "ededed" }];
    for (const event of ["issues", "issue_label"]) expect(route(event, payload)).toMatchObject({ job: "cycle", issue: { number: 1, title: "Problem" } });
    payload.issue.labels = [];
    expect(route("issues", payload).job).toBe("none");
    expect(route("issues", gitea("issues_opened")).job).toBe("none");
  });
});

describe("routeEvent: /scrum comments", () => {
  const onPull = () => {
    const payload = github("issue_comment", (e) => e.action === "created");
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
    return payload;
  };

  it("GitHub: /scrum on a PR → review; /scrum apply → apply, with the comment and its author", () => {
    const payload = onPull();
    payload.comment.body = "Looks big.\n/scrum\n";
    expect(route("issue_comment", payload)).toEqual({
      job: "review",
      reason: "/scrum review on #1",
      pr: 1,
      comment: { id: payload.comment.id, author: "Codertocat", association: "OWNER" },
    });
    payload.comment.body = "/scrum apply";
    expect(route("issue_comment", payload)).toMatchObject({ job: "apply", pr: 1 });
  });

  it("GitHub's example as captured (no command, on an issue) → none; edits, bots and issues → none", () => {
    expect(route("issue_comment", github("issue_comment", (e) => e.action === "created"))).toMatchObject({ job: "none", reason: "the comment has no /scrum command" });
    const onIssue = github("issue_comment", (e) => e.action === "created");
    onIssue.comment.body = "/scrum";
    expect(route("issue_comment", onIssue)).toMatchObject({ job: "none", reason: expect.stringContaining("#1 is an issue") });
    const edited = onPull();
    edited.action = "edited";
    edited.comment.body = "/scrum";
    expect(route("issue_comment", edited).job).toBe("none");
    const bot = onPull();
    bot.comment.body = "/scrum";
    bot.comment.user.type = "Bot";
    expect(route("issue_comment", bot)).toMatchObject({ job: "none", reason: expect.stringContaining("bot") });
    const quoted = onPull();
    quoted.comment.body = "prd-bot: `/scrum review` is not available";
    expect(route("issue_comment", quoted).job).toBe("none");
  });

  it("Gitea: pull_request_comment_created (issue.pull_request set) and is_pull → review; plain issue comment → none", () => {
    const payload = gitea("pull_request_comment_created");
    expect(route("issue_comment", payload).job).toBe("none"); // "run gofmt"
    payload.comment.body = "/scrum";
    expect(route("issue_comment", payload)).toMatchObject({ job: "review", pr: 2, comment: { author: "unknwon" } });
    expect(route("pull_request_comment", payload)).toMatchObject({ job: "review", pr: 2 });
    const flagged = gitea("issue_comment_created");
    flagged.comment.body = "/scrum apply";
    expect(route("issue_comment", flagged).job).toBe("none");
    flagged.is_pull = true;
    expect(route("issue_comment", flagged)).toMatchObject({ job: "apply", pr: 1 });
  });
});

describe("routeEvent: /scrum files and help, the review label, the files input", () => {
  const onPull = () => {
    const payload = github("issue_comment", (e) => e.action === "created");
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
    return payload;
  };

  it("/scrum files → a review of those globs; /scrum help and unknown words → help with the reason", () => {
    const payload = onPull();
    payload.comment.body = "/scrum files src/**/*.ts docs/*.md";
    expect(route("issue_comment", payload)).toMatchObject({ job: "review", pr: 1, files: ["src/**/*.ts", "docs/*.md"], reason: "/scrum files src/**/*.ts docs/*.md on #1" });
    payload.comment.body = "/scrum help";
    expect(route("issue_comment", payload)).toEqual({ job: "help", reason: "/scrum help on #1", pr: 1, comment: { id: payload.comment.id, author: "Codertocat", association: "OWNER" } });
    payload.comment.body = "/scrum deploy";
    expect(route("issue_comment", payload)).toMatchObject({ job: "help", problem: "`/scrum deploy` is not a command" });
  });

  it("GitHub: the review label added (labeled) → a review asked by the sender; another label, or a closed PR → none", () => {
    const labeled = github("pull_request", (e) => e.action === "labeled");
    expect(route("pull_request", labeled)).toMatchObject({ job: "none", reason: 'pull request #2 labeled: not the review label "prd-bot:review"' });
    labeled.label.name = "prd-bot:review";
    expect(route("pull_request", labeled)).toEqual({ job: "review", reason: 'Codertocat added the label "prd-bot:review" to #2', pr: 2, labeler: "Codertocat" });
    const custom = routeEvent("pull_request", { ...labeled, label: { name: "please-review" } }, inputs, { ...context, reviewLabel: "please-review" });
    expect(custom).toMatchObject({ job: "review", labeler: "Codertocat" });
    labeled.pull_request.state = "closed";
    expect(route("pull_request", labeled).job).toBe("none");
    const unlabeled = github("pull_request", (e) => e.action === "unlabeled");
    if (unlabeled.label) unlabeled.label.name = "prd-bot:review";
    expect(route("pull_request", unlabeled).job).toBe("none");
  });

  it("Gitea: label_updated (a copy of pull_request_edited) with the label among the PR's labels → review; event pull_request_label too", () => {
    const payload = gitea("pull_request_edited");
    payload.action = "label_updated";
    payload.pull_request.labels = [{ id: 1, name: "bug" }];
    expect(route("pull_request", payload).job).toBe("none");
    payload.pull_request.labels.push({ id: 2, name: "prd-bot:review" });
    expect(route("pull_request", payload)).toEqual({ job: "review", reason: 'jcitizen added the label "prd-bot:review" to #1', pr: 1, labeler: "jcitizen" });
    expect(route("pull_request_label", payload)).toMatchObject({ job: "review", pr: 1 });
  });

  it("the files input (and a dispatch's files) limit a review; a bad glob names the input", () => {
    expect(route("workflow_dispatch", { inputs: { command: "review", pr: "4", files: "src/*.ts  lib/**" } })).toEqual({ job: "review", reason: "command input: review #4 (src/*.ts lib/**)", pr: 4, files: ["src/*.ts", "lib/**"] });
    expect(route("workflow_dispatch", { inputs: { command: "review", pr: "4" } }, { files: ["a/**"] })).toMatchObject({ files: ["a/**"] });
    expect(() => route("workflow_dispatch", { inputs: { command: "review", pr: "4", files: "../x" } })).toThrow(/input files: `..\/x` is not a path inside the repository/);
  });
});

describe("routeEvent: pull requests → auditor", () => {
  it("GitHub: opened and synchronize → audit, same-repository", () => {
    for (const action of ["opened", "synchronize"]) {
      const request = route("pull_request", github("pull_request", (e) => e.action === action));
      expect(request).toMatchObject({ job: "audit", pr: 2, fromFork: false });
    }
    expect(route("pull_request", github("pull_request", (e) => e.action === "closed")).job).toBe("none");
  });

  it("a PR from a fork (or a deleted fork) is marked fromFork", () => {
    const payload = github("pull_request", (e) => e.action === "opened");
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: "someone/Hello-World" };
    expect(route("pull_request", payload)).toMatchObject({ job: "audit", fromFork: true });
    payload.pull_request.head.repo = null;
    expect(route("pull_request", payload)).toMatchObject({ fromFork: true });
  });

  it("Gitea: synchronized and edited → audit (number from the payload)", () => {
    expect(route("pull_request", gitea("pull_request_synchronized"))).toMatchObject({ job: "audit", pr: 1, fromFork: false });
    expect(route("pull_request", gitea("pull_request_edited"))).toMatchObject({ job: "audit", pr: 1 });
    expect(route("pull_request_sync", gitea("pull_request_synchronized")).job).toBe("audit");
    expect(route("pull_request", gitea("pull_request_closed")).job).toBe("none");
  });
});

describe("routeEvent: everything else and explicit commands", () => {
  it("events prd-bot does not handle → none, quickly and without reading the payload", () => {
    for (const event of ["release", "create", "delete", "star", "fork"]) {
      expect(route(event, null)).toEqual({ job: "none", reason: `prd-bot does nothing on "${event}" events` });
    }
  });

  it("command none wins over any event; command gaps lists; command audit takes the PR from the event", () => {
    const pushEvent = pushTouchingPrd(github("push", (e) => e.ref === "refs/heads/master"));
    expect(route("push", pushEvent, { command: "none" }).job).toBe("none");
    expect(route("push", pushEvent, { command: "gaps" })).toMatchObject({ job: "gaps" });
    const pr = github("pull_request", (e) => e.action === "opened");
    expect(route("pull_request", pr, { command: "audit" })).toMatchObject({ job: "audit", pr: 2 });
    expect(route("release", {}, { command: "cycle", gap: "ab12" })).toMatchObject({ job: "cycle", trigger: "input", gapId: "ab12" });
    expect(route("release", {}, { command: "apply", pr: 9 })).toMatchObject({ job: "apply", pr: 9 });
    const request: JobRequest = route("pull_request", pr, { command: "review" });
    expect(request).toMatchObject({ job: "review", pr: 2 });
  });
});
