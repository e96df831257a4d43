// Starting a job: in dispatch mode, a workflow_dispatch of the repository's prd-bot workflow (the work runs
// on the repository's own runners, with its own secrets); in-process mode (self-hosted), a bounded queue in
// front of an injected runner, one job per repository at a time. A refusal the person can act on (no workflow,
// an old Gitea, a full queue) is returned as data; anything else is thrown for the dispatcher to log.
import type { Logger } from "../jobs/logger.js";
import type { Forge, RepoRef } from "../ports/forge.js";
import { UnsupportedError } from "../ports/forge.js";
import type { JobRequest, Target } from "./decide.js";
import { repoKey, workflowInputs } from "./decide.js";
import type { StartFailure } from "./messages.js";
import type { WorkQueue } from "./work-queue.js";

export type AppMode = "dispatch" | "in-process";

/** What an in-process runner receives: the job, and the forge of its repository. */
export interface RunnableJob extends JobRequest {
  repo: RepoRef;
  forge: Forge;
  deliveryId: string;
  log: Logger;
}

export type JobRunner = (job: RunnableJob) => Promise<void>;

export type JobStart = { started: true; detail: string } | { started: false; failure: StartFailure };

export type StartJob = (job: JobRequest, target: Target, forge: Forge, deliveryId: string) => Promise<JobStart>;

export interface JobStarterOptions {
  mode: AppMode;
  workflow: string;
  log: Logger;
  /** In-process mode: the runner and the queue in front of it. */
  runJob?: JobRunner;
  jobQueue?: WorkQueue;
}

export function createJobStarter(options: JobStarterOptions): StartJob {
  if (options.mode === "in-process") {
    const { runJob, jobQueue } = options;
    if (!runJob || !jobQueue) throw new Error("in-process mode needs a job runner and a job queue");
    return async (job, target, forge, deliveryId) => {
      const queued = jobQueue.push(repoKey(target), () => runJob({ ...job, repo: target.repo, forge, deliveryId, log: options.log }));
      if (!queued.accepted) return { started: false, failure: { kind: "busy", detail: queued.reason } };
      return { started: true, detail: queued.waiting === 0 ? "running in-process" : `queued in-process (${queued.waiting} waiting)` };
    };
  }
  return async (job, target, forge) => {
    if (!forge.capabilities.workflowDispatch) {
      return { started: false, failure: { kind: "unsupported", detail: "the forge has no workflow dispatch API" } };
    }
    const branch = target.defaultBranch ?? (await forge.defaultBranch());
    try {
      await forge.dispatchWorkflow(options.workflow, branch, workflowInputs(job));
    } catch (error) {
      if (error instanceof UnsupportedError) return { started: false, failure: { kind: "unsupported", detail: error.message } };
      const status = (error as { status?: unknown }).status;
      if (status === 404) return { started: false, failure: { kind: "missing-workflow", detail: `the dispatch on ${branch} answered 404 Not Found` } };
      if (status === 422) return { started: false, failure: { kind: "rejected", detail: (error as Error).message } };
      throw error;
    }
    return { started: true, detail: `dispatched ${options.workflow} on ${branch}` };
  };
}
