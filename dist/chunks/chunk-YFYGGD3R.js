import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/events/scrum-command.ts
var MAX_FILE_GLOBS = 20;
var MAX_GLOB_LENGTH = 200;
function parseScrumCommand(body) {
  let fence;
  for (const raw of body.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (marker) {
      const run = marker[1];
      if (fence === void 0) fence = run;
      else if (run[0] === fence[0] && run.length >= fence.length) fence = void 0;
      continue;
    }
    if (fence !== void 0) continue;
    const line = raw.trim();
    const match = /^\/scrum(?=\s|$)\s*(.*)$/i.exec(line);
    if (!match) continue;
    return interpret((match[1] ?? "").trim(), line.slice(0, 120));
  }
  return void 0;
}
function interpret(rest, text) {
  const [word = ""] = rest.split(/\s+/);
  const sub = word.toLowerCase();
  if (sub === "" || sub === "review") return { kind: "review", text };
  if (sub === "apply") return { kind: "apply", text };
  if (sub === "help") return { kind: "help", text };
  if (sub === "files") {
    const parsed = parseFileGlobs(rest.slice(word.length));
    if (!parsed.ok) return { kind: "help", text, problem: parsed.problem };
    return { kind: "review", files: parsed.globs, text };
  }
  return { kind: "help", text, problem: `\`/scrum ${word.slice(0, 40)}\` is not a command` };
}
function parseFileGlobs(text) {
  const globs = [];
  const token = /"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+)/g;
  for (const match of text.matchAll(token)) {
    const glob = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim().replace(/^\.\//, "");
    if (glob === "") continue;
    if (glob.length > MAX_GLOB_LENGTH) return { ok: false, problem: `a glob is longer than ${MAX_GLOB_LENGTH} characters` };
    if (glob.startsWith("/") || /^[A-Za-z]:[\\/]/.test(glob) || glob.split(/[\\/]/).includes("..")) {
      return { ok: false, problem: `\`${glob.slice(0, 60)}\` is not a path inside the repository (use paths like \`src/**/*.ts\`)` };
    }
    globs.push(glob);
  }
  if (globs.length === 0) return { ok: false, problem: "`/scrum files` needs at least one glob, e.g. `/scrum files src/**/*.ts`" };
  if (globs.length > MAX_FILE_GLOBS) return { ok: false, problem: `\`/scrum files\` takes at most ${MAX_FILE_GLOBS} globs` };
  return { ok: true, globs };
}
function scrumHelp(options = {}) {
  const label = options.label ?? "prd-bot:review";
  return [
    ...options.problem ? [`prd-bot: ${options.problem}.`, ""] : [],
    "prd-bot commands (comment on a pull request; they run for people with write access):",
    "",
    "| command | what it does |",
    "| --- | --- |",
    "| `/scrum` or `/scrum review` | review the changed files against the PRD: line comments and one report, edited in place |",
    "| `/scrum files <glob>\u2026` | review only the changed files that match, e.g. `/scrum files src/**/*.ts docs/api.md` |",
    "| `/scrum apply` | turn the review's high-confidence findings into tiny checked commits (or suggestions on forks) |",
    "| `/scrum help` | this list |",
    "",
    `Adding the label \`${label}\` to a pull request asks for a review too.`
  ].join("\n");
}

export {
  parseScrumCommand,
  parseFileGlobs,
  scrumHelp
};
