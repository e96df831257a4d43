// The runner's environment, read once: which forge, which repository, where its API and the checkout are.
// GitHub and Gitea runners set the same GITHUB_* variables (Gitea adds GITEA_ACTIONS=true); detectForge
// tells them apart. Errors name the variable and what a runner would have put there.
import os from "node:os";
import { detectForge } from "../adapters/forge/create-forge.js";
import type { ForgeKind, RepoRef } from "../ports/forge.js";

export interface RunnerEnv {
  kind: ForgeKind;
  repo: RepoRef;
  /** REST base URL: https://api.github.com, or https://gitea.example/api/v1. */
  apiUrl: string;
  /** Web URL of the forge: https://github.com, https://gitea.example. */
  serverUrl: string;
  /** The checkout (GITHUB_WORKSPACE). */
  workspaceDir: string;
  /** Scratch space the runner cleans after the job (RUNNER_TEMP), or the OS temp dir. */
  tempDir: string;
}

export function readRunnerEnv(env: Record<string, string | undefined>, fallbackWorkspace: string): RunnerEnv {
  const full = env.GITHUB_REPOSITORY?.trim() ?? "";
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(full);
  if (!match) {
    throw new Error(`GITHUB_REPOSITORY is ${full ? `"${full}"` : "not set"}; the runner sets it to "owner/repo" for every job`);
  }
  const { kind, apiUrl, serverUrl } = detectForge(env);
  return {
    kind,
    repo: { owner: match[1] as string, repo: match[2] as string },
    apiUrl,
    serverUrl,
    workspaceDir: env.GITHUB_WORKSPACE?.trim() || fallbackWorkspace,
    tempDir: env.RUNNER_TEMP?.trim() || os.tmpdir(),
  };
}
