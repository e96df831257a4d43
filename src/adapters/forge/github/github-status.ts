// setStatus on GitHub. A check run (named by `context`) has room for `details` as its output; only GitHub App
// tokens may create one (GITHUB_TOKEN in Actions is one; a personal token gets 403 "You must authenticate via
// a GitHub App"). So: check runs first, and after a 403 that is not a rate limit, commit statuses for the rest
// of this forge's life, with one warning. A pending run is updated in place when the result arrives.
// Annotations go with the run, 50 per request (GitHub's limit; later requests append to the run's list).
import type { Octokit } from "@octokit/core";
import type { CommitStatus, PostedStatus, RepoRef, StatusAnnotation } from "../../../ports/forge.js";
import type { ForgeLog } from "../forge-octokit.js";
import { forgeMessage, isHttpError, isRateLimited } from "../http-error.js";

// GitHub's limits: a status description is cut at 140 characters, check-run output text at 65 535.
const STATUS_DESCRIPTION_MAX = 140;
const CHECK_OUTPUT_MAX = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;
// Beyond this many the rest are left out (the summary still lists every issue): 20 requests is enough noise.
const ANNOTATIONS_MAX = 1000;

export interface StatusPosterOptions {
  octokit: Octokit;
  repo: RepoRef;
  checkRuns: boolean;
  log: ForgeLog | undefined;
}

export interface StatusPoster {
  post(status: CommitStatus): Promise<PostedStatus>;
  commitStatus(status: CommitStatus): Promise<void>;
  usesCheckRuns(): boolean;
}

export function createStatusPoster(options: StatusPosterOptions): StatusPoster {
  const { octokit, repo } = options;
  let checkRuns = options.checkRuns;
  const runIds = new Map<string, number>();

  async function checkRun(status: CommitStatus): Promise<PostedStatus> {
    const key = `${status.sha} ${status.context}`;
    const completed = status.state !== "pending";
    const output = { title: truncate(status.description, 255), summary: truncate(status.details ?? status.description, CHECK_OUTPUT_MAX) };
    const batches = annotationBatches(status.annotations ?? []);
    const fields = {
      ...repo,
      name: status.context,
      ...(completed ? { status: "completed" as const, conclusion: status.state === "success" ? ("success" as const) : ("failure" as const) } : { status: "in_progress" as const }),
      ...(status.targetUrl ? { details_url: status.targetUrl } : {}),
      output: { ...output, ...(batches[0] ? { annotations: batches[0] } : {}) },
    };
    let id = runIds.get(key);
    let url: string | undefined;
    if (id !== undefined) {
      try {
        url = (await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...fields, check_run_id: id })).data.html_url ?? undefined;
      } catch (error) {
        if (!isHttpError(error) || error.status !== 404) throw error;
        // The run is gone (re-run, deleted): start a new one below.
        id = undefined;
      }
    }
    if (id === undefined) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", { ...fields, head_sha: status.sha });
      id = Number(data.id);
      url = data.html_url ?? undefined;
    }
    for (const batch of batches.slice(1)) {
      await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...repo, check_run_id: id, output: { ...output, annotations: batch } });
    }
    if (completed) runIds.delete(key);
    else runIds.set(key, id);
    return { as: "check-run", ...(url ? { url } : {}) };
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
    commitStatus,
    async post(status) {
      if (checkRuns) {
        try {
          return await checkRun(status);
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
      return { as: "commit-status" };
    },
  };
}

interface GitHubAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  message: string;
}

function annotationBatches(annotations: StatusAnnotation[]): GitHubAnnotation[][] {
  const mapped = annotations.slice(0, ANNOTATIONS_MAX).map((a) => ({
    path: a.path,
    start_line: Math.max(1, a.line),
    end_line: Math.max(1, a.line),
    annotation_level: a.level,
    // GitHub caps an annotation's message at 64 KB; a line's worth is what reads well.
    message: truncate(a.message, 4000),
  }));
  const batches: GitHubAnnotation[][] = [];
  for (let i = 0; i < mapped.length; i += ANNOTATIONS_PER_REQUEST) batches.push(mapped.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
