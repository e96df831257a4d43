// What the app says to people: comment replies, commit-status descriptions and log lines. Each says what
// happened, why, and what to do next.
import type { ForgeKind } from "../ports/forge.js";
import type { JobRequest } from "./decide.js";

export type StartFailure =
  | { kind: "missing-workflow"; detail: string }
  | { kind: "unsupported"; detail: string }
  | { kind: "rejected"; detail: string }
  | { kind: "busy"; detail: string };

export interface WorkflowSite {
  forge: ForgeKind;
  workflow: string;
  /** The default branch, when known. */
  branch: string | undefined;
}

const EXAMPLE: Record<ForgeKind, { example: string; folder: string }> = {
  github: { example: "examples/github/prd-bot.yml", folder: ".github/workflows" },
  gitea: { example: "examples/gitea/prd-bot.yml", folder: ".gitea/workflows" },
};

export function describeJob(job: JobRequest): string {
  if (job.command === "review" || job.command === "apply") return `\`/scrum${job.command === "apply" ? " apply" : ""}\` on #${job.pr}`;
  if (job.command === "audit") return `the auditor on #${job.pr}`;
  return "a propose cycle";
}

export function notAllowedReply(author: string, commandText: string): string {
  // The command is the commenter's text: it stays one code span, whatever backticks it holds.
  const command = commandText.replace(/`/g, "'");
  return [
    `Thanks, @${author}! prd-bot takes \`${command}\` only from people with write access to this repository, so nothing was started.`,
    "A maintainer can comment `/scrum` to ask for a review, `/scrum apply` to apply its high-confidence fixes, or `/scrum help` for the list of commands.",
  ].join("\n\n");
}

export function howToAddWorkflow(site: WorkflowSite): string {
  const { example, folder } = EXAMPLE[site.forge];
  return `copy \`${example}\` from prd-bot to \`${folder}/${site.workflow}\` on ${site.branch ? `the \`${site.branch}\` branch` : "the default branch"}, add the model key secret it names, and try again`;
}

/** A comment for work a person asked for that could not start. */
export function cannotStartComment(failure: StartFailure, job: JobRequest, site: WorkflowSite): string {
  const what = describeJob(job);
  switch (failure.kind) {
    case "missing-workflow":
      return `prd-bot could not start ${what}: this repository has no workflow \`${site.workflow}\` to dispatch (${failure.detail}).\n\nTo add it, ${howToAddWorkflow(site)}.`;
    case "unsupported":
      return `prd-bot could not start ${what}: this Gitea has no API to start a workflow (workflow dispatch arrived in Gitea 1.24).\n\nUpgrade Gitea to 1.24 or newer, or run the app with \`PRD_BOT_MODE=in-process\` so that jobs run on the app's own host.`;
    case "rejected":
      return `prd-bot could not start ${what}: the forge refused to dispatch \`${site.workflow}\` (${failure.detail}).\n\nCheck that the workflow has \`on: workflow_dispatch\` with the inputs \`command\`, \`gap\` and \`pr\`, as in \`${EXAMPLE[site.forge].example}\`.`;
    case "busy":
      return `prd-bot is busy and did not start ${what} (${failure.detail}). Please try again in a few minutes.`;
  }
}

/** A commit-status description (GitHub allows 140 characters). */
export function cannotStartStatus(failure: StartFailure, site: WorkflowSite): string {
  const text = {
    "missing-workflow": `prd-bot workflow missing: add ${EXAMPLE[site.forge].folder}/${site.workflow} (see ${EXAMPLE[site.forge].example})`,
    unsupported: "this Gitea cannot dispatch workflows (needs 1.24+); run the app with PRD_BOT_MODE=in-process",
    rejected: `the forge refused to dispatch ${site.workflow}; check its workflow_dispatch inputs`,
    busy: "prd-bot is busy; push again later to re-run the auditor",
  }[failure.kind];
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

export function cannotStartLog(failure: StartFailure, job: JobRequest, site: WorkflowSite): string {
  const how = {
    "missing-workflow": `; to fix it, ${howToAddWorkflow(site)}`,
    unsupported: "; upgrade Gitea to 1.24+ or set PRD_BOT_MODE=in-process",
    rejected: "; check the workflow's workflow_dispatch inputs (command, gap, pr)",
    busy: "",
  }[failure.kind];
  return `${describeJob(job)} not started: ${failure.kind === "busy" ? failure.detail : `${site.workflow}: ${failure.detail}`}${how}`;
}
