// One report comment per pull request and purpose, edited in place on every run. It is found by a hidden
// marker on its first line (`<!-- prd-bot:<marker> -->`), which renders as nothing on both forges; model text
// cannot forge one, because core/post/sanitize.ts escapes every `<` in it. A person can write the marker
// into a comment of their own, so only prd-bot's own comments count: by the token's login where the forge
// says it (Gitea, personal tokens), else by a `[bot]` author (GitHub App and Actions tokens); otherwise
// the report would land in a comment its author could later rewrite. Runs of one job on one PR are
// serialized (the workflow's concurrency group, the app's per-repository queue), so "find, else create"
// does not race with itself.
import type { Forge, IssueComment } from "../../ports/forge.js";

export interface UpsertedReport {
  id: number;
  url: string;
  created: boolean;
}

export function reportMarker(marker: string): string {
  if (!/^[A-Za-z0-9:/._-]+$/.test(marker)) throw new Error(`report marker "${marker}" must be letters, digits and : / . _ -`);
  return `<!-- prd-bot:${marker} -->`;
}

/** prd-bot's report comment carrying `marker`, if one exists (the oldest). */
export function findReport(comments: IssueComment[], marker: string, bot: string | undefined): IssueComment | undefined {
  const line = reportMarker(marker);
  const ours = (author: string) => (bot !== undefined ? author.toLowerCase() === bot.toLowerCase() : author.endsWith("[bot]"));
  return comments.find((comment) => comment.body.trimStart().startsWith(line) && ours(comment.author));
}

export async function upsertReport(forge: Forge, issueNumber: number, marker: string, body: string, options: { onlyIfExists?: boolean } = {}): Promise<UpsertedReport | undefined> {
  const line = reportMarker(marker);
  const text = `${line}\n${body.startsWith(line) ? body.slice(line.length).replace(/^\n/, "") : body}`;
  const [comments, bot] = await Promise.all([forge.listComments(issueNumber), forge.botLogin()]);
  const existing = findReport(comments, marker, bot);
  if (existing) {
    if (existing.body !== text) await forge.editComment(existing.id, text);
    return { id: existing.id, url: existing.url, created: false };
  }
  if (options.onlyIfExists) return undefined;
  const posted = await forge.comment(issueNumber, text);
  return { id: posted.id, url: posted.url, created: true };
}
