// Model-written text is data. Before it is posted it must not be able to ping people (@user, @org/team),
// create cross-references in other repositories (owner/repo#1), inject markup (raw HTML, including a fake
// prd-bot marker comment, <details>, <img> trackers), offer a committable ```suggestion nobody vetted, or leave
// a code fence open that swallows the rest of the page. Code spans and fenced blocks are kept as they are:
// neither forge notifies or renders HTML inside them, and code must stay copyable.
/**
 * `@` followed by a name is a mention on GitHub (users, orgs, org/team) and Gitea, unless it follows a
 * letter or digit (an e-mail address, `dev@example.com`) or a `/` (a URL path, `https://x.dev/@user`).
 */
const MENTION = /(^|[^A-Za-z0-9/])@(?=[A-Za-z0-9_])/g;
/** owner/repo#123 and owner/repo@sha cross-reference other repositories. */
const CROSS_REFERENCE = /\b([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(#|@)(?=[0-9a-f])/g;
const ZERO_WIDTH = "&#8203;";

export function sanitizeModelText(text: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence === undefined && marker) {
      fence = marker[1] as string;
      // A model may not offer a committable suggestion: that is prd-bot's to render (core/post/render-suggestion.ts).
      out.push(/^\s*suggestion\b/i.test(marker[2] ?? "") ? line.replace(/suggestion/i, "text") : line);
      continue;
    }
    if (fence !== undefined) {
      if (marker && (marker[1] as string)[0] === fence[0] && (marker[1] as string).length >= fence.length && (marker[2] ?? "").trim() === "") fence = undefined;
      out.push(line);
      continue;
    }
    out.push(outsideCode(line));
  }
  if (fence !== undefined) out.push(fence);
  return out.join("\n");
}

/** One line for a table cell or a list item: no line breaks, no `|` that would end the cell. */
export function sanitizeModelLine(text: string, max = 500): string {
  const flat = sanitizeModelText(text.replace(/\s*[\r\n]+\s*/g, " ")).replace(/\|/g, "\\|").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Inline code spans (matching backtick runs) are left alone; the text between them is neutralized. */
function outsideCode(line: string): string {
  let result = "";
  let rest = line;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) return result + neutralize(rest);
    const close = rest.indexOf(open[0], open.index + open[0].length);
    if (close < 0) return result + neutralize(rest);
    result += neutralize(rest.slice(0, open.index)) + rest.slice(open.index, close + open[0].length);
    rest = rest.slice(close + open[0].length);
  }
}

function neutralize(text: string): string {
  return (
    text
      // Raw HTML becomes text: no tags, no comments (a fake `<!-- prd-bot:… -->` marker), no entities that
      // spell one. `>` alone opens nothing, and keeps blockquotes working.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
      .replace(/</g, "&lt;")
      // Images load from wherever the model says: shown as links instead.
      .replace(/!\[([^\]]*)\]\(/g, "[$1](")
      .replace(MENTION, `$1@${ZERO_WIDTH}`)
      .replace(CROSS_REFERENCE, `$1${ZERO_WIDTH}$2`)
  );
}
