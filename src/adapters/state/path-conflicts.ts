// fast-import (like `update-index --index-info`) silently drops a file that becomes a directory
// or the reverse, which would delete records. The store checks the paths first and refuses.

/** The paths whose type on the tip matters for writing `paths`: each path and every parent directory. */
export function pathsToInspect(paths: Iterable<string>): string[] {
  const wanted = new Set<string>();
  for (const path of paths) {
    wanted.add(path);
    const segments = path.split("/");
    for (let end = 1; end < segments.length; end++) wanted.add(segments.slice(0, end).join("/"));
  }
  return [...wanted];
}

/**
 * Problems writing `paths` onto a tree whose entries have the given types ("blob", "tree";
 * absent = missing). Empty when every path can be written as a file without removing anything.
 */
export function findPathConflicts(paths: string[], types: Map<string, string>): string[] {
  const problems: string[] = [];
  const written = new Set(paths);
  for (const path of paths) {
    if (types.get(path) === "tree") problems.push(`${path} is a directory on the state branch`);
    const segments = path.split("/");
    for (let end = 1; end < segments.length; end++) {
      const parent = segments.slice(0, end).join("/");
      if (types.get(parent) === "blob") problems.push(`${parent} is a file on the state branch, so ${path} cannot be created under it`);
      if (written.has(parent)) problems.push(`${parent} and ${path} are both written in this transaction`);
    }
  }
  return problems;
}
