// GitHub deliveries, after the front door (receive-delivery.ts) has checked them, go through Probot: it makes
// the installation's octokit for the event and runs the app function (probot-app.ts), which hands a receipt
// back here by delivery id. Probot's own middleware is not used because it answers a bad signature with 400,
// and prd-bot answers it with 401 like the Gitea route.
import { Probot } from "probot";
import { createGitHubForge } from "../adapters/forge/github/create-github-forge.js";
import type { Forge, RepoRef } from "../ports/forge.js";
import type { AppOctokitOptions } from "./app-octokit.js";
import { createAppOctokit } from "./app-octokit.js";
import type { Dispatcher, Receipt } from "./dispatcher.js";
import type { GitHubOctokit } from "./probot-app.js";
import { createProbotApp } from "./probot-app.js";
import type { ParsedDelivery } from "./receive-delivery.js";

export interface GitHubAppOptions {
  appId: string | number;
  /** PEM text. Secret: never logged. */
  privateKey: string;
  /** WEBHOOK_SECRET; the front door checks it, Probot keeps it for its own `webhooks.verify`. */
  secret: string;
  /** REST API root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  baseUrl?: string;
  /** The client policy of installation clients (retries, rate limits, write pacing, timeouts). */
  octokit?: AppOctokitOptions;
  /** Probot's own log level (default warn); prd-bot's lines go to the app's Logger. */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** The fetch Probot's clients use, token requests included (a proxy, or a test's loopback bridge). */
  fetch?: typeof fetch;
  /**
   * In-process mode: the forge also gets the installation's token, so that jobs can clone and push over git
   * (`Forge.gitRemote()`); Probot's client alone only makes API calls. Default false.
   */
  gitToken?: boolean;
  /** Default: the GitHub adapter on the event's installation client. */
  githubForge?: (repo: RepoRef, octokit: GitHubOctokit, installationId: number | undefined) => Forge | Promise<Forge>;
}

export interface GitHubReceiver {
  probot: Probot;
  handle(delivery: ParsedDelivery): Promise<Receipt>;
}

export async function createGitHubReceiver(options: GitHubAppOptions, dispatcher: Dispatcher): Promise<GitHubReceiver> {
  const baseUrl = options.baseUrl ?? "https://api.github.com";
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.secret,
    baseUrl,
    logLevel: options.logLevel ?? "warn",
    Octokit: createAppOctokit(options.octokit),
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
  });
  const forgeOn = (repo: RepoRef, octokit: GitHubOctokit, token?: string) =>
    createGitHubForge({
      owner: repo.owner,
      repo: repo.repo,
      baseUrl,
      // Probot's client is an @octokit/core Octokit with more plugins; the adapter only calls `request`.
      octokit: octokit as unknown as Parameters<typeof createGitHubForge>[0]["octokit"],
      token,
      // Commit statuses, not check runs: a check run belongs to the app that created it, so the workflow
      // (another app, github-actions) could never complete the app's pending run; a status context can be.
      checkRuns: false,
    });
  const githubForge =
    options.githubForge ??
    (options.gitToken
      ? async (repo: RepoRef, octokit: GitHubOctokit, installationId: number | undefined) => forgeOn(repo, octokit, await gitToken(octokit, repo, installationId))
      : (repo: RepoRef, octokit: GitHubOctokit) => forgeOn(repo, octokit));
  const receipts = new Map<string, Receipt>();
  await probot.load(createProbotApp({ accept: (delivery) => dispatcher.accept(delivery), githubForge, onReceipt: (id, receipt) => receipts.set(id, receipt) }), {
    cwd: process.cwd(),
    addHandler: () => {
      throw new Error("the prd-bot app adds no HTTP handlers to Probot; server.ts routes requests");
    },
  });
  return {
    probot,
    async handle(delivery) {
      try {
        // The front door has verified the signature; `receive` runs the handlers without verifying again.
        await probot.receive({ id: delivery.id, name: delivery.name, payload: delivery.payload } as Parameters<Probot["receive"]>[0]);
        return receipts.get(delivery.id) ?? { status: 200, result: "ignored", reason: `no handler took ${delivery.name}` };
      } finally {
        receipts.delete(delivery.id);
      }
    },
  };
}

/**
 * A token for git (clone, push, the state branch), made for this job: an installation token limited to this
 * one repository and to its contents. It is asked for through Probot's client, whose auth hook signs the
 * request with the app's JWT and sends it to the configured API (GitHub Enterprise Server included); the
 * client's own `auth()` would ask api.github.com whatever the base URL. Secret: the forge adapter redacts it.
 */
async function gitToken(octokit: GitHubOctokit, repo: RepoRef, installationId: number | undefined): Promise<string> {
  if (installationId === undefined) {
    throw new Error(`the event for ${repo.owner}/${repo.repo} names no installation, so there is no token to clone and push with: check that the GitHub App is installed on the repository`);
  }
  const { data } = await octokit.request("POST /app/installations/{installation_id}/access_tokens", {
    installation_id: installationId,
    repositories: [repo.repo],
    permissions: { contents: "write" },
  });
  return data.token;
}
