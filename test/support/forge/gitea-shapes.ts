// Gitea 1.22 response bodies for the repository model. Gitea's Swagger definitions require no fields, so
// these carry what Gitea really sends and what clients read; types are checked against the description.
import type { CommitInfo, DiffFile } from "./bare-repo.js";
import type { ModelComment, ModelLabel, ModelPull, ModelReaction, ModelReview, ModelReviewComment, ModelStatus, RepoModel } from "./repo-model.js";
import { isoNow } from "./repo-model.js";

type Json = Record<string, unknown>;

export class GiteaShapes {
  constructor(private readonly serverUrl: string) {}

  private repoUrl(model: RepoModel): string {
    return `${this.serverUrl}/${model.owner}/${model.repo}`;
  }

  private apiUrl(model: RepoModel): string {
    return `${this.serverUrl}/api/v1/repos/${model.owner}/${model.repo}`;
  }

  user(login: string): Json {
    return {
      id: idOf(login),
      login,
      login_name: "",
      full_name: login,
      email: `${login.replace(/[^a-z0-9._-]/gi, "-")}@noreply.example.com`,
      avatar_url: `${this.serverUrl}/avatars/${idOf(login)}`,
      html_url: `${this.serverUrl}/${encodeURIComponent(login)}`,
      is_admin: false,
      active: true,
      visibility: "public",
    };
  }

  repository(model: RepoModel): Json {
    return {
      id: idOf(`${model.owner}/${model.repo}`),
      name: model.repo,
      full_name: `${model.owner}/${model.repo}`,
      owner: this.user(model.owner),
      private: false,
      fork: false,
      empty: false,
      default_branch: model.defaultBranch,
      html_url: this.repoUrl(model),
      url: this.apiUrl(model),
      clone_url: `${this.repoUrl(model)}.git`,
      permissions: { admin: true, push: true, pull: true },
      has_pull_requests: true,
      has_actions: true,
    };
  }

  label(model: RepoModel, label: ModelLabel): Json {
    return { id: label.id, name: label.name, color: label.color, description: "", exclusive: false, is_archived: false, url: `${this.apiUrl(model)}/labels/${label.id}` };
  }

  private branch(model: RepoModel, ref: string, sha: string, repoName: string | undefined): Json {
    const [owner, name] = (repoName ?? `${model.owner}/${model.repo}`).split("/") as [string, string];
    const repo = { ...this.repository(model), id: idOf(`${owner}/${name}`), name, full_name: `${owner}/${name}`, owner: this.user(owner), fork: repoName !== undefined };
    return { label: ref, ref, sha, repo_id: repo.id, repo };
  }

  pull(model: RepoModel, pull: ModelPull, headSha: string, baseSha: string): Json {
    const html = `${this.repoUrl(model)}/pulls/${pull.number}`;
    return {
      id: 100000 + pull.number,
      number: pull.number,
      url: html,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      title: pull.title,
      body: pull.body,
      state: pull.state,
      draft: pull.draft,
      is_locked: false,
      user: this.user(pull.author),
      labels: pull.labels.map((name) => this.label(model, model.ensureLabel(name))),
      head: this.branch(model, pull.head, headSha, pull.headRepo),
      base: this.branch(model, pull.base, baseSha, undefined),
      mergeable: true,
      merged: false,
      comments: model.comments.filter((c) => c.issueNumber === pull.number).length,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
    };
  }

  comment(model: RepoModel, comment: ModelComment): Json {
    return {
      id: comment.id,
      body: comment.body,
      user: this.user(comment.author),
      html_url: `${this.repoUrl(model)}/pulls/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.repoUrl(model)}/issues/${comment.issueNumber}`,
      pull_request_url: model.pulls.some((p) => p.number === comment.issueNumber) ? `${this.repoUrl(model)}/pulls/${comment.issueNumber}` : "",
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    };
  }

  reaction(reaction: ModelReaction): Json {
    return { content: reaction.content, user: this.user(reaction.user), created_at: isoNow() };
  }

  status(model: RepoModel, status: ModelStatus): Json {
    const now = isoNow();
    return {
      id: status.id,
      context: status.context,
      description: status.description,
      status: status.state,
      target_url: status.targetUrl ?? "",
      url: `${this.apiUrl(model)}/statuses/${status.sha}`,
      creator: this.user(model.botLogin),
      created_at: now,
      updated_at: now,
    };
  }

  permission(user: string, permission: string): Json {
    return { permission, role_name: permission, user: this.user(user) };
  }

  contents(model: RepoModel, filePath: string, ref: string, content: Buffer, sha: string, lastCommitSha: string): Json {
    return {
      type: "file",
      encoding: "base64",
      content: content.toString("base64"),
      name: filePath.split("/").pop(),
      path: filePath,
      sha,
      last_commit_sha: lastCommitSha,
      size: content.length,
      url: `${this.apiUrl(model)}/contents/${filePath}?ref=${encodeURIComponent(ref)}`,
      html_url: `${this.repoUrl(model)}/src/branch/${ref}/${filePath}`,
      git_url: `${this.apiUrl(model)}/git/blobs/${sha}`,
      download_url: `${this.repoUrl(model)}/raw/branch/${ref}/${filePath}`,
      _links: { self: `${this.apiUrl(model)}/contents/${filePath}?ref=${encodeURIComponent(ref)}`, git: `${this.apiUrl(model)}/git/blobs/${sha}`, html: `${this.repoUrl(model)}/src/branch/${ref}/${filePath}` },
    };
  }

  changedFile(model: RepoModel, file: DiffFile, headSha: string): Json {
    const entry: Json = {
      filename: file.path,
      status: file.status === "removed" ? "deleted" : file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      html_url: `${this.repoUrl(model)}/src/commit/${headSha}/${file.path}`,
      contents_url: `${this.apiUrl(model)}/contents/${file.path}?ref=${headSha}`,
      raw_url: `${this.repoUrl(model)}/raw/commit/${headSha}/${file.path}`,
    };
    if (file.previousPath !== undefined) entry.previous_filename = file.previousPath;
    return entry;
  }

  commit(model: RepoModel, commit: CommitInfo, files: Pick<DiffFile, "path" | "status">[]): Json {
    const person = { name: commit.author, email: commit.email, date: commit.date };
    return {
      sha: commit.sha,
      url: `${this.apiUrl(model)}/git/commits/${commit.sha}`,
      html_url: `${this.repoUrl(model)}/commit/${commit.sha}`,
      created: commit.date,
      commit: { message: commit.message, author: person, committer: person, url: `${this.apiUrl(model)}/git/commits/${commit.sha}` },
      parents: commit.parents.map((sha) => ({ sha, url: `${this.apiUrl(model)}/git/commits/${sha}` })),
      files: files.map((f) => ({ filename: f.path, status: f.status })),
    };
  }

  /** Gitea's `position` is the new-side line, `original_position` the old-side one; an outdated comment keeps neither. */
  reviewComment(model: RepoModel, review: ModelReview, comment: ModelReviewComment): Json {
    const now = isoNow();
    return {
      id: comment.id,
      body: comment.body,
      user: this.user(model.botLogin),
      pull_request_review_id: review.id,
      path: comment.path,
      commit_id: review.commitId,
      original_commit_id: review.commitId,
      diff_hunk: "",
      position: comment.outdated || comment.side === "LEFT" ? 0 : comment.line,
      original_position: comment.side === "LEFT" && !comment.outdated ? comment.line : 0,
      html_url: `${this.repoUrl(model)}/pulls/${review.pullNumber}/files#issuecomment-${comment.id}`,
      pull_request_url: `${this.repoUrl(model)}/pulls/${review.pullNumber}`,
      created_at: now,
      updated_at: now,
    };
  }

  review(model: RepoModel, review: ModelReview): Json {
    const state = { APPROVED: "APPROVED", REQUEST_CHANGES: "REQUEST_CHANGES", COMMENT: "COMMENT" }[review.event] ?? "PENDING";
    return {
      id: review.id,
      body: review.body,
      state,
      commit_id: review.commitId,
      user: this.user(model.botLogin),
      comments_count: review.comments.length,
      official: false,
      stale: false,
      dismissed: false,
      html_url: `${this.repoUrl(model)}/pulls/${review.pullNumber}#issuecomment-${review.id}`,
      pull_request_url: `${this.repoUrl(model)}/pulls/${review.pullNumber}`,
      submitted_at: isoNow(),
    };
  }
}

/** A stable positive id for a name, so the same user or repository always has the same id. */
function idOf(name: string): number {
  let hash = 11;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return hash + 1;
}
