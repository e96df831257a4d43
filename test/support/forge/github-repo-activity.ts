// Typical GitHub handlers for what the bot posts back: comments, reactions, labels, commit statuses, check
// runs, reviews, permission checks and workflow dispatch, all recorded in the repository model.
import { commentableSides, diffFiles, resolveCommit } from "./bare-repo.js";
import type { ForgeRequest, ForgeServer } from "./forge-types.js";
import type { ModelLookup } from "./github-repo-model.js";
import { githubError, headShaOf, NOT_FOUND, withModel } from "./github-repo-model.js";
import type { GitHubShapes } from "./github-shapes.js";
import type { ModelCheckRun, ModelComment, ModelReviewComment, RepoModel } from "./repo-model.js";
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

  on("GET", "/repos/{owner}/{repo}/commits/{ref}/statuses", async (model, request) => {
    const sha = await resolveCommit(model.bareRepoPath, request.params.ref as string);
    if (!sha) return NOT_FOUND;
    // Newest first, as GitHub lists them.
    const statuses = model.statuses.filter((s) => s.sha === sha).reverse();
    const { page, headers } = paginate(statuses, request.query, `${server.url}${request.path}`, "per_page", 30);
    return { status: 200, body: page.map((s) => shapes.status(model, s)), headers };
  });

  type AnnotationInput = { path: string; start_line: number; end_line: number; annotation_level: string; message: string };
  type CheckInput = {
    name?: string;
    head_sha?: string;
    status?: string;
    conclusion?: string;
    details_url?: string;
    output?: { title?: string; summary?: string; text?: string; annotations?: AnnotationInput[] };
  };
  const applyCheck = (run: ModelCheckRun, input: CheckInput) => {
    if (input.name !== undefined) run.name = input.name;
    if (input.status !== undefined) run.status = input.status;
    if (input.conclusion !== undefined) {
      run.conclusion = input.conclusion;
      run.status = "completed";
    }
    if (input.details_url !== undefined) run.detailsUrl = input.details_url;
    if (input.output) Object.assign(run, { title: input.output.title, summary: input.output.summary, text: input.output.text });
    // Each request's annotations are appended to the run's (GitHub's documented behaviour).
    for (const a of input.output?.annotations ?? []) run.annotations.push({ path: a.path, startLine: a.start_line, endLine: a.end_line, level: a.annotation_level, message: a.message });
  };

  on("POST", "/repos/{owner}/{repo}/check-runs", async (model, request) => {
    const input = request.body as CheckInput & { name: string; head_sha: string };
    if (!(await resolveCommit(model.bareRepoPath, input.head_sha))) return githubError(422, `No commit found for SHA: ${input.head_sha}`);
    const run: ModelCheckRun = { id: model.nextId(), name: input.name, headSha: input.head_sha, status: "queued", conclusion: undefined, title: undefined, summary: undefined, text: undefined, detailsUrl: undefined, annotations: [] };
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

  type CommentInput = { path: string; line?: number; side?: string; start_line?: number; start_side?: string; position?: number; body: string };
  const refuse = (error: string) => ({ status: 422, body: { message: "Unprocessable Entity", errors: [error], documentation_url: "https://docs.github.com/rest" } });

  on("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async (model, request) => {
    const pull = model.pulls.find((p) => p.number === Number(request.params.pull_number));
    if (!pull) return NOT_FOUND;
    const input = request.body as { body?: string; event?: string; commit_id?: string; comments?: CommentInput[] };
    const headSha = await headShaOf(model, pull);
    const files = await diffFiles(model.bareRepoPath, `refs/heads/${pull.base}`, headSha);
    const comments: ModelReviewComment[] = [];
    for (const comment of input.comments ?? []) {
      const file = files.find((f) => f.path === comment.path);
      const side = comment.side ?? "RIGHT";
      if (side !== "RIGHT" && side !== "LEFT") return refuse(`side must be RIGHT or LEFT, got ${side}`);
      const lines = commentableSides(file?.patch)[side];
      // GitHub refuses the whole review when one comment points outside the diff.
      if (!file || comment.line === undefined || !lines.has(comment.line)) return refuse("Pull request review thread line must be part of the diff");
      if (comment.start_line !== undefined) {
        if ((comment.start_side ?? side) !== side) return refuse("start_side must match side in this test forge");
        if (comment.start_line >= comment.line) return refuse("Pull request review thread start line must precede the end line");
        for (let n = comment.start_line; n <= comment.line; n++) {
          if (lines.get(n) !== lines.get(comment.line)) return refuse("Pull request review thread start line must be part of the same hunk as the line");
        }
      }
      comments.push({ id: model.nextId(), path: comment.path, line: comment.line, side, ...(comment.start_line !== undefined ? { startLine: comment.start_line } : {}), body: comment.body });
    }
    const review = { id: model.nextId(), pullNumber: pull.number, body: input.body ?? "", event: input.event ?? "PENDING", commitId: input.commit_id ?? headSha, comments };
    model.reviews.push(review);
    return { status: 200, body: shapes.review(model, review) };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/comments", (model, request) => {
    const pull = model.pulls.find((p) => p.number === Number(request.params.pull_number));
    if (!pull) return NOT_FOUND;
    const all = model.reviews.filter((r) => r.pullNumber === pull.number).flatMap((review) => review.comments.map((comment) => ({ review, comment })));
    const { page, headers } = paginate(all, request.query, `${server.url}${request.path}`, "per_page", 30);
    return { status: 200, body: page.map(({ review, comment }) => shapes.reviewComment(model, review, comment)), headers };
  });

  on("POST", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", async (model, request) => {
    const input = request.body as { ref: string; inputs?: Record<string, unknown> };
    if (!(await resolveCommit(model.bareRepoPath, input.ref))) return githubError(422, `No ref found for: ${input.ref}`);
    model.dispatches.push({ workflow: request.params.workflow_id as string, ref: input.ref, inputs: input.inputs ?? {} });
    return { status: 204 };
  });
}
