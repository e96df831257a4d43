// Which forge a run talks to, and the adapter for it. Gitea's runner sets GITEA_ACTIONS=true (Forgejo's
// also FORGEJO_ACTIONS=true) next to the same GITHUB_* variables GitHub's runner sets; GitHub sets
// GITHUB_API_URL (https://api.github.com, or https://ghes.example/api/v3).
import type { Octokit } from "@octokit/core";
import type { Forge, ForgeKind, RepoRef } from "../../ports/forge.js";
import { ForgeError } from "../../ports/forge.js";
import type { ForgeLog, ForgeTiming } from "./forge-octokit.js";
import { createGiteaForge } from "./gitea/create-gitea-forge.js";
import { createGitHubForge } from "./github/create-github-forge.js";
import { GITHUB_API_URL, githubServerUrl } from "./github/github-server-url.js";

export interface DetectedForge {
  kind: ForgeKind;
  /** REST API root: https://api.github.com, https://gitea.example/api/v1. */
  apiUrl: string;
  /** Web and git root: https://github.com, https://gitea.example. */
  serverUrl: string;
}

export function detectForge(env: Record<string, string | undefined>): DetectedForge {
  const gitea = env.GITEA_ACTIONS === "true" || env.FORGEJO_ACTIONS === "true";
  if (gitea) {
    const serverUrl = httpUrl("GITHUB_SERVER_URL", env.GITHUB_SERVER_URL, "Gitea's runner sets it to the instance's URL, e.g. https://gitea.example.com");
    if (!serverUrl) throw new ForgeError("detectForge", "GITEA_ACTIONS=true but GITHUB_SERVER_URL is not set: set it to the Gitea instance's URL, e.g. https://gitea.example.com");
    const apiUrl = httpUrl("GITHUB_API_URL", env.GITHUB_API_URL, "on Gitea it is <server>/api/v1") ?? `${serverUrl}/api/v1`;
    return { kind: "gitea", apiUrl, serverUrl };
  }
  const apiUrl = httpUrl("GITHUB_API_URL", env.GITHUB_API_URL, "e.g. https://api.github.com or https://ghes.example.com/api/v3") ?? GITHUB_API_URL;
  const serverUrl = httpUrl("GITHUB_SERVER_URL", env.GITHUB_SERVER_URL, "e.g. https://github.com") ?? githubServerUrl(apiUrl);
  return { kind: "github", apiUrl, serverUrl };
}

export interface CreateForgeOptions {
  repo: RepoRef;
  /** Needed for Gitea, and for GitHub unless `octokit` is given. Never logged. */
  token?: string;
  apiUrl?: string;
  serverUrl?: string;
  retries?: number;
  timing?: ForgeTiming;
  log?: ForgeLog;
  /** GitHub only: a ready client, e.g. Probot's context.octokit. */
  octokit?: Octokit;
  /** GitHub only: post statuses as check runs where the token may (default true). */
  checkRuns?: boolean;
  /** Gitea only: its version, when known, to skip reading GET /version. */
  serverVersion?: string;
}

export function createForge(kind: ForgeKind, options: CreateForgeOptions): Forge {
  const common = { owner: options.repo.owner, repo: options.repo.repo, retries: options.retries, timing: options.timing, log: options.log };
  if (kind === "github") {
    return createGitHubForge({ ...common, token: options.token, octokit: options.octokit, baseUrl: options.apiUrl, serverUrl: options.serverUrl, checkRuns: options.checkRuns });
  }
  if (kind === "gitea") {
    const baseUrl = options.serverUrl ?? options.apiUrl?.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
    if (!baseUrl) throw new ForgeError("createForge", "Gitea needs its server URL: pass serverUrl (GITHUB_SERVER_URL in Gitea Actions), e.g. https://gitea.example.com");
    if (!options.token) throw new ForgeError("createForge", "Gitea needs a token: pass the workflow's token (or an access token with write:repository and write:issue)");
    return createGiteaForge({ ...common, token: options.token, baseUrl, apiUrl: options.apiUrl, serverVersion: options.serverVersion });
  }
  throw new ForgeError("createForge", `unknown forge kind "${String(kind)}": use "github" or "gitea"`);
}

function httpUrl(name: string, value: string | undefined, example: string): string | undefined {
  const given = value?.trim();
  if (!given) return undefined;
  if (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol)) {
    throw new ForgeError("detectForge", `${name} is "${given}", which is not an http(s) URL (${example})`);
  }
  return given.replace(/\/+$/, "");
}
