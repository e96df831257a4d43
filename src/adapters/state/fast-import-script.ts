// Builds the `git fast-import` input that writes a whole state commit (blobs, trees, commit) in
// one process: fewer processes between fetch and push means a shorter compare-and-swap window.
// Format: https://git-scm.com/docs/git-fast-import

export interface FastImportCommit {
  /** Scratch ref fast-import must update; the store deletes it after pushing. */
  ref: string;
  /** Parent commit, or undefined for the orphan root commit of a new branch. */
  parent: string | undefined;
  author: { name: string; email: string };
  /** Seconds since the epoch (UTC). */
  time: number;
  message: string;
  files: Map<string, string>;
}

export function fastImportScript(commit: FastImportCommit): string {
  const identity = `${commit.author.name} <${commit.author.email}> ${commit.time} +0000`;
  const lines = [
    `commit ${commit.ref}`,
    "mark :1",
    `author ${identity}`,
    `committer ${identity}`,
    data(commit.message),
    ...(commit.parent === undefined ? [] : [`from ${commit.parent}`]),
  ];
  for (const [path, content] of commit.files) {
    lines.push(`M 100644 inline ${quotePath(path)}`, data(content));
  }
  // get-mark prints the new commit's id on stdout; `done` proves the input was not cut short.
  lines.push("get-mark :1", "done", "");
  return lines.join("\n");
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text, "utf8")}\n${text}`;
}

/** C-style quoting, which fast-import accepts for any path (spaces, quotes, non-ASCII). */
function quotePath(path: string): string {
  return `"${path.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
