import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/config/config-error.ts
var ConfigError = class extends Error {
  name = "ConfigError";
  /** The file (or other source, such as "command-line flags") the problems come from. */
  file;
  problems;
  constructor(file, problems) {
    super(formatProblems(file, problems));
    this.file = file;
    this.problems = problems;
  }
};
function formatProblems(file, problems) {
  if (problems.length === 1) return `Invalid configuration in ${file}: ${formatOne(file, problems[0])}`;
  const lines = problems.map((p) => `  - ${formatOne(file, p)}`);
  return [`Invalid configuration in ${file} (${problems.length} problems):`, ...lines].join("\n");
}
function formatOne(file, p) {
  const where = p.line === void 0 ? "" : `${file}:${p.line}${p.column === void 0 ? "" : `:${p.column}`} `;
  const key = p.path === "" ? "" : `\`${p.path}\`: `;
  const hint = p.hint === void 0 ? "" : ` (${p.hint})`;
  return `${where}${key}${p.message}${hint}`;
}
function formatKeyPath(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const name = String(part);
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
      out += plain ? out === "" ? name : `.${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

export {
  ConfigError,
  formatKeyPath
};
