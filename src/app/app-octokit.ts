// The octokit class Probot builds each event's installation client from: Probot's own (throttling, retry,
// pagination) with prd-bot's policy, the same as the forge adapters' client (src/adapters/forge/forge-octokit.ts):
// 5xx, timeouts and network failures are retried with backoff, other 4xx are answers; a rate limit is sat out
// only when it lifts soon; every request has a timeout. Writes are paced per installation (GitHub's advice
// against secondary limits) rather than across the whole app, which Probot's shared default id would do.
import { ProbotOctokit } from "probot";
import type { ForgeTiming } from "../adapters/forge/forge-octokit.js";
import { createWritePacer } from "../adapters/forge/write-pacer.js";

export interface AppOctokitOptions extends ForgeTiming {
  /** Retries after a failure, and separately after a rate limit (default 3). */
  retries?: number;
  warn?: (message: string) => void;
}

type Options = Record<string, unknown>;

// 408 and 5xx are worth repeating as they are; a 429 belongs to the throttling plugin, which honours retry-after.
const DO_NOT_RETRY = Array.from({ length: 100 }, (_, i) => 400 + i).filter((status) => status !== 408);

export function createAppOctokit(options: AppOctokitOptions = {}): typeof ProbotOctokit {
  const retries = options.retries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const warn = options.warn ?? (() => undefined);
  const pacer = options.writeIntervalMs !== undefined ? createWritePacer(options.writeIntervalMs) : undefined;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const where = `${request.method} ${request.url.split("?")[0]}`;
      if (retryCount >= retries || retryAfter > maxWait) {
        warn(`GitHub ${kind} on ${where}: not waiting (lifts in ${retryAfter} s; prd-bot waits up to ${maxWait} s, ${retries} times)`);
        return false;
      }
      warn(`GitHub ${kind} on ${where}: retrying in ${retryAfter} s (${retryCount + 1}/${retries})`);
      return true;
    };

  // A function default runs after Probot's own defaults, so these settings win over its throttle handlers.
  return ProbotOctokit.defaults((instance: Options) => {
    const installationId = (instance.auth as { installationId?: unknown } | undefined)?.installationId;
    const request = (instance.request as Options | undefined) ?? {};
    return {
      ...instance,
      retry: { retries, retryAfterBaseValue: options.retryBaseMs ?? 1000, doNotRetry: DO_NOT_RETRY },
      throttle: {
        ...(instance.throttle as Options | undefined),
        id: installationId === undefined ? "prd-bot-app" : `installation-${String(installationId)}`,
        retryAfterBaseValue: options.rateLimitMsPerSecond ?? 1000,
        onRateLimit: onLimit("rate limit"),
        onSecondaryRateLimit: onLimit("secondary rate limit"),
        ...(pacer ? { write: pacer, notifications: pacer } : {}),
      },
      request: { ...request, fetch: request.fetch ?? fetchWithTimeout(timeoutMs) },
    };
  }) as typeof ProbotOctokit;
}

function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
