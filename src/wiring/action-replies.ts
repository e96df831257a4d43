// Answers to `/scrum` commands while scrum review and apply are not part of this version: a comment that
// says so, for people with write access only (commands from others are never acted on, not even answered,
// so that the bot cannot be used to spam a pull request).
import type { ActionResult } from "../action/action-result.js";
import type { JobRequest } from "../core/events/route-event.js";
import type { Logger } from "../jobs/logger.js";
import type { Forge } from "../ports/forge.js";

type CommandRequest = Extract<JobRequest, { job: "review" | "apply" }>;

const WRITERS = new Set(["admin", "write"]);

export async function replyNotYet(forge: Forge, request: CommandRequest, log: Logger): Promise<Pick<ActionResult, "notes" | "unavailable">> {
  const command = `/scrum ${request.job}`;
  const author = request.comment?.author;
  if (!request.comment || !author) {
    log.info(`${command} for #${request.pr} is not available in this version yet`);
    return { unavailable: true, notes: [`${command} is not available yet; nothing was done on #${request.pr}`] };
  }
  const permission = await forge.permission(author);
  if (!WRITERS.has(permission)) {
    log.info(`${command} by ${author} on #${request.pr} ignored: commands need write access (${author} has ${permission})`);
    return { unavailable: true, notes: [`${command} by ${author} ignored: no write access`] };
  }
  const fork = request.job === "apply" ? (await forge.getPullRequest(request.pr)).fromFork : false;
  const posted = await forge.comment(request.pr, notYetComment(request.job, fork));
  log.info(`answered ${command} by ${author} on #${request.pr}: not available yet (${posted.url})`);
  return { unavailable: true, notes: [`${command} by ${author}: replied that it is not available yet (${posted.url})`] };
}

/** The answer to `/scrum review` or `/scrum apply` while they are not part of this version (the app says it too). */
export function notYetComment(job: "review" | "apply", fromFork: boolean): string {
  return [
    `prd-bot: \`/scrum ${job}\` is not available in this version yet, so nothing was reviewed or changed.`,
    "",
    job === "review"
      ? "Scrum review (line comments and a report against the PRD) comes in a later release."
      : "Scrum apply (tiny patches from high-confidence review findings) comes in a later release, after scrum review.",
    ...(fromFork ? ["", "Note: this pull request comes from a fork; prd-bot never pushes to forks, so apply would open a follow-up draft PR instead."] : []),
    "",
    "What works today: `[bot-eligible]` lines in the PRD become draft pull requests (on push, on a schedule, by dispatch, or from issues labelled `bot-eligible`).",
  ].join("\n");
}
