// Gitea 1.22's compare answer lists commits, each with the files it touched, but no net diff. Folding the
// commits oldest-first gives the files changed between base and head: added then removed is no change,
// removed then added is modified. A rename shows as its new path only (Gitea names no previous path), and no patches are sent.
import type { ComparedFile } from "../../../ports/forge.js";

interface CommitFiles {
  sha: string;
  parents?: { sha: string }[] | null;
  files?: { filename: string; status: string }[] | null;
}

type State = "added" | "modified" | "removed" | "gone";

export function foldCommitFiles(commits: CommitFiles[]): ComparedFile[] {
  const states = new Map<string, State>();
  for (const commit of oldestFirst(commits)) {
    for (const file of commit.files ?? []) {
      const before = states.get(file.filename);
      states.set(file.filename, next(before, file.status));
    }
  }
  return [...states].flatMap(([path, state]) => (state === "gone" ? [] : [{ path, status: state }]));
}

function next(before: State | undefined, status: string): State {
  if (status === "removed" || status === "deleted") return before === "added" || before === "gone" ? "gone" : "removed";
  // A file that did not exist at the base stays "added" whatever happens to it next, until it is removed.
  if (before === "added" || before === "gone") return "added";
  if (status === "added" || status === "renamed" || status === "copied") return before === undefined ? "added" : "modified";
  return "modified";
}

/** Gitea has listed compare commits newest-first in some versions; the parent links say which way round. */
function oldestFirst(commits: CommitFiles[]): CommitFiles[] {
  const [first, second] = commits;
  if (first && second && first.parents?.some((p) => p.sha === second.sha)) return [...commits].reverse();
  return commits;
}
