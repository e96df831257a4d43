// What the audit job reads about one pull request (or a local base..head range), assembled by the wiring
// from git objects and the forge: never a checkout of the PR's code, never running it.
import type { AuditFile, AuditSkip, CiState, HeadTree } from "../../core/audit/audit-types.js";

export interface AuditSource {
  /** "acme/app#12" or "main..feature" in messages. */
  label: string;
  title: string;
  body: string;
  commits: string[];
  /** Login of the author ("" when unknown, e.g. the CLI). */
  author: string;
  /** The head branch name, when known: prd-bot's own PRs come from `prd-bot/<gap-id>`. */
  headBranch?: string;
  fromFork: boolean;
  headSha: string;
  files: AuditFile[];
  tree: HeadTree;
  ci: CiState;
  /** What the source could not read (e.g. files the forge sent without a patch). */
  skipped: AuditSkip[];
}
