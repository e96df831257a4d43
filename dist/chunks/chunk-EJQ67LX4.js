import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  parsePatch
} from "./chunk-NAZR2PN3.js";

// src/core/post/diff-lines.ts
function diffSides(patch) {
  const { right, left } = parsePatch(patch);
  return { right, left };
}
function diffLines(patch) {
  return new Set(diffSides(patch).right.keys());
}
function placeComment(sides, target) {
  const side = target.side ?? "RIGHT";
  const lines = side === "RIGHT" ? sides.right : sides.left;
  const hunk = lines.get(target.line);
  if (hunk === void 0) return { ok: false, reason: `line ${target.line} (${side === "RIGHT" ? "new" : "old"} side) is not part of the diff` };
  const start = target.startLine;
  if (start === void 0 || start >= target.line) return { ok: true, line: target.line, side, range: start === void 0 || start === target.line };
  for (let n = start; n < target.line; n++) {
    if (lines.get(n) !== hunk) return { ok: true, line: target.line, side, range: false };
  }
  return { ok: true, line: target.line, startLine: start, side, range: true };
}

// src/core/post/render-suggestion.ts
function renderSuggestion(code, options) {
  const body = code.replace(/\r\n/g, "\n").replace(/\n$/, "");
  const fence = fenceFor(body);
  if (options.committable) return `${fence}suggestion
${body}${body === "" ? "" : "\n"}${fence}`;
  const info = options.language && /^[\w+#.-]+$/.test(options.language) ? options.language : "";
  if (body === "") return "Suggested change: delete these lines.";
  return `Suggested change:

${fence}${info}
${body}
${fence}`;
}
function fenceFor(text) {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return "`".repeat(Math.max(3, longest + 1));
}
var LANGUAGES = {
  ts: "ts",
  tsx: "tsx",
  js: "js",
  jsx: "jsx",
  mjs: "js",
  cjs: "js",
  py: "python",
  rs: "rust",
  go: "go",
  java: "java",
  kt: "kotlin",
  rb: "ruby",
  php: "php",
  cs: "csharp",
  c: "c",
  h: "c",
  cpp: "cpp",
  hpp: "cpp",
  swift: "swift",
  sh: "bash",
  yml: "yaml",
  yaml: "yaml",
  json: "json",
  md: "markdown",
  sql: "sql",
  css: "css",
  html: "html",
  toml: "toml"
};
function languageOf(path) {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? LANGUAGES[ext] : void 0;
}

export {
  diffSides,
  diffLines,
  placeComment,
  renderSuggestion,
  languageOf
};
