// The deterministic checks, run together over one pull request, with the blocking decision of each issue:
// the kind must be in `audit.blocking`, and the check itself must call it a blocker (a protected path blocks
// only prd-bot's own pull requests by default; a claim pattern may be advice only).
import type { AuditFile, AuditIssue, AuditKind, AuditSkip, AuditText, CiState, HeadTree } from "./audit-types.js";
import { checkClaims } from "./check-claims.js";
import { checkIncompleteRename, DEFAULT_RENAME_LIMITS, type RenameLimits } from "./check-incomplete-rename.js";
import { checkMissingTests } from "./check-missing-tests.js";
import { checkDeletedFiles, checkProtectedPaths, type Finding } from "./check-paths.js";
import { checkSecrets } from "./check-secrets.js";

export interface AuditSettings {
  /** Kinds that may block (config audit.blocking). */
  blocking: readonly AuditKind[];
  /** Whose changes to protected paths block: prd-bot's own PRs (default), everyone's, or nobody's. */
  protectedPathsBlock: "bot" | "everyone" | "nobody";
  requireTests: boolean;
  protectedGlobs: readonly string[];
  renameLimits?: RenameLimits;
}

export interface CheckInput {
  text: AuditText;
  files: readonly AuditFile[];
  tree: HeadTree;
  ci: CiState;
  /** The pull request was opened by prd-bot (its own draft PRs). */
  byBot: boolean;
  settings: AuditSettings;
}

export async function runChecks(input: CheckInput): Promise<{ issues: AuditIssue[]; skipped: AuditSkip[] }> {
  const { settings, files } = input;
  const kindBlocks = (kind: AuditKind) => settings.blocking.includes(kind) || (kind === "missing_tests" && settings.requireTests);
  const decide = (finding: Finding, extra = true): AuditIssue => ({ ...finding, blocking: kindBlocks(finding.kind) && (finding.blocking ?? true) && extra });

  const rename = await checkIncompleteRename(files, input.tree, settings.renameLimits ?? DEFAULT_RENAME_LIMITS);
  const protectedBlocks = settings.protectedPathsBlock === "everyone" || (settings.protectedPathsBlock === "bot" && input.byBot);
  const issues: AuditIssue[] = [
    ...checkSecrets(files).map((f) => decide(f)),
    ...rename.issues.map((f) => decide(f)),
    ...(input.byBot ? checkDeletedFiles(files).map((f) => decide(f)) : []),
    ...checkProtectedPaths(files, settings.protectedGlobs).map((f) => decide(f, protectedBlocks)),
    ...(await checkClaims({ text: input.text, files, tree: input.tree, ci: input.ci })).map((f) => decide(f)),
    ...checkMissingTests(files).map((f) => decide(f, settings.requireTests)),
  ];
  // Blocking issues first, each group in the order the checks ran (secrets before renames before claims).
  issues.sort((a, b) => Number(b.blocking) - Number(a.blocking));
  return { issues, skipped: rename.skipped };
}
