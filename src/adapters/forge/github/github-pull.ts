// GitHub answers → port types. Structural input types, so the list (pull-request-simple) and full
// (pull-request) shapes both fit, whichever @octokit/types version the injected client carries.
import type { ComparedFile, PullRequest } from "../../../ports/forge.js";

export interface GitHubPullLike {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  draft?: boolean;
  head: { ref: string; sha: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } | null };
  user: { login: string } | null;
  labels?: { name?: string }[];
}

export function toPullRequest(pull: GitHubPullLike): PullRequest {
  const headRepo = pull.head.repo?.full_name.toLowerCase();
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? "",
    head: pull.head.ref,
    base: pull.base.ref,
    draft: pull.draft === true,
    state: pull.state === "open" ? "open" : "closed",
    // A deleted fork leaves `head.repo` null: still a fork, never pushed to.
    fromFork: headRepo === undefined || headRepo !== pull.base.repo?.full_name.toLowerCase(),
    headSha: pull.head.sha,
    author: pull.user?.login ?? "",
  };
}

export function labelNames(pull: GitHubPullLike): string[] {
  return (pull.labels ?? []).flatMap((label) => (label.name ? [label.name] : []));
}

export interface GitHubDiffEntry {
  filename: string;
  status: string;
  previous_filename?: string;
  patch?: string;
}

export function toComparedFile(file: GitHubDiffEntry): ComparedFile {
  // GitHub also reports "copied" (a new file), "changed" (mode only) and "unchanged".
  const status = file.status === "added" || file.status === "copied" ? "added" : file.status === "removed" ? "removed" : file.status === "renamed" ? "renamed" : "modified";
  const out: ComparedFile = { path: file.filename, status };
  if (file.previous_filename !== undefined) out.previousPath = file.previous_filename;
  if (file.patch !== undefined) out.patch = file.patch;
  return out;
}
