// GitHub response bodies for the repository model, built from the examples in GitHub's own description
// (components.examples) so they carry every required field; only what a test can observe is overridden.
// Example URLs are rewritten to the test server, so links in answers point back at it.
import type { CommitInfo, DiffFile } from "./bare-repo.js";
import type { ModelCheckRun, ModelComment, ModelLabel, ModelPull, ModelReaction, ModelReview, ModelReviewComment, ModelStatus, RepoModel } from "./repo-model.js";

type Json = Record<string, unknown>;

export class GitHubShapes {
  constructor(
    private readonly document: Record<string, unknown>,
    private readonly serverUrl: string,
  ) {}

  /** A deep copy of `components.examples[name].value` with URLs on the test server. */
  example(name: string): Json {
    const examples = (this.document.components as Json | undefined)?.examples as Record<string, { value?: unknown }> | undefined;
    const value = examples?.[name]?.value;
    if (value === undefined) throw new Error(`GitHub description has no example "${name}"`);
    const text = JSON.stringify(value).replace(/https:\/\/api\.github\.com|https:\/\/github\.com/g, this.serverUrl);
    return JSON.parse(text) as Json;
  }

  user(login: string): Json {
    const user = this.example("issue-comment").user as Json;
    // Logins like "prd-bot[bot]" are percent-encoded in URLs, as GitHub does.
    const path = encodeURIComponent(login);
    return { ...user, login, id: idOf(login), type: login.endsWith("[bot]") ? "Bot" : "User", url: `${this.serverUrl}/users/${path}`, html_url: `${this.serverUrl}/${path}` };
  }

  repository(model: RepoModel): Json {
    // The example lacks `has_discussions`, which the full-repository schema requires.
    return { ...this.example("full-repository"), has_discussions: false, ...this.repoFields(model, model.owner) };
  }

  private repoFields(model: RepoModel, owner: string, name = model.repo): Json {
    const fullName = `${owner}/${name}`;
    return {
      name,
      full_name: fullName,
      owner: this.user(owner),
      url: `${this.serverUrl}/repos/${fullName}`,
      html_url: `${this.serverUrl}/${fullName}`,
      clone_url: `${this.serverUrl}/${fullName}.git`,
      default_branch: model.defaultBranch,
      fork: owner !== model.owner,
    };
  }

  label(model: RepoModel, label: ModelLabel): Json {
    const base = (this.example("label-items") as unknown as Json[])[0] as Json;
    const url = `${this.serverUrl}/repos/${model.owner}/${model.repo}/labels/${encodeURIComponent(label.name)}`;
    return { ...base, id: label.id, name: label.name, color: label.color, url, default: false };
  }

  private branch(model: RepoModel, pull: ModelPull, side: "head" | "base", sha: string): Json {
    const example = this.example("pull-request")[side] as Json;
    const owner = side === "head" && pull.headRepo ? (pull.headRepo.split("/")[0] as string) : model.owner;
    const name = side === "head" && pull.headRepo ? (pull.headRepo.split("/")[1] as string) : model.repo;
    const ref = side === "head" ? pull.head : pull.base;
    return { ...example, label: `${owner}:${ref}`, ref, sha, user: this.user(owner), repo: { ...(example.repo as Json), ...this.repoFields(model, owner, name) } };
  }

  pull(model: RepoModel, pull: ModelPull, headSha: string, baseSha: string): Json {
    const self = `${this.serverUrl}/repos/${model.owner}/${model.repo}/pulls/${pull.number}`;
    return {
      ...this.example("pull-request"),
      url: self,
      id: 100000 + pull.number,
      html_url: `${this.serverUrl}/${model.owner}/${model.repo}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      user: this.user(pull.author),
      labels: pull.labels.map((name) => this.label(model, model.ensureLabel(name))),
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      // The example lists a team without the `type` its schema requires.
      requested_teams: [],
      head: this.branch(model, pull, "head", headSha),
      base: this.branch(model, pull, "base", baseSha),
      draft: pull.draft,
      merged: false,
    };
  }

  pullSimple(model: RepoModel, pull: ModelPull, headSha: string, baseSha: string): Json {
    const full = this.pull(model, pull, headSha, baseSha);
    const simple = (this.example("pull-request-simple-items") as unknown as Json[])[0] as Json;
    return Object.fromEntries(Object.keys(simple).map((key) => [key, key in full ? full[key] : simple[key]]));
  }

  issueComment(model: RepoModel, comment: ModelComment): Json {
    return {
      ...this.example("issue-comment"),
      id: comment.id,
      url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/issues/comments/${comment.id}`,
      html_url: `${this.serverUrl}/${model.owner}/${model.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.user(comment.author),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    };
  }

  reaction(reaction: ModelReaction): Json {
    return { ...this.example("reaction"), id: reaction.id, content: reaction.content, user: this.user(reaction.user) };
  }

  status(model: RepoModel, status: ModelStatus): Json {
    return {
      ...this.example("status"),
      id: status.id,
      url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/statuses/${status.sha}`,
      state: status.state,
      description: status.description,
      target_url: status.targetUrl ?? null,
      context: status.context,
      creator: this.user(model.botLogin),
    };
  }

  checkRun(model: RepoModel, run: ModelCheckRun): Json {
    const example = this.example("check-run");
    return {
      ...example,
      id: run.id,
      name: run.name,
      head_sha: run.headSha,
      status: run.status,
      conclusion: run.conclusion ?? null,
      details_url: run.detailsUrl ?? null,
      url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/check-runs/${run.id}`,
      output: { ...(example.output as Json), title: run.title ?? null, summary: run.summary ?? null, text: run.text ?? null, annotations_count: run.annotations.length },
      pull_requests: [],
    };
  }

  permission(user: string, permission: string): Json {
    const example = this.example("repository-collaborator-permission-response-if-user-has-admin-permissions");
    // The example's user lacks the `role_name` its schema requires.
    return { ...example, permission, role_name: permission, user: { ...this.user(user), role_name: permission } };
  }

  contentFile(model: RepoModel, filePath: string, ref: string, content: Buffer, sha: string): Json {
    const api = `${this.serverUrl}/repos/${model.owner}/${model.repo}`;
    const html = `${this.serverUrl}/${model.owner}/${model.repo}/blob/${ref}/${filePath}`;
    return {
      type: "file",
      encoding: "base64",
      size: content.length,
      name: filePath.split("/").pop(),
      path: filePath,
      content: content.toString("base64"),
      sha,
      url: `${api}/contents/${filePath}?ref=${encodeURIComponent(ref)}`,
      git_url: `${api}/git/blobs/${sha}`,
      html_url: html,
      download_url: `${this.serverUrl}/${model.owner}/${model.repo}/raw/${ref}/${filePath}`,
      _links: { git: `${api}/git/blobs/${sha}`, self: `${api}/contents/${filePath}`, html },
    };
  }

  diffEntry(model: RepoModel, file: DiffFile, headSha: string): Json {
    const entry: Json = {
      sha: headSha,
      filename: file.path,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `${this.serverUrl}/${model.owner}/${model.repo}/blob/${headSha}/${file.path}`,
      raw_url: `${this.serverUrl}/${model.owner}/${model.repo}/raw/${headSha}/${file.path}`,
      contents_url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/contents/${file.path}?ref=${headSha}`,
    };
    if (file.patch !== undefined) entry.patch = file.patch;
    if (file.previousPath !== undefined) entry.previous_filename = file.previousPath;
    return entry;
  }

  commit(commit: CommitInfo): Json {
    const example = (this.example("commit-comparison").commits as Json[])[0] as Json;
    const person = { name: commit.author, email: commit.email, date: commit.date };
    return {
      ...example,
      sha: commit.sha,
      commit: { ...(example.commit as Json), author: person, committer: person, message: commit.message },
      parents: commit.parents.map((sha) => ({ sha, url: `${this.serverUrl}/commits/${sha}`, html_url: `${this.serverUrl}/commit/${sha}` })),
    };
  }

  comparison(model: RepoModel, basehead: string, files: DiffFile[], commits: CommitInfo[], behind: number, headSha: string): Json {
    const example = this.example("commit-comparison");
    const status = commits.length && behind ? "diverged" : commits.length ? "ahead" : behind ? "behind" : "identical";
    const html = `${this.serverUrl}/${model.owner}/${model.repo}/compare/${basehead}`;
    return {
      ...example,
      url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/compare/${basehead}`,
      html_url: html,
      permalink_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      status,
      ahead_by: commits.length,
      behind_by: behind,
      total_commits: commits.length,
      commits: commits.map((c) => this.commit(c)),
      files: files.map((f) => this.diffEntry(model, f, headSha)),
    };
  }

  reviewComment(model: RepoModel, review: ModelReview, comment: ModelReviewComment): Json {
    const example = (this.example("pull-request-review-comment-items") as unknown as Json[])[0] as Json;
    const api = `${this.serverUrl}/repos/${model.owner}/${model.repo}`;
    const html = `${this.serverUrl}/${model.owner}/${model.repo}/pull/${review.pullNumber}#discussion_r${comment.id}`;
    // The description types `line` as an integer (not nullable); an outdated comment is answered without it.
    const { in_reply_to_id: _reply, line: _line, ...rest } = example;
    return {
      ...rest,
      id: comment.id,
      url: `${api}/pulls/comments/${comment.id}`,
      pull_request_review_id: review.id,
      path: comment.path,
      commit_id: review.commitId,
      original_commit_id: review.commitId,
      user: this.user(model.botLogin),
      body: comment.body,
      html_url: html,
      pull_request_url: `${api}/pulls/${review.pullNumber}`,
      _links: { self: { href: `${api}/pulls/comments/${comment.id}` }, html: { href: html }, pull_request: { href: `${api}/pulls/${review.pullNumber}` } },
      ...(comment.outdated ? {} : { line: comment.line }),
      original_line: comment.line,
      side: comment.side,
      start_line: comment.startLine ?? null,
      original_start_line: comment.startLine ?? null,
      start_side: comment.startLine !== undefined ? comment.side : null,
    };
  }

  review(model: RepoModel, review: ModelReview): Json {
    const state = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", COMMENT: "COMMENTED" }[review.event] ?? "PENDING";
    return {
      ...this.example("pull-request-review"),
      id: review.id,
      user: this.user(model.botLogin),
      body: review.body,
      state,
      commit_id: review.commitId,
      pull_request_url: `${this.serverUrl}/repos/${model.owner}/${model.repo}/pulls/${review.pullNumber}`,
    };
  }
}

/** A stable positive id for a login, so the same user always has the same id. */
function idOf(login: string): number {
  let hash = 7;
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return hash + 1;
}
