// The answer to `/scrum review` and `/scrum apply` while a job is not part of this version (forge-jobs.ts
// gives it, for people with write access only: commands from others are never acted on, not even answered,
// so that the bot cannot be used to spam a pull request).

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
