// The in-memory repository behind `withRepo()`: what a forge would store besides git (pull requests, comments,
// labels, statuses...). Tests read it to assert what the code under test did, and may seed it (a fork PR, an
// existing comment, a user's permission). Git data (branches, files, diffs) always comes from the bare repo.
import type { Permission } from "../../../src/ports/forge.js";

export interface RepoModelOptions {
  owner: string;
  repo: string;
  /** Default "main". */
  defaultBranch?: string;
  /** The bare repository served over git and read for contents, compare and head shas. */
  bareRepoPath: string;
  /** Login the token belongs to: author of the bot's pull requests and comments. */
  botLogin?: string;
  /** Permission per user; anybody else has "none". */
  permissions?: Record<string, Permission>;
  /** Labels that already exist (Gitea: with ids 1, 2, ... in this order). */
  labels?: string[];
  /** Full ref names a push may not update (protected branch). */
  rejectPushesTo?: string[];
}

export interface ModelLabel {
  id: number;
  name: string;
  color: string;
}

export interface ModelIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  author: string;
}

export interface ModelPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: "open" | "closed";
  /** GitHub: the `draft` flag sent on creation. Gitea: derived from the `WIP:` title prefix. */
  draft: boolean;
  labels: string[];
  author: string;
  /** `owner/repo` of a fork the head branch lives in; undefined for same-repository pull requests. */
  headRepo?: string;
  /** Head sha when the head branch is not in the served bare repo (fork PRs). */
  headSha?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ModelComment {
  id: number;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface ModelReaction {
  id: number;
  commentId: number;
  content: string;
  user: string;
}

export interface ModelStatus {
  id: number;
  sha: string;
  context: string;
  state: string;
  description: string;
  targetUrl: string | undefined;
}

export interface ModelAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  level: string;
  message: string;
}

export interface ModelCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | undefined;
  title: string | undefined;
  summary: string | undefined;
  text: string | undefined;
  detailsUrl: string | undefined;
  /** Every annotation sent, in order (GitHub appends those of each update). */
  annotations: ModelAnnotation[];
}

export interface ModelReviewComment {
  id: number;
  path: string;
  /** The (last) line, on `side`. */
  line: number;
  side: "RIGHT" | "LEFT";
  /** First line of a multi-line comment (GitHub). */
  startLine?: number;
  body: string;
  /** Set by a test: the line changed since, so the forge no longer places the comment (GitHub answers line: null). */
  outdated?: boolean;
}

export interface ModelReview {
  id: number;
  pullNumber: number;
  body: string;
  event: string;
  commitId: string;
  comments: ModelReviewComment[];
}

export interface ModelDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
}

export interface RepoModel {
  readonly owner: string;
  readonly repo: string;
  defaultBranch: string;
  readonly bareRepoPath: string;
  botLogin: string;
  permissions: Record<string, Permission>;
  labels: ModelLabel[];
  issues: ModelIssue[];
  pulls: ModelPull[];
  comments: ModelComment[];
  reactions: ModelReaction[];
  statuses: ModelStatus[];
  checkRuns: ModelCheckRun[];
  reviews: ModelReview[];
  dispatches: ModelDispatch[];
  /** Next issue/pull number (they share one sequence, as on both forges). */
  nextNumber(): number;
  /** Next id for comments, reactions, statuses, reviews... */
  nextId(): number;
  /** The label called `name`, created if missing (GitHub creates labels on first use). */
  ensureLabel(name: string): ModelLabel;
}

export function createRepoModel(options: RepoModelOptions, defaultBotLogin: string): RepoModel {
  let id = 1000;
  const model: RepoModel = {
    owner: options.owner,
    repo: options.repo,
    defaultBranch: options.defaultBranch ?? "main",
    bareRepoPath: options.bareRepoPath,
    botLogin: options.botLogin ?? defaultBotLogin,
    permissions: { ...options.permissions },
    labels: (options.labels ?? []).map((name, i) => ({ id: i + 1, name, color: "ededed" })),
    issues: [],
    pulls: [],
    comments: [],
    reactions: [],
    statuses: [],
    checkRuns: [],
    reviews: [],
    dispatches: [],
    nextNumber: () => Math.max(0, ...model.issues.map((i) => i.number), ...model.pulls.map((p) => p.number)) + 1,
    nextId: () => ++id,
    ensureLabel(name) {
      let label = model.labels.find((l) => l.name === name);
      if (!label) {
        label = { id: Math.max(0, ...model.labels.map((l) => l.id)) + 1, name, color: "ededed" };
        model.labels.push(label);
      }
      return label;
    },
  };
  return model;
}

/** Seconds-precision ISO time, as both forges print it. */
export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, "Z");
}

/**
 * One page of `items` plus the `Link` header that octokit's and Gitea clients' paginators follow.
 * `sizeParam` is `per_page` (GitHub) or `limit` (Gitea).
 */
export function paginate<T>(items: T[], query: URLSearchParams, pageUrl: string, sizeParam: string, defaultSize: number): { page: T[]; headers: Record<string, string> } {
  const size = Math.max(1, Number(query.get(sizeParam) ?? defaultSize) || defaultSize);
  const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / size));
  const link = (n: number, rel: string) => {
    const next = new URLSearchParams(query);
    next.set("page", String(n));
    next.set(sizeParam, String(size));
    return `<${pageUrl}?${next.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
  const headers: Record<string, string> = { "x-total-count": String(items.length) };
  if (links.length) headers.link = links.join(", ");
  return { page: items.slice((page - 1) * size, page * size), headers };
}
