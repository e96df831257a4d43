// The Forge port on GitHub's REST API (github.com or GHES). Calls go through `octokit.request("METHOD
// /route")`, typed by @octokit/types, rather than `octokit.rest.*`: any Octokit works then, including
// Probot's context.octokit and @actions/github's getOctokit(), whatever rest-endpoint-methods major they carry.
import type { Octokit } from "@octokit/core";
import type { ComparedFile, Forge, ForgeCapabilities, GitRemote, Permission, PullRequest, RepoRef } from "../../../ports/forge.js";
import { ForgeError } from "../../../ports/forge.js";
import { collectPages } from "../collect-pages.js";
import type { ForgeLog, ForgeTiming } from "../forge-octokit.js";
import { createForgeOctokit } from "../forge-octokit.js";
import { gitRemoteFor, secretsOf } from "../git-remote.js";
import { isHttpError } from "../http-error.js";
import { toForgeError } from "../to-forge-error.js";
import type { GitHubPullLike } from "./github-pull.js";
import { labelNames, toComparedFile, toPullRequest } from "./github-pull.js";
import { GITHUB_API_URL, githubServerUrl } from "./github-server-url.js";
import { createStatusPoster } from "./github-status.js";
import { toGitHubReviewComment, toReviewComment } from "./github-review.js";
import { fitBody } from "../../../core/post/fit-body.js";

export interface GitHubForgeOptions {
  owner: string;
  repo: string;
  /** Needed for gitRemote(), and for the API unless `octokit` is given. Never logged. */
  token?: string;
  /** A ready client (Probot's context.octokit); used as is, with its own retries and throttling. */
  octokit?: Octokit;
  /** GITHUB_API_URL; default https://api.github.com. */
  baseUrl?: string;
  /** GITHUB_SERVER_URL, for clone URLs; default derived from baseUrl (api.github.com → github.com, …/api/v3 → …). */
  serverUrl?: string;
  /** Retries after a 5xx/timeout, and separately after a rate limit (default 3). */
  retries?: number;
  timing?: ForgeTiming;
  log?: ForgeLog;
  /** Post statuses as check runs where the token may (default true); see github-status.ts. */
  checkRuns?: boolean;
}

const PAGE = 100;

export function createGitHubForge(options: GitHubForgeOptions): Forge {
  if (!options.octokit && !options.token) {
    throw new ForgeError("createGitHubForge", "no token and no octokit client: pass the workflow's GITHUB_TOKEN (or an app installation token) as `token`");
  }
  const repo: RepoRef = { owner: options.owner, repo: options.repo };
  const baseUrl = (options.baseUrl ?? GITHUB_API_URL).replace(/\/+$/, "");
  const serverUrl = options.serverUrl ?? githubServerUrl(baseUrl);
  const retries = options.retries ?? 3;
  const octokit =
    options.octokit ?? createForgeOctokit({ forgeName: "GitHub", baseUrl, token: options.token, retries, timing: options.timing, log: options.log });
  const context = { kind: "github" as const, repo, apiUrl: baseUrl, retries, secrets: secretsOf(options.token) };
  const statuses = createStatusPoster({ octokit, repo, checkRuns: options.checkRuns ?? true, log: options.log });
  let defaultBranch: Promise<string> | undefined;
  let login: Promise<string | undefined> | undefined;

  async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toForgeError(operation, error, context);
    }
  }

  const listOpen = (operation: string, query: { head?: string }, enough?: (pulls: GitHubPullLike[]) => boolean) =>
    call(operation, () =>
      collectPages<GitHubPullLike>(
        async (page) => {
          const params = { ...repo, state: "open" as const, per_page: PAGE, page, ...(query.head ? { head: `${repo.owner}:${query.head}` } : {}) };
          const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/pulls", params);
          return { items: data, link: headers.link };
        },
        { pageSize: PAGE, enough },
      ),
    );

  const matches = (query: { titleContains?: string; label?: string }) => (pull: GitHubPullLike) =>
    (query.titleContains === undefined || pull.title.includes(query.titleContains)) && (query.label === undefined || labelNames(pull).includes(query.label));

  return {
    kind: "github",
    repo,
    // checkRuns turns false once GitHub refused one to this token (github-status.ts).
    get capabilities(): ForgeCapabilities {
      return { draftFlag: true, checkRuns: statuses.usesCheckRuns(), reactions: true, workflowDispatch: true, suggestions: true };
    },

    defaultBranch() {
      defaultBranch ??= call("defaultBranch", async () => (await octokit.request("GET /repos/{owner}/{repo}", { ...repo })).data.default_branch);
      defaultBranch.catch(() => (defaultBranch = undefined));
      return defaultBranch;
    },

    readFile(path, ref) {
      return call("readFile", async () => {
        try {
          // The raw media type answers with the file's bytes (up to 100 MB) instead of base64 JSON (1 MB).
          const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref, mediaType: { format: "raw" } });
          if (typeof data === "string") return data;
          throw new ForgeError("readFile", `${path} at ${ref} in ${repo.owner}/${repo.repo} is not a file (GitHub answered a directory listing or a link)`);
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return undefined;
          throw error;
        }
      });
    },

    compare(base, head) {
      return call("compare", async () => {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { ...repo, basehead: `${base}...${head}` });
        // GitHub lists at most 300 files here; PRs the bot deals with are far smaller.
        return (data.files ?? []).map(toComparedFile) satisfies ComparedFile[];
      });
    },

    gitRemote(): GitRemote {
      if (!options.token) {
        throw new ForgeError("gitRemote", "no token to push with: pass `token` (an installation or Actions token) next to the octokit client");
      }
      return gitRemoteFor(serverUrl, repo.owner, repo.repo, options.token);
    },

    async findOpenPullRequest(query) {
      const wanted = matches(query);
      const pulls = await listOpen("findOpenPullRequest", { head: query.head }, (all) => all.some(wanted));
      const found = pulls.find((pull) => wanted(pull) && (query.head === undefined || pull.head.ref === query.head));
      return found && toPullRequest(found);
    },

    async listOpenPullRequests(query) {
      return (await listOpen("listOpenPullRequests", {})).filter(matches(query)).map(toPullRequest);
    },

    getPullRequest(number) {
      return call("getPullRequest", async () => toPullRequest((await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: number })).data));
    },

    async openDraftPullRequest(input): Promise<PullRequest> {
      const { data } = await call("openDraftPullRequest", () =>
        octokit.request("POST /repos/{owner}/{repo}/pulls", { ...repo, head: input.head, base: input.base, title: input.title, body: input.body, draft: true }),
      );
      if (input.labels.length) {
        await call(`openDraftPullRequest (labels for #${data.number}, which is open)`, () =>
          octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...repo, issue_number: data.number, labels: input.labels }),
        );
      }
      return toPullRequest(data);
    },

    updatePullRequest(number, input) {
      return call("updatePullRequest", async () => {
        const { data } = await octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: number, ...input });
        return toPullRequest(data);
      });
    },

    comment(issueNumber, body) {
      return call("comment", async () => {
        const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issueNumber, body: fitBody(body) });
        return { id: Number(data.id), url: data.html_url };
      });
    },

    listComments(issueNumber) {
      return call("listComments", async () => {
        const comments = await collectPages(
          async (page) => {
            const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issueNumber, per_page: PAGE, page });
            return { items: data, link: headers.link };
          },
          { pageSize: PAGE, maxPages: 50 },
        );
        return comments.map((c) => ({ id: Number(c.id), body: c.body ?? "", author: c.user?.login ?? "", url: c.html_url }));
      });
    },

    listReviewComments(prNumber) {
      return call("listReviewComments", async () => {
        const comments = await collectPages(
          async (page) => {
            const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", { ...repo, pull_number: prNumber, per_page: PAGE, page });
            return { items: data, link: headers.link };
          },
          { pageSize: PAGE, maxPages: 50 },
        );
        return comments.map(toReviewComment);
      });
    },

    async editComment(commentId, body) {
      await call("editComment", () => octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: commentId, body: fitBody(body) }));
    },

    async react(commentId, reaction) {
      await call("react", () => octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", { ...repo, comment_id: commentId, content: reaction }));
    },

    async review(prNumber, input) {
      const comments = input.comments.map(toGitHubReviewComment);
      await call("review", () =>
        octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
          ...repo,
          pull_number: prNumber,
          commit_id: input.commitSha,
          body: fitBody(input.body),
          event: "COMMENT",
          ...(comments.length ? { comments } : {}),
        }),
      );
    },

    setStatus(status) {
      return call("setStatus", () => statuses.post(status));
    },

    async setCommitStatus(status) {
      await call("setStatus", () => statuses.commitStatus(status));
    },

    latestCommitStatus(sha, context) {
      // Newest first; the first of the context is its current state.
      return call("latestCommitStatus", async () => {
        const found = await collectPages(
          async (page) => {
            const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/statuses", { ...repo, ref: sha, per_page: PAGE, page });
            return { items: data, link: headers.link };
          },
          { pageSize: PAGE, maxPages: 10, enough: (all) => all.some((s) => s.context === context) },
        );
        const state = found.find((s) => s.context === context)?.state;
        return state === "pending" || state === "success" || state === "failure" || state === "error" ? state : undefined;
      });
    },

    botLogin() {
      // A personal token says who it is; an installation or Actions token gets 403 (it acts as "<app>[bot]").
      login ??= call("botLogin", async () => {
        try {
          return (await octokit.request("GET /user")).data.login;
        } catch (error) {
          if (isHttpError(error) && (error.status === 403 || error.status === 401)) return undefined;
          throw error;
        }
      });
      login.catch(() => (login = undefined));
      return login;
    },

    permission(user) {
      return call("permission", async (): Promise<Permission> => {
        try {
          const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...repo, username: user });
          // `permission` is the legacy level: maintain → write, triage → read already.
          return data.permission === "admin" || data.permission === "write" || data.permission === "read" ? data.permission : "none";
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return "none";
          throw error;
        }
      });
    },

    async dispatchWorkflow(workflow, ref, inputs) {
      await call("dispatchWorkflow", () =>
        octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
          ...repo,
          workflow_id: workflow,
          ref,
          ...(Object.keys(inputs).length ? { inputs } : {}),
        }),
      );
    },
  };
}
