// Record paths are repository-relative file paths on the state branch ("cycles/abc.json").
// Anything else would write outside the tree git builds or into a name git refuses.

/** Throws a clear error when `path` is not a plain relative file path. Returns it unchanged. */
export function checkStatePath(path: string, what = "state path"): string {
  const problem = pathProblem(path);
  if (problem) {
    throw new Error(`Invalid ${what} ${JSON.stringify(path)}: ${problem}. Use a relative path such as "cycles/<id>.json".`);
  }
  return path;
}

function pathProblem(path: string): string | undefined {
  if (typeof path !== "string" || path.length === 0) return "it is empty";
  if (path.startsWith("/")) return "it is absolute";
  if (path.endsWith("/")) return "it names a directory, not a file";
  if (/[\0\n\r\\]/.test(path)) return "it contains a NUL, newline or backslash";
  for (const segment of path.split("/")) {
    if (segment === "") return "it contains an empty segment (//)";
    if (segment === "." || segment === "..") return "it contains . or .. segments";
    if (segment.toLowerCase() === ".git") return "it contains a .git segment";
  }
  return undefined;
}

/** "" or "cycles" or "cycles/" → the directory prefix used to list it ("" or "cycles/"). */
export function directoryPrefix(dir: string): string {
  const trimmed = dir.replace(/\/+$/, "");
  if (trimmed === "" || trimmed === ".") return "";
  checkStatePath(trimmed, "state directory");
  return `${trimmed}/`;
}

/** "prd-bot state: cycles/abc.json, budget/2026-11-21.json"; long lists are cut in the subject and kept in the body. */
export function stateCommitMessage(paths: string[], maxInSubject = 4): string {
  const sorted = [...paths].sort();
  const shown = sorted.slice(0, maxInSubject).join(", ");
  const more = sorted.length > maxInSubject ? ` and ${sorted.length - maxInSubject} more` : "";
  const subject = `prd-bot state: ${shown}${more}`;
  return sorted.length > maxInSubject ? `${subject}\n\n${sorted.map((path) => `- ${path}`).join("\n")}\n` : `${subject}\n`;
}
