// Decides where a repository-relative path lands on disk, following every symlink that exists along it,
// and refuses anything that ends outside the checkout or inside git's own directory.
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import type { PathCheck } from "../../ports/workspace.js";

export interface InsideRoots {
  /** realpath of the checkout's top level. */
  root: string;
  /** realpaths that must never be written (the git dir, and the common dir of a worktree). */
  forbidden: string[];
}

export interface ResolveOptions {
  /** Reading may follow a symlink at the final position (its target is still checked); writing may not. */
  allowFinalSymlink?: boolean;
}

function refuse(p: string, why: string): PathCheck {
  return { ok: false, reason: `path "${p}" ${why}` };
}

function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function lstatOrUndefined(p: string) {
  try {
    return await lstat(p);
  } catch (error) {
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return undefined;
    throw error;
  }
}

export async function resolveInsideRoot(roots: InsideRoots, p: string, options: ResolveOptions = {}): Promise<PathCheck> {
  if (typeof p !== "string" || p.length === 0) return refuse(String(p), "is empty; give a path relative to the repository root");
  if (p.includes("\0")) return refuse(p, "contains a NUL byte");
  if (path.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) {
    return refuse(p, "is absolute; give a path relative to the repository root, like src/foo.ts");
  }
  // On POSIX a backslash is a legal file-name character, but in model output it is almost always a
  // Windows separator (`..\\x`); refusing it keeps the meaning unambiguous.
  if (p.includes("\\")) return refuse(p, "contains a backslash; use forward slashes");
  if (p.split("/").some((segment) => segment.toLowerCase() === ".git")) {
    return refuse(p, "points into a .git directory, which is never written");
  }
  const lexical = path.resolve(roots.root, p);
  if (lexical === roots.root) return refuse(p, "is the repository root itself, not a file");
  if (!isWithin(roots.root, lexical)) return refuse(p, "leaves the repository (.. goes above the root)");

  const final = await lstatOrUndefined(lexical);
  if (final?.isSymbolicLink() && !options.allowFinalSymlink) {
    return refuse(p, "is a symlink; writing through a symlink is never allowed");
  }

  // Find the deepest ancestor that exists, resolve it with realpath (this follows every symlink on the
  // way), then append the parts that do not exist yet: that is where a write would really land.
  let existing = lexical;
  const missing: string[] = [];
  let real: string | undefined;
  while (real === undefined) {
    try {
      real = await realpath(existing);
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOTDIR") return refuse(p, "goes through a file as if it were a folder");
      if (code !== "ENOENT") throw error;
      // A dangling symlink is "absent" to realpath but would still be followed by a write.
      if ((await lstatOrUndefined(existing))?.isSymbolicLink()) {
        return refuse(p, `goes through the dangling symlink ${path.relative(roots.root, existing)}`);
      }
      missing.unshift(path.basename(existing));
      const parent = path.dirname(existing);
      if (parent === existing) return refuse(p, "has no existing ancestor");
      existing = parent;
    }
  }
  const target = path.join(real, ...missing);
  if (!isWithin(roots.root, target) || target === roots.root) {
    return refuse(p, `resolves to ${target}, outside the repository (a symlink along the path leads out)`);
  }
  if (roots.forbidden.some((dir) => isWithin(dir, target))) {
    return refuse(p, "resolves into the git directory, which is never written");
  }
  return { ok: true, absolute: target };
}
