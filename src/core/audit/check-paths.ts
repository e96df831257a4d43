// protected_path and deleted_file: what a pull request touches that prd-bot's own pull requests never may.
// For people, a protected path is advice by default (a person may well change CI on purpose).
import picomatch from "picomatch";
import type { AuditFile, AuditIssue } from "./audit-types.js";

export type Finding = Omit<AuditIssue, "blocking"> & { blocking?: boolean };

export function checkProtectedPaths(files: readonly AuditFile[], protectedGlobs: readonly string[]): Finding[] {
  if (protectedGlobs.length === 0) return [];
  const isProtected = picomatch([...protectedGlobs], { dot: true });
  const findings: Finding[] = [];
  for (const file of files) {
    const touched = [file.path, ...(file.previousPath && file.previousPath !== file.path ? [file.previousPath] : [])];
    const hit = touched.find((path) => isProtected(path));
    if (!hit) continue;
    const verb = file.status === "removed" ? "deletes" : file.status === "added" ? "adds" : file.status === "renamed" ? "renames" : "changes";
    findings.push({ kind: "protected_path", message: `${verb} the protected path ${hit} (paths.protected)`, path: hit });
  }
  return findings;
}

export function checkDeletedFiles(files: readonly AuditFile[]): Finding[] {
  return files
    .filter((file) => file.status === "removed")
    .map((file) => ({ kind: "deleted_file" as const, message: `deletes ${file.path}; prd-bot's pull requests never delete files`, path: file.path }));
}
