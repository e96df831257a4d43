import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/post/sanitize.ts
var MENTION = /(^|[^A-Za-z0-9/])@(?=[A-Za-z0-9_])/g;
var CROSS_REFERENCE = /\b([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(#|@)(?=[0-9a-f])/g;
var ZERO_WIDTH = "&#8203;";
function sanitizeModelText(text) {
  const out = [];
  let fence;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence === void 0 && marker) {
      fence = marker[1];
      out.push(/^\s*suggestion\b/i.test(marker[2] ?? "") ? line.replace(/suggestion/i, "text") : line);
      continue;
    }
    if (fence !== void 0) {
      if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length && (marker[2] ?? "").trim() === "") fence = void 0;
      out.push(line);
      continue;
    }
    out.push(outsideCode(line));
  }
  if (fence !== void 0) out.push(fence);
  return out.join("\n");
}
function sanitizeModelLine(text, max = 500) {
  const flat = sanitizeModelText(text.replace(/\s*[\r\n]+\s*/g, " ")).replace(/\|/g, "\\|").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}\u2026`;
}
function outsideCode(line) {
  let result = "";
  let rest = line;
  for (; ; ) {
    const open = /`+/.exec(rest);
    if (!open) return result + neutralize(rest);
    const close = rest.indexOf(open[0], open.index + open[0].length);
    if (close < 0) return result + neutralize(rest);
    result += neutralize(rest.slice(0, open.index)) + rest.slice(open.index, close + open[0].length);
    rest = rest.slice(close + open[0].length);
  }
}
function neutralize(text) {
  return text.replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;").replace(/</g, "&lt;").replace(/!\[([^\]]*)\]\(/g, "[$1](").replace(MENTION, `$1@${ZERO_WIDTH}`).replace(CROSS_REFERENCE, `$1${ZERO_WIDTH}$2`);
}

// src/jobs/shared/upsert-report.ts
function reportMarker(marker) {
  if (!/^[A-Za-z0-9:/._-]+$/.test(marker)) throw new Error(`report marker "${marker}" must be letters, digits and : / . _ -`);
  return `<!-- prd-bot:${marker} -->`;
}
function findReport(comments, marker, bot) {
  const line = reportMarker(marker);
  const ours = (author) => bot !== void 0 ? author.toLowerCase() === bot.toLowerCase() : author.endsWith("[bot]");
  return comments.find((comment) => comment.body.trimStart().startsWith(line) && ours(comment.author));
}
async function upsertReport(forge, issueNumber, marker, body, options = {}) {
  const line = reportMarker(marker);
  const text = `${line}
${body.startsWith(line) ? body.slice(line.length).replace(/^\n/, "") : body}`;
  const [comments, bot] = await Promise.all([forge.listComments(issueNumber), forge.botLogin()]);
  const existing = findReport(comments, marker, bot);
  if (existing) {
    if (existing.body !== text) await forge.editComment(existing.id, text);
    return { id: existing.id, url: existing.url, created: false };
  }
  if (options.onlyIfExists) return void 0;
  const posted = await forge.comment(issueNumber, text);
  return { id: posted.id, url: posted.url, created: true };
}

export {
  sanitizeModelText,
  sanitizeModelLine,
  upsertReport
};
