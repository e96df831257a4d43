// Typical GitHub handlers for what the bot posts back: comments, reactions, labels, commit statuses, check
// runs, reviews, permission checks and workflow dispatch, all recorded in the repository model.
import { commentableLines, diffFiles, resolveCommit } from "./bare-repo.js";
import type { ForgeRequest, ForgeServer } from "./forge-types.js";
import type { ModelLookup } from "./github-repo-model.js";
import { githubError, headShaOf, NOT_FOUND, withModel } from "./github-repo-model.js";
import type { GitHubShapes } from "./github-shapes.js";
import type { ModelCheckRun, ModelComment, RepoModel } from "./repo-model.js";
import { isoNow, paginate } from "./repo-model.js";

export function registerGitHubActivityHandlers(server: ForgeServer, lookup: ModelLookup, shapes: GitHubShapes): void {
  const on = withModel(server, lookup);
  const issueExists = (model: RepoModel, n: number) => model.pulls.some((p) => p.number === n) || model.issues.some((i) => i.number === n);
  const commentOf = (model: RepoModel, request: ForgeRequest) => model.comments.find((c) => c.id === Number(request.params.comment_id));

  on("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", (model, request) => {
    const number = Number(request.params.issue_number);
    if (!issueExists(model, number)) return NOT_FOUND;
    const comments = model.comments.filter((c) => c.issueNumber === number);
    const { page, headers } = paginate(comments, request.query, `${server.url}${request.path}`, "per_page", 30);
    return { status: 200, body: page.map((c) => shapes.issueComment(model, c)), headers };
  });

  on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", (model, request) => {
    const number = Number(request.params.issue_number);
    if (!issueExists(model, number)) return NOT_FOUND;
    const now = isoNow();
    const comment: ModelComment = { id: model.nextId(), issueNumber: number, body: (request.body as { body: string }).body, author: model.botLogin, createdAt: now, updatedAt: now };
    model.comments.push(comment);
    return { status: 201, body: shapes.issueComment(model, comment) };
  });

  on("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", (model, request) => {
    const comment = commentOf(model, request);
    if (!comment) return NOT_FOUND;
    comment.body = (request.body as { body: string }).body;
    comment.updatedAt = isoNow();
    return { status: 200, body: shapes.issueComment(model, comment) };
  });

  on("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", (model, request) => {
    const comment = commentOf(model, request);
    if (!comment) return NOT_FOUND;
    const content = (request.body as { content: string }).content;
    // GitHub answers 200 with the existing reaction when the same user reacts the same way twice.
    const existing = model.reactions.find((r) => r.commentId === comment.id && r.content === content && r.user === model.botLogin);
    if (existing) return { status: 200, body: shapes.reaction(existing) };
    const reaction = { id: model.nextId(), commentId: comment.id, content, user: model.botLogin };
    model.reactions.push(reaction);
    return { status: 201, body: shapes.reaction(reaction) };
  });

  on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", (model, request) => {
    const number = Number(request.params.issue_number);
    const target = model.pulls.find((p) => p.number === number) ?? model.issues.find((i) => i.number === number);
    if (!target) return NOT_FOUND;
    const body = request.body as { labels?: (string | { name: string })[] } | (string | { name: string })[];
    const names = (Array.isArray(body) ? body : (body.labels ?? [])).map((l) => (typeof l === "string" ? l : l.name));
    for (const name of names) {
      model.ensureLabel(name);
      if (!target.labels.includes(name)) target.labels.push(name);
    }
    return { status: 200, body: target.labels.map((name) => shapes.label(model, model.ensureLabel(name))) };
  });

  on("POST", "/repos/{owner}/{repo}/statuses/{sha}", async (model, request) => {
    const sha = await resolveCommit(model.bareRepoPath, request.params.sha as string);
    if (!sha) return githubError(422, "No commit found for SHA: " + request.params.sha);
    const input = request.body as { state: string; context?: string; description?: string; target_url?: string };
    const status = { id: model.nextId(), sha, context: input.context ?? "default", state: input.state, description: input.description ?? "", targetUrl: input.target_url };
    model.statuses.push(status);
    return { status: 201, body: shapes.status(model, status) };
  });

  type CheckInput = { name?: string; head_sha?: string; status?: string; conclusion?: string; details_url?: string; output?: { title?: string; summary?: string; text?: string } };
  const applyCheck = (run: ModelCheckRun, input: CheckInput) => {
    if (input.name !== undefined) run.name = input.name;
    if (input.status !== undefined) run.status = input.status;
    if (input.conclusion !== undefined) {
      run.conclusion = input.conclusion;
      run.status = "completed";
    }
    if (input.details_url !== undefined) run.detailsUrl = input.details_url;
    if (input.output) Object.assign(run, { title: input.output.title, summary: input.output.summary, text: input.output.text });
  };

  on("POST", "/repos/{owner}/{repo}/check-runs", async (model, request) => {
    const input = request.body as CheckInput & { name: string; head_sha: string };
    if (!(await resolveCommit(model.bareRepoPath, input.head_sha))) return githubError(422, `No commit found for SHA: ${input.head_sha}`);
    const run: ModelCheckRun = { id: model.nextId(), name: input.name, headSha: input.head_sha, status: "queued", conclusion: undefined, title: undefined, summary: undefined, text: undefined, detailsUrl: undefined };
    applyCheck(run, input);
    model.checkRuns.push(run);
    return { status: 201, body: shapes.checkRun(model, run) };
  });

  on("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", (model, request) => {
    const run = model.checkRuns.find((r) => r.id === Number(request.params.check_run_id));
    if (!run) return NOT_FOUND;
    applyCheck(run, request.body as CheckInput);
    return { status: 200, body: shapes.checkRun(model, run) };
  });

  on("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", (model, request) => {
    const user = request.params.username as string;
    return { status: 200, body: shapes.permission(user, model.permissions[user] ?? "none") };
  });

  on("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async (model, request) => {
    const pull = model.pulls.find((p) => p.number === Number(request.params.pull_number));
    if (!pull) return NOT_FOUND;
    const input = request.body as { body?: string; event?: string; commit_id?: string; comments?: { path: string; line?: number; position?: number; body: string }[] };
    const headSha = await headShaOf(model, pull);
    const files = await diffFiles(model.bareRepoPath, `refs/heads/${pull.base}`, headSha);
    for (const comment of input.comments ?? []) {
      const file = files.find((f) => f.path === comment.path);
      // GitHub refuses the whole review when one comment points outside the diff.
      if (!file || comment.line === undefined || !commentableLines(file.patch).has(comment.line)) {
        return { status: 422, body: { message: "Unprocessable Entity", errors: ["Pull request review thread line must be part of the diff"], documentation_url: "https://docs.github.com/rest" } };
      }
    }
    const review = {
      id: model.nextId(),
      pullNumber: pull.number,
      body: input.body ?? "",
      event: input.event ?? "PENDING",
      commitId: input.commit_id ?? headSha,
      comments: (input.comments ?? []).map((c) => ({ path: c.path, line: c.line as number, body: c.body })),
    };
    model.reviews.push(review);
    return { status: 200, body: shapes.review(model, review) };
  });

  on("POST", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", async (model, request) => {
    const input = request.body as { ref: string; inputs?: Record<string, unknown> };
    if (!(await resolveCommit(model.bareRepoPath, input.ref))) return githubError(422, `No ref found for: ${input.ref}`);
    model.dispatches.push({ workflow: request.params.workflow_id as string, ref: input.ref, inputs: input.inputs ?? {} });
    return { status: 204 };
  });
}
