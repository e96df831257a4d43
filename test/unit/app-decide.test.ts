// Event → plan, on GitHub's own example payloads (@octokit/webhooks-examples) and Gitea's
// (test/fixtures/gitea-webhooks), and the second-step rules the dispatcher applies.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { toAppEvent } from "../../src/app/app-event.js";
import { asksForReview, decide, mayCommand, repoKey, touchesPrd, workflowInputs } from "../../src/app/decide.js";
import { cannotStartComment, cannotStartStatus, notAllowedReply } from "../../src/app/messages.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
const github = (name: string, pick: (e: Json) => boolean = () => true): Json => structuredClone(examples.find((e) => e.name === name)?.examples.find(pick) as Json);
const gitea = (file: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/gitea-webhooks/${file}`, import.meta.url), "utf8")) as Json;

describe("toAppEvent + decide on GitHub's example payloads", () => {
  it("a /scrum comment on a pull request asks for a review by its author", () => {
    const payload = github("issue_comment", (e) => e.action === "created");
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
    payload.comment.body = "Looks odd.\n/scrum\nthanks";
    const plan = decide(toAppEvent("github", "issue_comment", payload));
    expect(plan).toEqual({
      type: "scrum",
      target: { forge: "github", repo: { owner: "Codertocat", repo: "Hello-World" }, defaultBranch: "master" },
      pr: payload.issue.number,
      commentId: payload.comment.id,
      author: "Codertocat",
      command: { kind: "review", text: "/scrum" },
    });
  });

  it("ignores the example comment as it is (an issue, no command), edits, and bots", () => {
    const plain = github("issue_comment", (e) => e.action === "created");
    expect(decide(toAppEvent("github", "issue_comment", plain))).toEqual({ type: "ignore", reason: "the comment has no /scrum command" });
    plain.comment.body = "/scrum apply";
    expect(decide(toAppEvent("github", "issue_comment", plain))).toMatchObject({ type: "ignore", reason: expect.stringContaining("/scrum works on pull requests") });
    const edited = github("issue_comment", (e) => e.action === "edited");
    edited.comment.body = "/scrum";
    expect(decide(toAppEvent("github", "issue_comment", edited))).toMatchObject({ type: "ignore", reason: expect.stringContaining("comment edited") });
    const bot = github("issue_comment", (e) => e.action === "created");
    Object.assign(bot.comment.user, { login: "prd-bot[bot]", type: "Bot" });
    bot.comment.body = "/scrum";
    expect(decide(toAppEvent("github", "issue_comment", bot)).type).toBe("ignore");
  });

  it("pull_request opened and synchronize ask for the auditor; closed does not", () => {
    for (const action of ["opened", "synchronize", "reopened"]) {
      const payload = github("pull_request", (e) => e.action === action);
      payload.pull_request.state = "open";
      expect(decide(toAppEvent("github", "pull_request", payload))).toMatchObject({ type: "audit", pr: 2, headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821", action });
    }
    expect(decide(toAppEvent("github", "pull_request", github("pull_request", (e) => e.action === "closed"))).type).toBe("ignore");
  });

  it("a label added to an open pull request is a label plan naming the label and who added it; the run decides if it is the review label", () => {
    const labeled = github("pull_request", (e) => e.action === "labeled");
    const plan = decide(toAppEvent("github", "pull_request", labeled));
    expect(plan).toMatchObject({ type: "label", pr: labeled.pull_request.number, sender: "Codertocat", added: "bug", labels: ["bug"], action: "labeled" });
    expect(asksForReview(plan as { added: string; labels: string[] }, "bug")).toBe(true);
    expect(asksForReview(plan as { added: string; labels: string[] }, "prd-bot:review")).toBe(false);
    const closed = structuredClone(labeled);
    closed.pull_request.state = "closed";
    expect(decide(toAppEvent("github", "pull_request", closed))).toMatchObject({ type: "ignore", reason: expect.stringContaining("is closed") });
    const byBot = structuredClone(labeled);
    Object.assign(byBot.sender, { login: "renovate[bot]", type: "Bot" });
    expect(decide(toAppEvent("github", "pull_request", byBot))).toMatchObject({ type: "ignore", reason: expect.stringContaining("by the bot renovate[bot]") });
  });

  it("a push to the default branch is a PRD-push plan with the files of its commits; tags and deletions are ignored", () => {
    const push = github("push", (e) => e.ref === "refs/heads/master");
    push.commits[0].modified = ["docs/PRD.md"];
    expect(decide(toAppEvent("github", "push", push))).toMatchObject({ type: "prd-push", branch: "master", paths: expect.arrayContaining(["docs/PRD.md"]), pathsComplete: true });
    expect(decide(toAppEvent("github", "push", github("push", (e) => e.ref.startsWith("refs/tags/") && !e.deleted)))).toMatchObject({ type: "ignore", reason: expect.stringContaining("is not a branch") });
    expect(decide(toAppEvent("github", "push", github("push", (e) => e.deleted)))).toMatchObject({ type: "ignore", reason: expect.stringContaining("was deleted") });
    const other = github("push", (e) => e.ref === "refs/heads/master");
    other.ref = "refs/heads/feature";
    expect(decide(toAppEvent("github", "push", other))).toMatchObject({ type: "ignore", reason: "push to feature, not the default branch master" });
  });

  it("a push with many commits is marked incomplete, so the dispatcher compares instead", () => {
    const push = github("push", (e) => e.ref === "refs/heads/master");
    push.commits = Array.from({ length: 20 }, () => ({ ...push.commits[0], modified: ["README.md"] }));
    expect(decide(toAppEvent("github", "push", push))).toMatchObject({ type: "prd-push", pathsComplete: false });
  });

  it("an issue labelled bot-eligible asks for a cycle", () => {
    const labeled = github("issues", (e) => e.action === "labeled");
    labeled.label.name = "bot-eligible";
    expect(decide(toAppEvent("github", "issues", labeled))).toMatchObject({ type: "cycle", issue: labeled.issue.number });
    labeled.label.name = "bug";
    expect(decide(toAppEvent("github", "issues", labeled)).type).toBe("ignore");
  });

  it("a payload without what prd-bot needs is invalid, naming the field; other events are ignored", () => {
    const broken = github("pull_request", (e) => e.action === "opened");
    delete broken.pull_request.head;
    expect(decide(toAppEvent("github", "pull_request", broken))).toEqual({ type: "invalid", reason: "the pull_request payload is not what prd-bot expects (pull_request.head: Invalid input: expected object, received undefined)" });
    expect(decide(toAppEvent("github", "star", {}))).toEqual({ type: "ignore", reason: "prd-bot does not act on star events" });
  });
});

describe("toAppEvent + decide on Gitea's payloads", () => {
  it("a comment on a pull request (pull_request_comment_created.json)", () => {
    const payload = gitea("pull_request_comment_created.json");
    payload.comment.body = "/scrum apply";
    expect(decide(toAppEvent("gitea", "issue_comment", payload))).toMatchObject({
      type: "scrum",
      target: { forge: "gitea", repo: { owner: "gogits", repo: "hello-world" }, defaultBranch: "master" },
      pr: 2,
      commentId: 45,
      author: "unknwon",
      command: { kind: "apply" },
    });
    const onIssue = gitea("issue_comment_created.json");
    onIssue.comment.body = "/scrum";
    expect(decide(toAppEvent("gitea", "issue_comment", onIssue)).type).toBe("ignore");
  });

  it("Gitea's `synchronized` is GitHub's `synchronize`; opened and edited are audited, closed is not", () => {
    for (const [file, action] of [["pull_request_synchronized.json", "synchronize"], ["pull_request_opened.json", "opened"], ["pull_request_edited.json", "edited"]]) {
      expect(decide(toAppEvent("gitea", "pull_request", gitea(file as string)))).toMatchObject({ type: "audit", action, pr: expect.any(Number) });
    }
    expect(decide(toAppEvent("gitea", "pull_request", gitea("pull_request_closed.json"))).type).toBe("ignore");
  });

  it("Gitea's label_updated (a copy of pull_request_edited.json) names no label: the PR's labels say whether the review label is on", () => {
    const payload = gitea("pull_request_edited.json");
    payload.action = "label_updated";
    delete payload.changes;
    payload.pull_request.labels = [{ id: 3, name: "prd-bot:review", color: "ededed", description: "", url: "" }];
    const plan = decide(toAppEvent("gitea", "pull_request", payload));
    expect(plan).toMatchObject({ type: "label", pr: 1, sender: "jcitizen", added: undefined, labels: ["prd-bot:review"], action: "label_updated" });
    expect(asksForReview(plan as { added: undefined; labels: string[] }, "prd-bot:review")).toBe(true);
    expect(asksForReview({ added: undefined, labels: [] }, "prd-bot:review")).toBe(false);
  });

  it("a push lists the files of its commits; Gitea has no `deleted` flag, an all-zero `after` means deleted", () => {
    const push = gitea("push.json");
    expect(decide(toAppEvent("gitea", "push", push))).toMatchObject({ type: "prd-push", branch: "master", paths: ["README.md"], pathsComplete: true });
    push.after = "0000000000000000000000000000000000000000";
    expect(decide(toAppEvent("gitea", "push", push))).toMatchObject({ type: "ignore", reason: "refs/heads/master was deleted" });
    const counted = gitea("push.json");
    counted.total_commits = 3;
    expect(decide(toAppEvent("gitea", "push", counted))).toMatchObject({ pathsComplete: false });
  });
});

describe("second-step rules", () => {
  it("only write and admin may command", () => {
    expect((["admin", "write", "read", "none"] as const).map(mayCommand)).toEqual([true, true, false, false]);
  });

  it("matches the PRD path however it is written", () => {
    expect(touchesPrd(["src/a.ts", "docs/PRD.md"], "docs/PRD.md")).toBe(true);
    expect(touchesPrd(["docs/PRD.md"], "./docs/PRD.md")).toBe(true);
    expect(touchesPrd(["docs/prd.md", "PRD.md"], "docs/PRD.md")).toBe(false);
  });

  it("sends only the inputs a job needs, as strings; keys repositories case-insensitively", () => {
    expect(workflowInputs({ command: "review", pr: 7 })).toEqual({ command: "review", pr: "7" });
    expect(workflowInputs({ command: "cycle" })).toEqual({ command: "cycle" });
    // The `files` input reads space-separated globs, quotes keeping one with a space together.
    expect(workflowInputs({ command: "review", pr: 7, files: ["src/**/*.ts", "docs/my notes.md"] })).toEqual({ command: "review", pr: "7", files: 'src/**/*.ts "docs/my notes.md"' });
    expect(repoKey({ forge: "github", repo: { owner: "Acme", repo: "App" } })).toBe("github:acme/app");
  });

  it("says how to add a missing workflow, per forge, and keeps status descriptions within 140 characters", () => {
    const github = cannotStartComment({ kind: "missing-workflow", detail: "404" }, { command: "review", pr: 3 }, { forge: "github", workflow: "prd-bot.yml", branch: "main" });
    expect(github).toContain("copy `examples/github/prd-bot.yml` from prd-bot to `.github/workflows/prd-bot.yml` on the `main` branch");
    const gitea = cannotStartComment({ kind: "unsupported", detail: "" }, { command: "apply", pr: 3 }, { forge: "gitea", workflow: "prd-bot.yml", branch: undefined });
    expect(gitea).toMatch(/`\/scrum apply` on #3.*Gitea 1\.24.*PRD_BOT_MODE=in-process/s);
    for (const kind of ["missing-workflow", "unsupported", "rejected", "busy"] as const) {
      expect(cannotStartStatus({ kind, detail: "x" }, { forge: "gitea", workflow: "a-very-long-workflow-name-for-prd-bot-jobs.yml", branch: "main" }).length).toBeLessThanOrEqual(140);
    }
    expect(notAllowedReply("mallory", "/scrum apply")).toMatch(/^Thanks, @mallory! .*`\/scrum apply` only from people with write access/);
  });
});
