// The REST client both forge adapters use: @octokit/core with plugin-retry (5xx, timeouts, network failures)
// and plugin-throttling (rate limits), a per-request timeout, and bounded waits. Gitea speaks through it too
// (baseUrl <root>/api/v1, `Authorization: token …`), so a flaky or rate-limiting forge is handled in one place.
import { Octokit } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { ThrottlingOptions } from "@octokit/plugin-throttling";
import { VERSION } from "../../version.js";
import { isHttpError } from "./http-error.js";
import { createWritePacer } from "./write-pacer.js";

export interface ForgeLog {
  warn(message: string): void;
}

/** Waits, all injectable so tests run in milliseconds. Defaults are for real forges. */
export interface ForgeTiming {
  /** Backoff unit after a 5xx/timeout/network failure: waits 1×, 4×, 9×… this (default 1000 ms). */
  retryBaseMs?: number;
  /** Milliseconds per second of a rate limit's `retry-after` or reset time (default 1000; tests shrink it). */
  rateLimitMsPerSecond?: number;
  /** Longest rate-limit wait (in the forge's seconds) worth sitting out; longer fails at once (default 60). */
  maxRateLimitWaitSeconds?: number;
  /** Minimum gap between writes; default GitHub's advice as plugin-throttling applies it (1 s, 3 s for notifying writes). */
  writeIntervalMs?: number;
  /** Per-request timeout; a timed-out request counts as a failure and is retried (default 30 000 ms). */
  requestTimeoutMs?: number;
}

export interface ForgeClientOptions {
  /** "GitHub" or "Gitea", for log lines. */
  forgeName: string;
  baseUrl: string;
  token: string | undefined;
  /** Retries after a failure, and separately after a rate limit (default 3). */
  retries?: number;
  timing?: ForgeTiming;
  log?: ForgeLog;
}

// plugin-retry retries every status not listed here. Only 408 and 5xx are worth repeating as they are; 429
// belongs to plugin-throttling, which honours retry-after (retrying it in both plugins multiplies attempts).
const DO_NOT_RETRY = Array.from({ length: 100 }, (_, i) => 400 + i).filter((status) => status !== 408);

// plugin-throttling recognises a secondary limit only by GitHub's wording ("secondary rate limit"). A 429 means
// the same from anyone (RFC 6585: Gitea behind a proxy, a GitHub gateway), so it is labelled that way here,
// innermost, before the throttling plugin looks at it.
function tooManyRequestsIsARateLimit(octokit: Octokit): void {
  octokit.hook.error("request", (error: unknown) => {
    if (isHttpError(error) && error.status === 429 && !/\bsecondary rate\b/i.test(error.message)) {
      error.message = `secondary rate limit (HTTP 429 Too Many Requests): ${error.message}`;
    }
    throw error;
  });
}

const ForgeOctokit = Octokit.plugin(tooManyRequestsIsARateLimit, retry, throttling);

export function createForgeOctokit(options: ForgeClientOptions): Octokit {
  const retries = options.retries ?? 3;
  const timing = options.timing ?? {};
  const maxWait = timing.maxRateLimitWaitSeconds ?? 60;
  const timeoutMs = timing.requestTimeoutMs ?? 30_000;
  const warn = (message: string) => options.log?.warn(message);

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const where = `${request.method} ${pathOf(request.url)}`;
      if (retryCount >= retries) {
        warn(`${options.forgeName} ${kind} on ${where}: giving up after ${retryCount} ${retryCount === 1 ? "retry" : "retries"}`);
        return false;
      }
      if (retryAfter > maxWait) {
        warn(`${options.forgeName} ${kind} on ${where}: it lifts in ${retryAfter} s, longer than the ${maxWait} s prd-bot waits`);
        return false;
      }
      warn(`${options.forgeName} ${kind} on ${where}: retrying in ${retryAfter} s (${retryCount + 1}/${retries})`);
      return true;
    };

  const throttle: ThrottlingOptions = {
    id: `prd-bot ${options.baseUrl}`,
    retryAfterBaseValue: timing.rateLimitMsPerSecond ?? 1000,
    onRateLimit: onLimit("rate limit"),
    onSecondaryRateLimit: onLimit("secondary rate limit"),
  };
  if (timing.writeIntervalMs !== undefined) {
    // The option is typed as a Bottleneck.Group; the pacer implements the one method the plugin calls.
    const pacer = createWritePacer(timing.writeIntervalMs);
    Object.assign(throttle, { write: pacer, notifications: pacer });
  }

  return new ForgeOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: `prd-bot/${VERSION}`,
    log: { debug: () => undefined, info: () => undefined, warn, error: warn },
    retry: { retries, retryAfterBaseValue: timing.retryBaseMs ?? 1000, doNotRetry: DO_NOT_RETRY },
    throttle,
    request: { fetch: fetchWithTimeout(timeoutMs) },
  });
}

/** A timed-out fetch rejects with a TimeoutError, which @octokit/request turns into a retryable 500. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}
