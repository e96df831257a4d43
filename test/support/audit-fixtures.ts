// Builders for the auditor's unit tests: a patch between two versions of a file (one hunk over the whole file,
// from a line LCS, as `git diff -U<big>` would print it) and a HeadTree over files in memory.
import type { AuditFile, HeadTree } from "../../src/core/audit/audit-types.js";

export function makePatch(before: string, after: string): string {
  const a = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const b = after === "" ? [] : after.replace(/\n$/, "").split("\n");
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, lcs[i]?.[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(` ${a[i++]}`);
      j++;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) out.push(`+${b[j++]}`);
    else out.push(`-${a[i++]}`);
  }
  return `@@ -${a.length === 0 ? 0 : 1},${a.length} +${b.length === 0 ? 0 : 1},${b.length} @@\n${out.join("\n")}`;
}

export interface FileChange {
  path: string;
  before?: string;
  after?: string;
  previousPath?: string;
}

/** The diff of `changes` and the tree at head: `unchanged` files plus every change's `after`. */
export function pullRequest(changes: FileChange[], unchanged: Record<string, string> = {}): { files: AuditFile[]; tree: HeadTree } {
  const head = new Map<string, string>(Object.entries(unchanged));
  const files: AuditFile[] = changes.map((change) => {
    if (change.after !== undefined) head.set(change.path, change.after);
    const status: AuditFile["status"] = change.before === undefined ? "added" : change.after === undefined ? "removed" : change.previousPath ? "renamed" : "modified";
    return { path: change.path, status, ...(change.previousPath ? { previousPath: change.previousPath } : {}), patch: makePatch(change.before ?? "", change.after ?? "") };
  });
  return { files, tree: memoryTree(head) };
}

export function memoryTree(files: Map<string, string> | Record<string, string>): HeadTree & { reads: number } {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  const tree = {
    reads: 0,
    files: [...map].map(([path, content]) => ({ path, bytes: Buffer.byteLength(content) })),
    async read(paths: readonly string[]) {
      tree.reads += paths.length;
      return new Map(paths.flatMap((p) => (map.has(p) ? [[p, map.get(p) as string] as const] : [])));
    },
  };
  return tree;
}
