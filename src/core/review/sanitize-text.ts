// TODO(H4 core/post/sanitize.ts): temporary until sanitizeModelText lands; then this file goes.
export function sanitizeModelText(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9_])/g, "$1@\u200b").replace(/</g, "&lt;");
}

export function sanitizeModelLine(text: string, max = 500): string {
  const flat = sanitizeModelText(text.replace(/\s*[\r\n]+\s*/g, " ")).replace(/\|/g, "\\|").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
