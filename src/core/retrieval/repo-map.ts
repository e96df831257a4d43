// The repository map: what exists beyond the files the prompt shows. Directories with their file
// counts, folded below two levels; the file names of the folders that hold the best-ranked files; and
// short outlines of the best-ranked files not shown. Filled in that order until its token share is spent.
import { countTokens } from "../tokens.js";

export interface MapInput {
  paths: readonly string[];
  /** Best-ranked files first, with an outline for those the prompt does not show. */
  relevant: readonly { path: string; outline?: string }[];
  maxTokens: number;
}

export interface RepoMap {
  text: string;
  tokens: number;
}

const OUTLINE_LINES = 8;

export function repoMap(input: MapInput): RepoMap {
  if (input.maxTokens <= 0 || input.paths.length === 0) return { text: "", tokens: 0 };
  const lines: string[] = [];
  let used = 0;
  const push = (line: string): boolean => {
    const cost = countTokens(line) + 1;
    if (used + cost > input.maxTokens) return false;
    lines.push(line);
    used += cost;
    return true;
  };

  // 1. Folders, two levels deep, with how many files each holds (deeper folders folded into them).
  const counts = new Map<string, number>();
  for (const path of input.paths) {
    const parts = path.split("/");
    const folder = parts.length > 1 ? parts.slice(0, Math.min(2, parts.length - 1)).join("/") : ".";
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const folders = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const shown = folders.slice(0, 60);
  push(`${input.paths.length} files. Folders (files, deeper folders included):`);
  push(shown.map(([folder, count]) => `${folder}/ ${count}`).join(", ") + (folders.length > shown.length ? `, … ${folders.length - shown.length} more` : ""));

  // 2. The names in the folders of the best-ranked files.
  const done = new Set<string>();
  for (const { path } of input.relevant.slice(0, 4)) {
    const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    if (done.has(folder)) continue;
    done.add(folder);
    const names = input.paths.filter((p) => (folder ? p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes("/") : !p.includes("/")));
    const listed = names.slice(0, 40).map((p) => p.slice(p.lastIndexOf("/") + 1));
    if (!push(`${folder || "."}/: ${listed.join(", ")}${names.length > listed.length ? `, … ${names.length - listed.length} more` : ""}`)) break;
  }

  // 3. Outlines of the best-ranked files the prompt does not show.
  for (const { path, outline } of input.relevant) {
    if (!outline) continue;
    const head = outline.split("\n").slice(0, OUTLINE_LINES);
    if (!push(`${path}:\n${head.map((line) => `  ${line}`).join("\n")}`)) break;
  }
  return { text: lines.join("\n"), tokens: used };
}
