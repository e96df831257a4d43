// Typical Gitea 1.22 handlers for what the bot posts back: comments, reactions, labels (by id), commit
// statuses, reviews, permission checks and, when enabled, workflow dispatch (Gitea 1.24+).
import { resolveCommit } from "./bare-repo.js";
import type { ForgeRequest, ForgeServer } from "./forge-types.js";
import { GITEA_DISPATCH_TEMPLATE } from "./gitea-dispatch-schema.js";
import type { ModelLookup } from "./gitea-repo-model.js";
import { giteaError, headShaOf, NOT_FOUND, withModel } from "./gitea-repo-model.js";
import type { GiteaShapes } from "./gitea-shapes.js";
import type { ModelComment, RepoModel } from "./repo-model.js";
import { isoNow, paginate } from "./repo-model.js";

// Gitea's default setting ui.REACTIONS; anything else is refused with 403.
const ALLOWED_REACTIONS = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"];

export function registerGiteaActivityHandlers(server: ForgeServer, lookup: ModelLookup, shapes: GiteaShapes, options: { workflowDispatch: boolean }): void {
  const on = withModel(server, lookup);
  const issueOf = (model: RepoModel, request: ForgeRequest) => {
    const number = Number(request.params.index);
    return model.pulls.find((p) => p.number === number) ?? model.issues.find((i) => i.number === number);
  };
  const commentOf = (model: RepoModel, request: ForgeRequest) => model.comments.find((c) => c.id === Number(request.params.id));

  on("GET", "/repos/{owner}/{repo}/issues/{index}/comments", (model, request) => {
    const issue = issueOf(model, request);
    if (!issue) return NOT_FOUND;
    // Gitea lists all comments of an issue at once (no page/limit on this route in 1.22).
    return { status: 200, body: model.comments.filter((c) => c.issueNumber === issue.number).map((c) => shapes.comment(model, c)) };
  });

  on("POST", "/repos/{owner}/{repo}/issues/{index}/comments", (model, request) => {
    const issue = issueOf(model, request);
    if (!issue) return NOT_FOUND;
    const now = isoNow();
    const comment: ModelComment = { id: model.nextId(), issueNumber: issue.number, body: (request.body as { body: string }).body, author: model.botLogin, createdAt: now, updatedAt: now };
    model.comments.push(comment);
    return { status: 201, body: shapes.comment(model, comment) };
  });

  on("PATCH", "/repos/{owner}/{repo}/issues/comments/{id}", (model, request) => {
    const comment = commentOf(model, request);
    if (!comment) return NOT_FOUND;
    const body = (request.body as { body?: string }).body;
    if (body !== undefined) comment.body = body;
    comment.updatedAt = isoNow();
    return { status: 200, body: shapes.comment(model, comment) };
  });

  on("POST", "/repos/{owner}/{repo}/issues/comments/{id}/reactions", (model, request) => {
    const comment = commentOf(model, request);
    if (!comment) return NOT_FOUND;
    const content = (request.body as { content?: string }).content ?? "";
    if (!ALLOWED_REACTIONS.includes(content)) return giteaError(403, `'${content}' is not an allowed reaction`);
    const existing = model.reactions.find((r) => r.commentId === comment.id && r.content === content && r.user === model.botLogin);
    if (existing) return { status: 200, body: shapes.reaction(existing) };
    const reaction = { id: model.nextId(), commentId: comment.id, content, user: model.botLogin };
    model.reactions.push(reaction);
    return { status: 201, body: shapes.reaction(reaction) };
  });

  on("GET", "/repos/{owner}/{repo}/labels", (model, request) => {
    const { page, headers } = paginate(model.labels, request.query, `${server.url}/api/v1${request.path}`, "limit", 30);
    return { status: 200, body: page.map((l) => shapes.label(model, l)), headers };
  });

  on("POST", "/repos/{owner}/{repo}/labels", (model, request) => {
    const input = request.body as { name: string; color: string };
    if (model.labels.some((l) => l.name === input.name)) return giteaError(422, `label ${input.name} already exists`);
    const label = model.ensureLabel(input.name);
    label.color = input.color.replace(/^#/, "");
    return { status: 201, body: shapes.label(model, label) };
  });

  on("POST", "/repos/{owner}/{repo}/issues/{index}/labels", (model, request) => {
    const issue = issueOf(model, request);
    if (!issue) return NOT_FOUND;
    const ids = (request.body as { labels?: unknown[] }).labels ?? [];
    // Gitea before 1.22 takes only ids; names work from 1.22 on. The test forge asks for ids so code stays portable.
    const names = ids.filter((id) => typeof id !== "number");
    if (names.length) return giteaError(422, `labels must be label ids (numbers), got ${JSON.stringify(names)}; GET /repos/{owner}/{repo}/labels maps names to ids`);
    const unknown = ids.filter((id) => !model.labels.some((l) => l.id === id));
    if (unknown.length) return giteaError(422, `label ids ${unknown.join(", ")} do not exist`);
    for (const label of model.labels.filter((l) => ids.includes(l.id))) if (!issue.labels.includes(label.name)) issue.labels.push(label.name);
    return { status: 200, body: issue.labels.map((name) => shapes.label(model, model.ensureLabel(name))) };
  });

  on("POST", "/repos/{owner}/{repo}/statuses/{sha}", async (model, request) => {
    const sha = await resolveCommit(model.bareRepoPath, request.params.sha as string);
    if (!sha) return giteaError(404, `commit ${request.params.sha} does not exist`);
    const input = request.body as { state?: string; context?: string; description?: string; target_url?: string };
    const status = { id: model.nextId(), sha, context: input.context ?? "default", state: input.state ?? "pending", description: input.description ?? "", targetUrl: input.target_url };
    model.statuses.push(status);
    return { status: 201, body: shapes.status(model, status) };
  });

  on("GET", "/repos/{owner}/{repo}/statuses/{sha}", async (model, request) => {
    const sha = await resolveCommit(model.bareRepoPath, request.params.sha as string);
    if (!sha) return NOT_FOUND;
    // sort=recentupdate: newest first (the only order prd-bot asks for).
    const statuses = model.statuses.filter((s) => s.sha === sha).reverse();
    const { page, headers } = paginate(statuses, request.query, `${server.url}/api/v1${request.path}`, "limit", 30);
    return { status: 200, body: page.map((s) => shapes.status(model, s)), headers };
  });

  on("GET", "/repos/{owner}/{repo}/collaborators/{collaborator}/permission", (model, request) => {
    const user = request.params.collaborator as string;
    return { status: 200, body: shapes.permission(user, model.permissions[user] ?? "none") };
  });

  on("POST", "/repos/{owner}/{repo}/pulls/{index}/reviews", async (model, request) => {
    const pull = model.pulls.find((p) => p.number === Number(request.params.index));
    if (!pull) return NOT_FOUND;
    const input = request.body as { body?: string; event?: string; commit_id?: string; comments?: { path?: string; body?: string; new_position?: number; old_position?: number }[] };
    const review = {
      id: model.nextId(),
      pullNumber: pull.number,
      body: input.body ?? "",
      event: input.event ?? "PENDING",
      commitId: input.commit_id ?? (await headShaOf(model, pull)),
      // Gitea reads a non-zero old_position as a comment on the old side of the diff.
      comments: (input.comments ?? []).map((c) =>
        (c.old_position ?? 0) > 0
          ? { id: model.nextId(), path: c.path ?? "", line: c.old_position as number, side: "LEFT" as const, body: c.body ?? "" }
          : { id: model.nextId(), path: c.path ?? "", line: c.new_position ?? 0, side: "RIGHT" as const, body: c.body ?? "" },
      ),
    };
    model.reviews.push(review);
    return { status: 200, body: shapes.review(model, review) };
  });

  const reviewOf = (model: RepoModel, request: ForgeRequest) => model.reviews.find((r) => r.pullNumber === Number(request.params.index) && r.id === Number(request.params.id));

  on("GET", "/repos/{owner}/{repo}/pulls/{index}/reviews", (model, request) => {
    const pull = model.pulls.find((p) => p.number === Number(request.params.index));
    if (!pull) return NOT_FOUND;
    const { page, headers } = paginate(model.reviews.filter((r) => r.pullNumber === pull.number), request.query, `${server.url}/api/v1${request.path}`, "limit", 30);
    return { status: 200, body: page.map((r) => shapes.review(model, r)), headers };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{index}/reviews/{id}/comments", (model, request) => {
    const review = reviewOf(model, request);
    if (!review) return NOT_FOUND;
    return { status: 200, body: review.comments.map((c) => shapes.reviewComment(model, review, c)) };
  });

  if (options.workflowDispatch) {
    on("POST", GITEA_DISPATCH_TEMPLATE, async (model, request) => {
      const input = request.body as { ref: string; inputs?: Record<string, string> };
      if (!(await resolveCommit(model.bareRepoPath, input.ref))) return giteaError(404, `ref ${input.ref} does not exist`);
      model.dispatches.push({ workflow: request.params.workflow_id as string, ref: input.ref, inputs: input.inputs ?? {} });
      return { status: 204 };
    });
  }
}
