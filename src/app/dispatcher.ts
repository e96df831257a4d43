// Where both forges' deliveries meet: decide what an event asks for, acknowledge at once, and carry the plan
// out afterwards on a bounded per-repository queue. The delivery is answered before any forge call because
// Probot (like @octokit/webhooks) answers only after its handlers resolve, and GitHub gives a delivery 10 s (Gitea 5 s);
// forge calls with retries can take longer than that, and a slow answer ties up the sender's connection.
import type { Logger } from "../jobs/logger.js";
import type { Forge } from "../ports/forge.js";
import { DEFAULT_CONFIG_PATH } from "../config/schema.js";
import type { AppEvent } from "./app-event.js";
import { decide, repoKey } from "./decide.js";
import { DEFAULT_WORKFLOW } from "./defaults.js";
import type { AppMode, JobRunner } from "./job-starter.js";
import { createJobStarter } from "./job-starter.js";
import { runPlan } from "./run-plan.js";
import type { ActionPlan } from "./run-plan.js";
import { createWorkQueue } from "./work-queue.js";

export interface Delivery {
  id: string;
  /** The event header, e.g. `pull_request`. */
  name: string;
  event: AppEvent;
  /** The repository's forge; called once, when the work starts (async where it needs a token first). */
  forge: () => Forge | Promise<Forge>;
}

export interface Receipt {
  /** The HTTP status to answer: 202 queued (or coalesced with a waiting one), 200 ignored, 400 invalid payload, 503 too busy or closing. */
  status: 200 | 202 | 400 | 503;
  result: "queued" | "coalesced" | "ignored" | "invalid" | "busy";
  reason: string;
}

export interface DispatcherOptions {
  log: Logger;
  /** `dispatch` (default): start the repository's workflow. `in-process`: run `runJob` here. */
  mode?: AppMode;
  /** The workflow file to dispatch (default `prd-bot.yml`). */
  workflow?: string;
  /** The repository's config file (default `.github/prd-bot.yml`). */
  configPath?: string;
  cycleLabel?: string;
  runJob?: JobRunner;
  /** Deliveries accepted but not yet handled, at most (default 10,000); beyond, 503. */
  maxPendingEvents?: number;
  /** Deliveries of one repository waiting, at most (default 100); beyond, 503. */
  maxPendingPerRepository?: number;
  /**
   * Deliveries handled at once over all repositories (always 1 per repository, in order). A function is asked
   * whenever one could start: the server lowers it while deliveries are arriving, so that answering them
   * comes first (default 4).
   */
  maxConcurrentEvents?: number | (() => number);
  /** In-process jobs waiting, at most (default 20); beyond, "busy, try later". */
  maxQueuedJobs?: number;
  /** In-process jobs running at once over all repositories (default 2; always 1 per repository). */
  maxConcurrentJobs?: number;
  /** Called when a delivery's work failed, so that a redelivery of it is accepted again. */
  onWorkFailed?: (deliveryId: string) => void;
}

export interface Dispatcher {
  accept(delivery: Delivery): Receipt;
  /** Resolves when every accepted delivery (and in-process job) is finished. */
  idle(): Promise<void>;
  /**
   * Stop: take nothing new, drop what waits, give what runs until `deadlineMs` to finish, and release (via
   * onWorkFailed) the delivery id of everything that did not finish, so a redelivery is accepted.
   * Resolves with the counts once finished or abandoned.
   */
  close(deadlineMs: number): Promise<{ dropped: number; abandoned: number }>;
  /** Start handling what may start now (after `maxConcurrentEvents` went up). */
  wake(): void;
  readonly pending: number;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { log } = options;
  const mode = options.mode ?? "dispatch";
  const workflow = options.workflow ?? DEFAULT_WORKFLOW;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const events = createWorkQueue({
    maxQueued: options.maxPendingEvents ?? 10_000,
    maxQueuedPerKey: options.maxPendingPerRepository ?? 100,
    maxConcurrent: options.maxConcurrentEvents ?? 4,
  });
  // Deliveries whose work has started and not finished: released if the app stops before they end.
  const inFlight = new Set<string>();
  const jobs =
    mode === "in-process"
      ? createWorkQueue({
          maxQueued: options.maxQueuedJobs ?? 20,
          maxConcurrent: options.maxConcurrentJobs ?? 2,
          onError: (error, key) => log.warn(`in-process job for ${key} failed: ${(error as Error).message ?? String(error)}`),
        })
      : undefined;
  if (mode === "in-process" && !options.runJob) throw new Error("PRD_BOT_MODE=in-process needs a job runner: pass runJob (createInProcessRunner from app/in-process-runner.ts, or your own)");
  const startJob = createJobStarter({ mode, workflow, log, runJob: options.runJob, jobQueue: jobs });

  const handle = async (delivery: Delivery, plan: ActionPlan) => {
    const label = `${plan.target.repo.owner}/${plan.target.repo.repo} ${delivery.name} [delivery ${delivery.id}]`;
    inFlight.add(delivery.id);
    try {
      const line = await runPlan(plan, { forge: await delivery.forge(), deliveryId: delivery.id, log, startJob, workflow, configPath });
      log.info(`${label}: ${line}`);
    } catch (error) {
      options.onWorkFailed?.(delivery.id);
      log.warn(`${label}: failed, nothing more will happen for this delivery: ${(error as Error).message ?? String(error)}. Once the cause is fixed, redeliver it from the ${plan.target.forge === "github" ? "GitHub App's Advanced settings" : "Gitea webhook's Recent Deliveries"}.`);
    } finally {
      inFlight.delete(delivery.id);
    }
  };

  const idle = async (): Promise<void> => {
    // Handling an event can queue a job, and a job can be queued while events drain: wait for both to settle.
    while (events.running + events.queued + (jobs ? jobs.running + jobs.queued : 0) > 0) {
      await events.idle();
      if (jobs) await jobs.idle();
    }
  };

  return {
    accept(delivery) {
      const plan = decide(delivery.event, { cycleLabel: options.cycleLabel });
      if (plan.type === "ignore") return { status: 200, result: "ignored", reason: plan.reason };
      if (plan.type === "invalid") {
        log.warn(`${delivery.name} [delivery ${delivery.id}]: ${plan.reason}`);
        return { status: 400, result: "invalid", reason: plan.reason };
      }
      const repo = `${plan.target.repo.owner}/${plan.target.repo.repo}`;
      const queued = events.push(repoKey(plan.target), () => handle(delivery, plan), { id: delivery.id, ...coalescing(plan) });
      if (!queued.accepted) {
        log.warn(`${delivery.name} [delivery ${delivery.id}] refused: ${queued.reason}`);
        return { status: 503, result: "busy", reason: queued.reason };
      }
      if (queued.coalesced === "dropped") {
        return { status: 202, result: "coalesced", reason: `the same ${plan.type} for ${repo} is already waiting; this delivery joins it` };
      }
      if (queued.coalesced === "replaced") {
        log.info(`${delivery.name} [delivery ${delivery.id}] replaces waiting delivery ${queued.replacedId ?? "?"}: only the newest ${plan.type} of a pull request runs`);
        return { status: 202, result: "coalesced", reason: `${plan.type} for ${repo}: replaces a waiting one for an older head` };
      }
      return { status: 202, result: "queued", reason: `${plan.type} for ${plan.target.repo.owner}/${plan.target.repo.repo}` };
    },
    idle,
    async close(deadlineMs) {
      const dropped = events.close();
      const droppedJobs = jobs ? jobs.close().length : 0;
      for (const id of dropped) options.onWorkFailed?.(id);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadlineMs))))]);
      clearTimeout(timer);
      const abandoned = [...inFlight];
      for (const id of abandoned) options.onWorkFailed?.(id);
      if (dropped.length + droppedJobs + abandoned.length > 0) {
        log.warn(`stopped: ${dropped.length} waiting deliveries dropped, ${droppedJobs} queued jobs dropped, ${abandoned.length} unfinished abandoned; their delivery ids are released, so a redelivery is accepted`);
      }
      return { dropped: dropped.length + droppedJobs, abandoned: abandoned.length };
    },
    wake: () => events.wake(),
    get pending() {
      return events.running + events.queued;
    },
  };
}

/**
 * Which waiting deliveries become one: the same /scrum command by the same person on the same PR (a repeat
 * while one waits adds nothing), and audits of a PR, where only the newest head matters.
 */
function coalescing(plan: ActionPlan): { coalesce?: string; keep?: "keep-first" | "keep-last" } {
  if (plan.type === "scrum") return { coalesce: `scrum#${plan.pr}:${plan.author}:${JSON.stringify(plan.command)}`, keep: "keep-first" };
  if (plan.type === "audit") return { coalesce: `audit#${plan.pr}`, keep: "keep-last" };
  return {};
}
