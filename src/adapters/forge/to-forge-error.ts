// Turns whatever a forge call threw into a ForgeError that says what failed, with the HTTP status, and how to
// fix it (token, permissions, repository name, API URL). The one place that knows these hints, so both
// adapters say the same thing. Secrets given in `secrets` never survive into a message.
import type { ForgeKind, RepoRef } from "../../ports/forge.js";
import { ForgeError } from "../../ports/forge.js";
import type { HttpError } from "./http-error.js";
import { forgeMessage, isHttpError, isRateLimited } from "./http-error.js";
import { redactSecrets } from "../../core/redact-secrets.js";

export interface ErrorContext {
  kind: ForgeKind;
  repo: RepoRef;
  apiUrl: string;
  retries: number;
  /** Texts to blank out of every message (the token, auth headers). */
  secrets: string[];
}

// What each operation needs: GitHub token permissions (workflow `permissions:` / GitHub App) and Gitea scopes.
const NEEDS: Record<string, { github: string; gitea: string }> = {
  defaultBranch: { github: "metadata: read", gitea: "read:repository" },
  readFile: { github: "contents: read", gitea: "read:repository" },
  compare: { github: "contents: read", gitea: "read:repository" },
  findOpenPullRequest: { github: "pull-requests: read", gitea: "read:repository" },
  listOpenPullRequests: { github: "pull-requests: read", gitea: "read:repository" },
  getPullRequest: { github: "pull-requests: read", gitea: "read:repository" },
  openDraftPullRequest: { github: "pull-requests: write (and issues: write for labels)", gitea: "write:repository and write:issue" },
  updatePullRequest: { github: "pull-requests: write", gitea: "write:repository" },
  comment: { github: "issues: write or pull-requests: write", gitea: "write:issue" },
  listComments: { github: "issues: read or pull-requests: read", gitea: "read:issue" },
  listReviewComments: { github: "pull-requests: read", gitea: "read:repository" },
  editComment: { github: "issues: write or pull-requests: write", gitea: "write:issue" },
  react: { github: "issues: write or pull-requests: write", gitea: "write:issue" },
  review: { github: "pull-requests: write", gitea: "write:repository" },
  botLogin: { github: "none (GET /user)", gitea: "read:user" },
  latestCommitStatus: { github: "statuses: read", gitea: "read:repository" },
  setStatus: { github: "statuses: write (checks: write for check runs)", gitea: "write:repository" },
  permission: { github: "metadata: read", gitea: "read:repository, and repository admin rights to ask about other users" },
  dispatchWorkflow: { github: "actions: write", gitea: "write:repository" },
};

export function toForgeError(operation: string, error: unknown, context: ErrorContext): ForgeError {
  if (error instanceof ForgeError) return error;
  const redact = redactor(context.secrets);
  const name = context.kind === "github" ? "GitHub" : "Gitea";
  const repo = `${context.repo.owner}/${context.repo.repo}`;
  if (!isHttpError(error)) {
    return new ForgeError(operation, redact(`${name} call for ${repo} failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const said = forgeMessage(error);
  // octokit reports a failed connection (refused, DNS, timeout) as a 500 without a response.
  const text = unreachable(error)
    ? `${name} call for ${repo} failed: ${said}. ${hint(operation, error, context, name, repo)}`
    : `${name} answered ${error.status} for ${repo}: ${said}. ${hint(operation, error, context, name, repo)}`;
  return new ForgeError(operation, redact(text), error.status);
}

function hint(operation: string, error: HttpError, context: ErrorContext, name: string, repo: string): string {
  const needs = NEEDS[operation.split(" ")[0] ?? operation]?.[context.kind];
  const tried = context.retries === 1 ? "1 retry" : `${context.retries} retries`;
  if (isRateLimited(error)) {
    const reset = Number(error.response?.headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.` : "";
    return `${name} rate-limited the token (prd-bot waits for short limits, up to ${tried}).${when} Run again later, space out runs, or use a token with a higher limit (a GitHub App).`;
  }
  if (unreachable(error)) {
    const variable = context.kind === "github" ? "GITHUB_API_URL" : "the Gitea server URL (GITHUB_SERVER_URL in Gitea Actions)";
    return `Could not reach ${context.apiUrl} (tried with ${tried}). Check ${variable} and the network.`;
  }
  switch (error.status) {
    case 401:
      return context.kind === "github"
        ? "The token was refused: check that it is set (the workflow's GITHUB_TOKEN or the action's token input) and not expired or revoked."
        : "The token was refused: check that it is set and not expired or deleted (Gitea: Settings → Applications → Access tokens).";
    case 403:
      return `The token may not do this${needs ? `: it needs ${needs}` : ""}. ${
        context.kind === "github"
          ? 'Grant it in the workflow\'s "permissions:" block or the GitHub App\'s settings.'
          : `Give the token those scopes and its user write access to ${repo}.`
      }`;
    case 404:
      return `${repo}, or what the call names in it, was not found or is not visible to the token: check the repository name (owner/repo), the number or ref, and that the token can see the repository${needs ? ` (${needs})` : ""}.`;
    case 409:
    case 422:
      return `${name} refused the request as it stands; its message above says why.`;
    default:
      return error.status >= 500 ? `${name} kept failing (tried with ${tried}); try again later or check ${context.apiUrl}.` : "";
  }
}

function unreachable(error: HttpError): boolean {
  return error.status === 500 && !error.response;
}

function redactor(secrets: string[]): (text: string) => string {
  return (text) => redactSecrets(text, secrets);
}
