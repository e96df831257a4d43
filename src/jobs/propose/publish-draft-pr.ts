// The Publisher for a forge: push prd-bot/<gap-id> and open a draft PR labelled `prd-bot`.
// Nothing is left half-made: when the PR cannot be opened, the pushed branch is deleted again.
import { PR_MARKER } from "../../core/propose/render-pr-body.js";
import type { Gap } from "../../core/types.js";
import type { Forge } from "../../ports/forge.js";
import { PushRejectedError, type Workspace } from "../../ports/workspace.js";
import type { Publisher } from "./propose-cycle.js";

export const PR_LABEL = "prd-bot";

export interface DraftPrOptions {
  /** The branch PRs target (the repository's default branch). */
  base: string;
  /** policy.open_pr: false keeps green branches local (pr_skipped_by_policy). */
  openPr: boolean;
  /** Link to a cycle record (e.g. on the state branch). */
  recordUrl?: (cycleId: string) => string;
}

export function createDraftPrPublisher(forge: Forge, workspace: Workspace, options: DraftPrOptions): Publisher {
  const publisher: Publisher = {
    async findExisting(gap: Gap) {
      const branch = `prd-bot/${gap.id}`;
      const open = await forge.listOpenPullRequests({ label: PR_LABEL });
      const match = open.find((pr) => pr.head === branch || pr.body.includes(`${PR_MARKER}${gap.id} -->`));
      return match ? { url: match.url } : undefined;
    },

    async publish({ branch, title, body }) {
      if (!options.openPr) {
        return { ok: false, outcome: "pr_skipped_by_policy", reason: `policy.open_pr is false: ${branch} stays local` };
      }
      const remote = forge.gitRemote();
      try {
        await workspace.push(remote, branch);
      } catch (error) {
        const why = error instanceof PushRejectedError ? `${error.message}; delete the remote branch ${branch} or let its PR finish` : (error as Error).message;
        return { ok: false, outcome: "pr_failed", reason: why };
      }
      try {
        const pr = await forge.openDraftPullRequest({ head: branch, base: options.base, title, body, labels: [PR_LABEL] });
        return { ok: true, url: pr.url };
      } catch (error) {
        const cleanup = await workspace.deleteRemoteBranch(remote, branch).then(
          () => `the pushed branch ${branch} was deleted again`,
          (deleteError: Error) => `and deleting the pushed branch failed too: ${deleteError.message}`,
        );
        return { ok: false, outcome: "pr_failed", reason: `opening the draft PR failed: ${(error as Error).message}; ${cleanup}` };
      }
    },
  };
  if (options.recordUrl) publisher.recordUrl = options.recordUrl;
  return publisher;
}
