// The one error type for bad configuration: the config file, CLI flags / Action inputs, and the
// model environment. Callers branch on `instanceof ConfigError` to exit with the usage code (2)
// instead of crashing, and show `message` as is: it already names the file, key and fix.

/** One thing wrong with the configuration. */
export interface ConfigProblem {
  /** Dotted key path (`policy.max_files`, `paths.protected[2]`); "" for the whole document. */
  path: string;
  /** 1-based position in the file, when the problem points at a place in it. */
  line?: number;
  column?: number;
  /** What is wrong, including what was expected and what was found. */
  message: string;
  /** How to fix it, when there is something better to say than the message. */
  hint?: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** The file (or other source, such as "command-line flags") the problems come from. */
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(formatProblems(file, problems));
    this.file = file;
    this.problems = problems;
  }
}

function formatProblems(file: string, problems: readonly ConfigProblem[]): string {
  if (problems.length === 1) return `Invalid configuration in ${file}: ${formatOne(file, problems[0]!)}`;
  const lines = problems.map((p) => `  - ${formatOne(file, p)}`);
  return [`Invalid configuration in ${file} (${problems.length} problems):`, ...lines].join("\n");
}

function formatOne(file: string, p: ConfigProblem): string {
  const where = p.line === undefined ? "" : `${file}:${p.line}${p.column === undefined ? "" : `:${p.column}`} `;
  const key = p.path === "" ? "" : `\`${p.path}\`: `;
  const hint = p.hint === undefined ? "" : ` (${p.hint})`;
  return `${where}${key}${p.message}${hint}`;
}

/** `["policy", "max_files"]` → `policy.max_files`; `["paths", "protected", 2]` → `paths.protected[2]`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const name = String(part);
      // Keys that are not plain identifiers (provider names with dots, keys with spaces) are quoted.
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
      out += plain ? (out === "" ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}
