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
  /** Default: the GitHub adapter on the event's installation client. */
  githubForge?: (repo: RepoRef, octokit: GitHubOctokit) => Forge;
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
  const githubForge =
    options.githubForge ??
    ((repo: RepoRef, octokit: GitHubOctokit) =>
      createGitHubForge({
        owner: repo.owner,
        repo: repo.repo,
        baseUrl,
        // Probot's client is an @octokit/core Octokit with more plugins; the adapter only calls `request`.
        octokit: octokit as unknown as Parameters<typeof createGitHubForge>[0]["octokit"],
        // Commit statuses, not check runs: a check run belongs to the app that created it, so the workflow
        // (another app, github-actions) could never complete the app's pending run; a status context can be.
        checkRuns: false,
      }));
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
