// setStatus on GitHub. A check run (named by `context`) has room for `details` as its output; only GitHub App
// tokens may create one (GITHUB_TOKEN in Actions is one; a personal token gets 403 "You must authenticate via
// a GitHub App"). So: check runs first, and after a 403 that is not a rate limit, commit statuses for the rest
// of this forge's life, with one warning. A pending run is updated in place when the result arrives.
import type { Octokit } from "@octokit/core";
import type { CommitStatus, RepoRef } from "../../../ports/forge.js";
import type { ForgeLog } from "../forge-octokit.js";
import { forgeMessage, isHttpError, isRateLimited } from "../http-error.js";

// GitHub's limits: a status description is cut at 140 characters, check-run output text at 65 535.
const STATUS_DESCRIPTION_MAX = 140;
const CHECK_OUTPUT_MAX = 65_535;

export interface StatusPosterOptions {
  octokit: Octokit;
  repo: RepoRef;
  checkRuns: boolean;
  log: ForgeLog | undefined;
}

export function createStatusPoster(options: StatusPosterOptions): { post(status: CommitStatus): Promise<void>; usesCheckRuns(): boolean } {
  const { octokit, repo } = options;
  let checkRuns = options.checkRuns;
  const runIds = new Map<string, number>();

  async function checkRun(status: CommitStatus): Promise<void> {
    const key = `${status.sha} ${status.context}`;
    const completed = status.state !== "pending";
    const fields = {
      ...repo,
      name: status.context,
      ...(completed ? { status: "completed" as const, conclusion: status.state === "success" ? ("success" as const) : ("failure" as const) } : { status: "in_progress" as const }),
      ...(status.targetUrl ? { details_url: status.targetUrl } : {}),
      output: { title: truncate(status.description, 255), summary: truncate(status.details ?? status.description, CHECK_OUTPUT_MAX) },
    };
    const id = runIds.get(key);
    if (id !== undefined) {
      try {
        await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...fields, check_run_id: id });
        return;
      } catch (error) {
        if (!isHttpError(error) || error.status !== 404) throw error;
        // The run is gone (re-run, deleted): start a new one below.
      }
    }
    const { data } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", { ...fields, head_sha: status.sha });
    if (completed) runIds.delete(key);
    else runIds.set(key, Number(data.id));
  }

  async function commitStatus(status: CommitStatus): Promise<void> {
    await octokit.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      ...repo,
      sha: status.sha,
      state: status.state,
      context: status.context,
      description: truncate(status.description, STATUS_DESCRIPTION_MAX),
      ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    });
  }

  return {
    usesCheckRuns: () => checkRuns,
    async post(status) {
      if (checkRuns) {
        try {
          await checkRun(status);
          return;
        } catch (error) {
          if (!isHttpError(error) || error.status !== 403 || isRateLimited(error)) throw error;
          checkRuns = false;
          options.log?.warn(
            `GitHub refused to create a check run (403: ${forgeMessage(error)}); posting commit statuses instead. ` +
              'Check runs need a GitHub App token, e.g. the workflow\'s GITHUB_TOKEN with "checks: write".',
          );
        }
      }
      await commitStatus(status);
    },
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
