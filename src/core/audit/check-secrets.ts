// secret: an added line holds a credential, or an added file is a credential file by its name. The one
// detector (core/secrets/detect-secrets.ts) decides; the issue names the kind and the place, never the text.
import { detectSecrets, secretPathReason } from "../secrets/detect-secrets.js";
import type { AuditFile, AuditIssue } from "./audit-types.js";
import { isTestPath } from "./code-files.js";
import { parsePatch } from "../diff/parse-patch.js";

export function checkSecrets(files: readonly AuditFile[]): (Omit<AuditIssue, "blocking"> & { blocking?: boolean })[] {
  const issues: (Omit<AuditIssue, "blocking"> & { blocking?: boolean })[] = [];
  for (const file of files) {
    if (file.status === "removed") continue;
    const byName = file.status === "added" ? secretPathReason(file.path) : undefined;
    // Keys under a test folder (tests/certs/…) are made for the tests almost always: said, but not blocking.
    const inTests = isTestPath(file.path) ? { blocking: false, note: " (in a test path: likely a fixture)" } : { note: "" };
    const { note, ...advice } = inTests;
    if (byName) issues.push({ kind: "secret", message: `adds ${file.path}, a credential file (${byName})${note}`, path: file.path, ...advice });
    const added = parsePatch(file.patch).added;
    if (added.length === 0) continue;
    const reported = new Set<number>();
    for (const finding of detectSecrets(added.map((l) => l.text).join("\n"), { path: file.path })) {
      const line = added[finding.line - 1]?.line;
      if (line === undefined || reported.has(line)) continue;
      reported.add(line);
      issues.push({ kind: "secret", message: `${finding.kind.replace(/_/g, " ")} added in ${file.path}:${line} (the value is not repeated here; revoke it and remove it from history)${note}`, path: file.path, line, ...advice });
    }
  }
  return issues;
}
