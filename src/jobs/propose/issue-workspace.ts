// A Workspace that reads the PRD with an issue's gap appended (see core/issue-gap.ts) and is the real
// checkout in every other way: the tree stays clean, the PRD on disk is never written, and the gap goes
// through the same parser, policy and PR path as any PRD line.
import { findGaps } from "../../core/gaps/gaps.js";
import { withIssueGap } from "../../core/gaps/issue-gap.js";
import type { IssueGapSource } from "../../core/events/route-event.js";
import type { Gap } from "../../core/types.js";
import type { Workspace } from "../../ports/workspace.js";

export async function issueWorkspace(workspace: Workspace, issue: IssueGapSource, prdPath: string, tag: string): Promise<{ workspace: Workspace; gap: Gap }> {
  const overlay = withIssueGap(await workspace.readFile(prdPath), issue, tag);
  const gap = findGaps(overlay.text, { tag }).find((g) => g.line === overlay.line);
  if (!gap) {
    // Only Markdown in the issue that escapes one line (it is collapsed first) could get here.
    throw new Error(`issue #${issue.number} could not be read as a gap: its title or body makes the ${tag} item unreadable as Markdown; simplify them and label it again`);
  }
  const readFile = async (path: string) => (normalize(path) === normalize(prdPath) ? overlay.text : workspace.readFile(path));
  const wrapped = new Proxy(workspace, {
    get(target, property, receiver) {
      if (property === "readFile") return readFile;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { workspace: wrapped, gap };
}

function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+/g, "/");
}
