// Gitea answers → port types. Gitea marks a draft by a title prefix (its WORK_IN_PROGRESS_PREFIXES setting,
// "WIP:" and "[WIP]" by default) rather than a flag, so a draft is opened and kept with "WIP: ".
import type { PullRequest } from "../../../ports/forge.js";
import type { GiteaPull } from "./gitea-answers.js";

export function isWorkInProgress(title: string): boolean {
  return /^\s*(WIP:|\[WIP\])/i.test(title);
}

export function withWorkInProgress(title: string): string {
  return isWorkInProgress(title) ? title : `WIP: ${title}`;
}

export function toPullRequest(pull: GiteaPull): PullRequest {
  const headRepo = pull.head.repo?.full_name.toLowerCase();
  const sameRepo = pull.head.repo_id !== undefined && pull.base.repo_id !== undefined ? pull.head.repo_id === pull.base.repo_id : headRepo !== undefined && headRepo === pull.base.repo?.full_name.toLowerCase();
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? "",
    head: pull.head.ref,
    base: pull.base.ref,
    draft: pull.draft === true || isWorkInProgress(pull.title),
    state: pull.state === "open" ? "open" : "closed",
    // A deleted fork leaves no head repository: still a fork, never pushed to.
    fromFork: !sameRepo || pull.head.repo === null,
    headSha: pull.head.sha,
    author: pull.user?.login ?? "",
  };
}
