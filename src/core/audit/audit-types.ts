// The auditor's data: what it reads about a pull request (AuditInput) and what it finds (AuditIssue).
// Pure values, so every check is a plain function from an input to issues.

export const AUDIT_KINDS = [
  "incomplete_rename",
  "protected_path",
  "deleted_file",
  "secret",
  "missing_tests",
  "claim_contradicted",
  "claim_not_backed",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditIssue {
  kind: AuditKind;
  blocking: boolean;
  /** Names the thing (identifier, path, claim); never a secret's text. */
  message: string;
  path?: string;
  line?: number;
}

/** One changed file of the diff. `patch` holds the hunks (from the first `@@`); absent for binary or unread files. */
export interface AuditFile {
  path: string;
  status: "added" | "modified" | "removed" | "renamed";
  previousPath?: string;
  patch?: string;
}

/** A file of the tree at head, read lazily: the auditor searches only files that may matter. */
export interface HeadTree {
  /** Every regular file at head, with its size in bytes. */
  files: readonly { path: string; bytes: number }[];
  /** Contents of `paths` at head (missing, binary or unreadable files are left out). */
  read(paths: readonly string[]): Promise<Map<string, string>>;
}

/** What a CI system said about the head commit, when the forge could tell. */
export type CiState = "success" | "failure" | "pending" | "none" | "unknown";

export interface AuditText {
  title: string;
  body: string;
  /** Commit messages of the PR's commits (as far as they could be read). */
  commits: string[];
}

/** Something the auditor did not read, said in the status so that silence is never a clean bill. */
export interface AuditSkip {
  what: string;
  reason: string;
}
