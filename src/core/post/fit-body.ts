// Comment bodies have a ceiling: GitHub refuses an issue or review comment over 65 536 characters ("Body is too
// long"), and Gitea stores what it gets but renders a huge comment badly. A body that is too long is cut at a
// line break, any code fence left open by the cut is closed (so the rest of the page does not render as
// code), and a note says that it was cut.

/** GitHub's limit for issue comments, review bodies and review comments (characters). */
export const COMMENT_BODY_MAX = 65_536;

const NOTE = "\n\n_(cut here: the full text is longer than the forge allows in one comment)_";

export function fitBody(body: string, max = COMMENT_BODY_MAX): string {
  if (body.length <= max) return body;
  const room = Math.max(0, max - NOTE.length - 8);
  let cut = body.slice(0, room);
  const lastBreak = cut.lastIndexOf("\n");
  if (lastBreak > room / 2) cut = cut.slice(0, lastBreak);
  // Never end in the middle of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const fence = openFence(cut);
  const closed = fence ? `${cut}\n${fence}` : cut;
  return `${closed}${NOTE}`.slice(0, max);
}

/** The fence (``` or ~~~ run) that is still open at the end of `text`, if any. */
export function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split("\n")) {
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!match) continue;
    const run = match[1] as string;
    if (open === undefined) open = run;
    else if (run[0] === open[0] && run.length >= open.length && line.trim() === run) open = undefined;
  }
  return open;
}
