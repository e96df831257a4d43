// missing_tests: code changed and no test did. Rust keeps unit tests beside the code, so a `#[test]` or
// `#[cfg(test)]` added to a .rs file counts as a test change.
import type { AuditFile, AuditIssue } from "./audit-types.js";
import { isCodePath, isTestPath } from "./code-files.js";
import { parsePatch } from "../diff/parse-patch.js";

const INLINE_TEST = /#\[(?:tokio::)?test\b|#\[cfg\(test\)\]|\bdef test_\w+|\bfunc Test\w+\(|\b(?:it|test|describe)\s*\(\s*["'`]/;

export function testsChanged(files: readonly AuditFile[]): boolean {
  return files.some((file) => (isTestPath(file.path) && file.status !== "removed") || parsePatch(file.patch).added.some((line) => INLINE_TEST.test(line.text)));
}

export function codeChanged(files: readonly AuditFile[]): AuditFile[] {
  return files.filter((file) => isCodePath(file.path) && !isTestPath(file.path) && file.status !== "removed");
}

export function checkMissingTests(files: readonly AuditFile[]): Omit<AuditIssue, "blocking">[] {
  const code = codeChanged(files);
  if (code.length === 0 || testsChanged(files)) return [];
  const first = code[0] as AuditFile;
  const names = code.slice(0, 3).map((f) => f.path).join(", ") + (code.length > 3 ? ` and ${code.length - 3} more` : "");
  return [{ kind: "missing_tests", message: `code changed (${names}) and no test changed`, path: first.path }];
}
