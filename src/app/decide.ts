// What an event asks of prd-bot, decided without any I/O: AppEvent → Plan. The dispatcher carries a plan out
// (permission check, reaction, dispatch, status); the second-step rules it applies are here too, so every
// decision the app makes is a plain function with a unit test.
import { parseScrumCommand, type ScrumCommand } from "../core/events/scrum-command.js";
import type { ForgeKind, Permission, RepoRef } from "../ports/forge.js";
import type { AppEvent } from "./app-event.js";

export { parseScrumCommand };
export type { ScrumCommand };

export type JobCommand = "cycle" | "review" | "apply" | "audit";

/** One unit of prd-bot work: what the workflow's inputs (or an in-process runner) receive. */
export interface JobRequest {
  command: JobCommand;
  pr?: number;
  gap?: string;
  /** A review limited to the changed files matching these globs (`/scrum files …`). */
  files?: string[];
}

export interface Target {
  forge: ForgeKind;
  repo: RepoRef;
  defaultBranch: string | undefined;
}

export type Plan =
  | { type: "ignore"; reason: string }
  | { type: "invalid"; reason: string }
  | { type: "scrum"; target: Target; pr: number; commentId: number; author: string; command: ScrumCommand }
  /** Labels changed on an open pull request: a review when the repository's review label is among them. */
  | { type: "label"; target: Target; pr: number; sender: string; added: string | undefined; labels: string[]; action: string }
  | { type: "audit"; target: Target; pr: number; headSha: string; action: string }
  | { type: "prd-push"; target: Target; branch: string; before: string; after: string; paths: string[]; pathsComplete: boolean }
  | { type: "cycle"; target: Target; issue: number; reason: string };

export interface DecideSettings {
  /** An issue given this label asks for a cycle (default `bot-eligible`). */
  cycleLabel?: string;
}

const AUDITED_PR_ACTIONS = new Set(["opened", "synchronize", "edited", "reopened"]);

export function decide(event: AppEvent, settings: DecideSettings = {}): Plan {
  if (event.type === "unhandled") return { type: "ignore", reason: `prd-bot does not act on ${event.name} events` };
  if (event.type === "invalid") return { type: "invalid", reason: event.reason };
  const target: Target = { forge: event.forge, repo: event.repo, defaultBranch: event.defaultBranch };
  const where = `${event.repo.owner}/${event.repo.repo}`;
  switch (event.type) {
    case "comment": {
      if (event.action !== "created") return { type: "ignore", reason: `comment ${event.action}: only new comments carry commands` };
      if (event.authorIsBot) return { type: "ignore", reason: `comment by the bot ${event.author}` };
      const command = parseScrumCommand(event.body);
      if (!command) return { type: "ignore", reason: "the comment has no /scrum command" };
      if (!event.onPullRequest) return { type: "ignore", reason: `/scrum works on pull requests; ${where}#${event.number} is an issue` };
      return { type: "scrum", target, pr: event.number, commentId: event.commentId, author: event.author, command };
    }
    case "push": {
      if (event.deleted) return { type: "ignore", reason: `${event.ref} was deleted` };
      if (!event.ref.startsWith("refs/heads/")) return { type: "ignore", reason: `${event.ref} is not a branch` };
      const branch = event.ref.slice("refs/heads/".length);
      if (event.defaultBranch !== undefined && branch !== event.defaultBranch) {
        return { type: "ignore", reason: `push to ${branch}, not the default branch ${event.defaultBranch}` };
      }
      return { type: "prd-push", target, branch, before: event.before, after: event.after, paths: event.paths, pathsComplete: event.pathsComplete };
    }
    case "pull_request": {
      // GitHub's `labeled` names the label added; Gitea's `label_updated` lists the labels the PR has now.
      if (event.action === "labeled" || event.action === "label_updated") {
        if (event.state !== "open") return { type: "ignore", reason: `pull request #${event.number} is ${event.state}` };
        if (!event.sender) return { type: "ignore", reason: `labels changed on #${event.number}, but the payload names nobody who did it` };
        if (event.senderIsBot) return { type: "ignore", reason: `labels changed on #${event.number} by the bot ${event.sender}` };
        return { type: "label", target, pr: event.number, sender: event.sender, added: event.label, labels: event.labels, action: event.action };
      }
      if (!AUDITED_PR_ACTIONS.has(event.action)) return { type: "ignore", reason: `pull request ${event.action}: the auditor runs on opened, synchronize, edited and reopened` };
      if (event.state !== "open") return { type: "ignore", reason: `pull request #${event.number} is ${event.state}` };
      return { type: "audit", target, pr: event.number, headSha: event.headSha, action: event.action };
    }
    case "issue": {
      const label = settings.cycleLabel ?? "bot-eligible";
      if (event.action !== "labeled" || event.label !== label) return { type: "ignore", reason: `issue ${event.action}: only the label "${label}" asks for a cycle` };
      return { type: "cycle", target, issue: event.number, reason: `issue #${event.number} was labelled ${label}` };
    }
  }
}

/** Whether a label change asks for a review: the label added (GitHub) or among the PR's labels now (Gitea). */
export function asksForReview(plan: { added: string | undefined; labels: string[] }, reviewLabel: string): boolean {
  return plan.added !== undefined ? plan.added === reviewLabel : plan.labels.includes(reviewLabel);
}

/** Commands from comments run only for people who can push to the repository. */
export function mayCommand(permission: Permission): boolean {
  return permission === "admin" || permission === "write";
}

/** Whether a push that changed `paths` touched the PRD at `prdPath` (repository-relative). */
export function touchesPrd(paths: readonly string[], prdPath: string): boolean {
  const wanted = normalizePath(prdPath);
  return paths.some((path) => normalizePath(path) === wanted);
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "");
}

/** workflow_dispatch inputs are strings; only the inputs a job needs are sent. */
export function workflowInputs(job: JobRequest): Record<string, string> {
  const inputs: Record<string, string> = { command: job.command };
  if (job.pr !== undefined) inputs.pr = String(job.pr);
  if (job.gap !== undefined) inputs.gap = job.gap;
  // Globs separated by spaces, as the `files` input reads them; one with a space in it travels quoted.
  if (job.files?.length) inputs.files = job.files.map((glob) => (/\s/.test(glob) ? `"${glob}"` : glob)).join(" ");
  return inputs;
}

/** The queue key of a repository: names are case-insensitive on both forges. */
export function repoKey(target: { forge: ForgeKind; repo: RepoRef }): string {
  return `${target.forge}:${target.repo.owner}/${target.repo.repo}`.toLowerCase();
}
