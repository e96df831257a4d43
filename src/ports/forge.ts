// Forge: what the jobs need from GitHub or Gitea. Adapters live in src/adapters/forge/<name>/.
// A forge that cannot do something says so through `capabilities`; callers check before asking.

export type ForgeKind = "github" | "gitea";

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ForgeCapabilities {
  /** A real draft flag (GitHub). Gitea marks drafts with a "WIP:" title prefix instead. */
  draftFlag: boolean;
  /** Check runs (GitHub); otherwise commit statuses are used. */
  checkRuns: boolean;
  /** Reactions on issue comments. */
  reactions: boolean;
  /** workflow_dispatch through the API (Gitea 1.24+). */
  workflowDispatch: boolean;
  /** Committable ```suggestion blocks in review comments, and comments spanning several lines (GitHub). */
  suggestions: boolean;
}

export interface GitRemote {
  /** HTTPS clone URL without credentials. */
  url: string;
  /** `Authorization: Basic …` for git's http.extraHeader. Secret: never log it. */
  authHeader: string;
}

export interface PullRequest {
  number: number;
  url: string;
  title: string;
  body: string;
  head: string;
  base: string;
  draft: boolean;
  state: "open" | "closed";
  /** The PR comes from a fork: no secrets, no pushes. */
  fromFork: boolean;
  headSha: string;
  author: string;
}

export interface ComparedFile {
  path: string;
  status: "added" | "modified" | "removed" | "renamed";
  previousPath?: string;
  patch?: string;
}

export type Permission = "admin" | "write" | "read" | "none";

export interface LineComment {
  path: string;
  /** The (last) line commented on: in the new version of the file (RIGHT, the default) or the old one (LEFT). */
  line: number;
  side?: "RIGHT" | "LEFT";
  /**
   * First line of a multi-line comment, on the same side (GitHub). Gitea comments on single lines only: there
   * the comment sits on `line`.
   */
  startLine?: number;
  body: string;
}

/** A comment on an issue or pull request's conversation. */
export interface IssueComment {
  id: number;
  body: string;
  /** Login of whoever wrote it. */
  author: string;
  /** Its page (html_url). */
  url: string;
}

/** A review comment on a line of a pull request. */
export interface ReviewComment {
  id: number;
  path: string;
  /** New-side line it sits on; null when the forge no longer places it (the line changed since: outdated). */
  line: number | null;
  /** Set when the comment is on the old version of the file (`line` is then an old-side line). */
  side?: "LEFT";
  body: string;
}

export interface StatusAnnotation {
  path: string;
  line: number;
  message: string;
  level: "failure" | "warning" | "notice";
}

export interface CommitStatus {
  sha: string;
  /** e.g. "prd-bot/auditor" */
  context: string;
  state: "pending" | "success" | "failure" | "error";
  description: string;
  /** Longer markdown, shown where the forge has room for it (check run output). */
  details?: string;
  targetUrl?: string;
  /** Issues on lines, shown as check-run annotations where the forge has them (GitHub); otherwise dropped. */
  annotations?: StatusAnnotation[];
}

/** Where a status went: a check run (GitHub, with its page) or a commit status. */
export interface PostedStatus {
  as: "check-run" | "commit-status";
  /** The check run's page, when there is one. */
  url?: string;
}

export interface Forge {
  readonly kind: ForgeKind;
  readonly repo: RepoRef;
  readonly capabilities: ForgeCapabilities;
  defaultBranch(): Promise<string>;
  /** File content at a ref, or undefined when absent. */
  readFile(path: string, ref: string): Promise<string | undefined>;
  compare(base: string, head: string): Promise<ComparedFile[]>;
  /** Where git pushes and fetches, and the auth header it sends (passed through the environment, never argv or logs). */
  gitRemote(): GitRemote;
  findOpenPullRequest(query: { head?: string; titleContains?: string; label?: string }): Promise<PullRequest | undefined>;
  listOpenPullRequests(query: { label?: string }): Promise<PullRequest[]>;
  getPullRequest(number: number): Promise<PullRequest>;
  openDraftPullRequest(input: { head: string; base: string; title: string; body: string; labels: string[] }): Promise<PullRequest>;
  updatePullRequest(number: number, input: { title?: string; body?: string }): Promise<PullRequest>;
  comment(issueNumber: number, body: string): Promise<{ id: number; url: string }>;
  /** Every comment of an issue or pull request's conversation, oldest first (all pages). */
  listComments(issueNumber: number): Promise<IssueComment[]>;
  /** Every review comment on a pull request's lines, oldest first (all pages). */
  listReviewComments(prNumber: number): Promise<ReviewComment[]>;
  editComment(commentId: number, body: string): Promise<void>;
  react(commentId: number, reaction: "eyes" | "+1" | "confused" | "rocket"): Promise<void>;
  review(prNumber: number, input: { body: string; comments: LineComment[]; commitSha: string }): Promise<void>;
  /** A check run named `context` where the forge and token allow (GitHub), else a commit status. */
  setStatus(status: CommitStatus): Promise<PostedStatus>;
  /** Always a commit status, even where check runs exist (to finish a pending commit status of the same context). */
  setCommitStatus(status: CommitStatus): Promise<void>;
  /** The state of the newest commit status named `context` on `sha`, or undefined when there is none. */
  latestCommitStatus(sha: string, context: string): Promise<CommitStatus["state"] | undefined>;
  permission(user: string): Promise<Permission>;
  /**
   * The login the token acts as (the author of what prd-bot posts), or undefined when the forge will not say
   * (GitHub App and Actions tokens: their comments are by `<app>[bot]`).
   */
  botLogin(): Promise<string | undefined>;
  dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<void>;
}

/** A forge call failed; `status` is the HTTP status when there was one. */
export class ForgeError extends Error {
  readonly status: number | undefined;
  readonly operation: string;
  constructor(operation: string, message: string, status?: number) {
    super(`${operation}: ${message}`);
    this.name = "ForgeError";
    this.operation = operation;
    this.status = status;
  }
}

/** The forge cannot do what was asked (e.g. workflow dispatch on Gitea < 1.24). */
export class UnsupportedError extends ForgeError {
  constructor(operation: string, message: string) {
    super(operation, message);
    this.name = "UnsupportedError";
  }
}
