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
  /** Line in the new version of the file. */
  line: number;
  body: string;
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
  editComment(commentId: number, body: string): Promise<void>;
  react(commentId: number, reaction: "eyes" | "+1" | "confused" | "rocket"): Promise<void>;
  review(prNumber: number, input: { body: string; comments: LineComment[]; commitSha: string }): Promise<void>;
  setStatus(status: CommitStatus): Promise<void>;
  permission(user: string): Promise<Permission>;
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
