// The Forge port on Gitea's REST API v1 (1.22+). It shares the Octokit request layer with the GitHub adapter
// (forge-octokit.ts: retries, rate-limit waits, timeouts) with baseUrl <root>/api/v1; routes are passed as
// plain strings so GitHub's generated types do not claim Gitea's answers, which are parsed in gitea-answers.ts.
import type { Octokit } from "@octokit/core";
import type { CommitStatus, Forge, ForgeCapabilities, GitRemote, Permission, PullRequest, RepoRef } from "../../../ports/forge.js";
import { ForgeError, UnsupportedError } from "../../../ports/forge.js";
import { collectPages } from "../collect-pages.js";
import type { ForgeLog, ForgeTiming } from "../forge-octokit.js";
import { createForgeOctokit } from "../forge-octokit.js";
import { gitRemoteFor, secretsOf } from "../git-remote.js";
import { isHttpError } from "../http-error.js";
import { toForgeError } from "../to-forge-error.js";
import { foldCommitFiles } from "./fold-commit-files.js";
import type { GiteaPull } from "./gitea-answers.js";
import { userAnswer, commentAnswer, listedCommentAnswer, reviewAnswer, statusAnswer, reviewCommentAnswer, compareAnswer, contentsAnswer, parseAnswer, permissionAnswer, pullAnswer, repositoryAnswer, versionAnswer } from "./gitea-answers.js";
import { createLabelIds } from "./gitea-labels.js";
import { isWorkInProgress, toPullRequest, withWorkInProgress } from "./gitea-pull.js";
import { DISPATCH_SINCE, supportsWorkflowDispatch } from "./gitea-version.js";
import { toGiteaReviewComment } from "./gitea-review.js";
import { fitBody } from "../../../core/post/fit-body.js";

export interface GiteaForgeOptions {
  owner: string;
  repo: string;
  /** API and git token. Never logged. */
  token: string;
  /** The server root, e.g. https://gitea.example.com (the API is <baseUrl>/api/v1). */
  baseUrl: string;
  /** The API root when it is not <baseUrl>/api/v1 (GITHUB_API_URL in Gitea Actions). */
  apiUrl?: string;
  /** Retries after a 5xx/timeout, and separately after a 429 (default 3). */
  retries?: number;
  /** Gitea's version when known (e.g. "1.24.2"); otherwise read once from GET /version when needed. */
  serverVersion?: string;
  timing?: ForgeTiming;
  log?: ForgeLog;
}

const PAGE = 50; // Gitea's default MAX_RESPONSE_ITEMS
// Gitea keeps a status description as text, but shows it on one line: keep details short.
const STATUS_DESCRIPTION_MAX = 1000;

export function createGiteaForge(options: GiteaForgeOptions): Forge {
  if (!options.token) throw new ForgeError("createGiteaForge", "no token: pass a Gitea access token (scopes write:repository, write:issue) as `token`");
  if (!options.baseUrl) throw new ForgeError("createGiteaForge", "no baseUrl: pass the Gitea server's root URL, e.g. https://gitea.example.com (GITHUB_SERVER_URL in Gitea Actions)");
  const repo: RepoRef = { owner: options.owner, repo: options.repo };
  const serverUrl = options.baseUrl.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
  const apiUrl = (options.apiUrl ?? `${serverUrl}/api/v1`).replace(/\/+$/, "");
  const retries = options.retries ?? 3;
  // Gitea has no secondary rate limits, so writes are not paced unless the caller asks.
  const timing = { writeIntervalMs: 0, ...options.timing };
  const octokit: Octokit = createForgeOctokit({ forgeName: "Gitea", baseUrl: apiUrl, token: options.token, retries, timing, log: options.log });
  const context = { kind: "gitea" as const, repo, apiUrl, retries, secrets: secretsOf(options.token) };
  const labels = createLabelIds(octokit, repo, apiUrl, "openDraftPullRequest");
  const path = (route: string) => `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}${route}`;
  // File paths and "base...head" keep their slashes: Gitea routes them with a wildcard.
  const segments = (text: string) => text.split("/").map(encodeURIComponent).join("/");
  let defaultBranch: Promise<string> | undefined;
  let login: Promise<string | undefined> | undefined;
  let version: Promise<string> | undefined = options.serverVersion ? Promise.resolve(options.serverVersion) : undefined;
  let dispatchKnown: boolean | undefined = options.serverVersion ? supportsWorkflowDispatch(options.serverVersion) : undefined;

  async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toForgeError(operation, error, context);
    }
  }

  const request = async (route: string, params: Record<string, unknown> = {}) => (await octokit.request(route, params)) as { data: unknown; headers: { link?: string } };
  const pull = (data: unknown, operation: string) => toPullRequest(parseAnswer(pullAnswer, data, operation, "a pull request", apiUrl));

  const listOpen = (operation: string, labelId: number | undefined, enough?: (pulls: GiteaPull[]) => boolean) =>
    collectPages<GiteaPull>(
      async (page) => {
        const { data, headers } = await request(`GET ${path("/pulls")}`, { state: "open", page, limit: PAGE, ...(labelId !== undefined ? { labels: labelId } : {}) });
        return { items: parseAnswer(pullAnswer.array(), data, operation, "the pull request list", apiUrl), link: headers.link };
      },
      { pageSize: PAGE, enough },
    );

  async function openPulls(operation: string, query: { head?: string; titleContains?: string; label?: string }, firstOnly: boolean): Promise<PullRequest[]> {
    let labelId: number | undefined;
    if (query.label !== undefined) {
      labelId = await labels.find(query.label);
      // No such label, so no pull request carries it.
      if (labelId === undefined) return [];
    }
    const wanted = (p: PullRequest) => (query.head === undefined || (p.head === query.head && !p.fromFork)) && (query.titleContains === undefined || p.title.includes(query.titleContains));
    const pulls = await listOpen(operation, labelId, firstOnly ? (all) => all.some((p) => wanted(toPullRequest(p))) : undefined);
    return pulls.map(toPullRequest).filter(wanted);
  }

  async function postStatus(status: CommitStatus): Promise<void> {
    // No check runs on Gitea: the details go into the description, cut to what its status list can show
    // (annotations have nowhere to go; jobs/shared/post-status.ts puts them in a details comment).
    const text = status.details ? `${status.description}\n\n${status.details}` : status.description;
    const description = text.length <= STATUS_DESCRIPTION_MAX ? text : `${text.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`;
    await call("setStatus", () =>
      request(`POST ${path(`/statuses/${encodeURIComponent(status.sha)}`)}`, { state: status.state, context: status.context, description, ...(status.targetUrl ? { target_url: status.targetUrl } : {}) }),
    );
  }

  async function readVersion(): Promise<string> {
    version ??= request("GET /version").then(({ data }) => parseAnswer(versionAnswer, data, "dispatchWorkflow", "its version", apiUrl).version);
    version.catch(() => (version = undefined));
    const value = await version;
    dispatchKnown = supportsWorkflowDispatch(value);
    return value;
  }

  return {
    kind: "gitea",
    repo,
    // workflowDispatch is assumed until the server's version says otherwise (serverVersion or GET /version).
    get capabilities(): ForgeCapabilities {
      return { draftFlag: false, checkRuns: false, reactions: true, workflowDispatch: dispatchKnown ?? true, suggestions: false };
    },

    defaultBranch() {
      defaultBranch ??= call("defaultBranch", async () => parseAnswer(repositoryAnswer, (await request(`GET ${path("")}`)).data, "defaultBranch", "the repository", apiUrl).default_branch);
      defaultBranch.catch(() => (defaultBranch = undefined));
      return defaultBranch;
    },

    readFile(file, ref) {
      return call("readFile", async () => {
        let data: unknown;
        try {
          // contents (base64 in JSON) rather than raw: octokit would parse a raw .json file served as JSON.
          data = (await request(`GET ${path(`/contents/${segments(file)}`)}`, { ref })).data;
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return undefined;
          throw error;
        }
        if (Array.isArray(data)) throw new ForgeError("readFile", `${file} at ${ref} in ${repo.owner}/${repo.repo} is a directory, not a file`);
        const contents = parseAnswer(contentsAnswer, data, "readFile", "the file's contents", apiUrl);
        if (contents.type !== "file") throw new ForgeError("readFile", `${file} at ${ref} in ${repo.owner}/${repo.repo} is a ${contents.type}, not a file`);
        return Buffer.from(contents.content ?? "", contents.encoding === "base64" ? "base64" : "utf8").toString("utf8");
      });
    },

    compare(base, head) {
      return call("compare", async () => {
        const { data } = await request(`GET ${path(`/compare/${segments(`${base}...${head}`)}`)}`);
        return foldCommitFiles(parseAnswer(compareAnswer, data, "compare", "the comparison", apiUrl).commits ?? []);
      });
    },

    gitRemote(): GitRemote {
      return gitRemoteFor(serverUrl, repo.owner, repo.repo, options.token);
    },

    async findOpenPullRequest(query) {
      return (await call("findOpenPullRequest", () => openPulls("findOpenPullRequest", query, true)))[0];
    },

    listOpenPullRequests(query) {
      return call("listOpenPullRequests", () => openPulls("listOpenPullRequests", query, false));
    },

    getPullRequest(number) {
      return call("getPullRequest", async () => pull((await request(`GET ${path(`/pulls/${number}`)}`)).data, "getPullRequest"));
    },

    openDraftPullRequest(input) {
      return call("openDraftPullRequest", async () => {
        const ids = await labels.ensure(input.labels);
        const title = withWorkInProgress(input.title);
        const { data } = await request(`POST ${path("/pulls")}`, { head: input.head, base: input.base, title, body: input.body, ...(ids.length ? { labels: ids } : {}) });
        return pull(data, "openDraftPullRequest");
      });
    },

    updatePullRequest(number, input) {
      return call("updatePullRequest", async () => {
        let title = input.title;
        if (title !== undefined && !isWorkInProgress(title)) {
          // A new title must not take a draft out of draft by losing its prefix.
          const current = pull((await request(`GET ${path(`/pulls/${number}`)}`)).data, "updatePullRequest");
          if (current.draft) title = withWorkInProgress(title);
        }
        const { data } = await request(`PATCH ${path(`/pulls/${number}`)}`, { ...(title !== undefined ? { title } : {}), ...(input.body !== undefined ? { body: input.body } : {}) });
        return pull(data, "updatePullRequest");
      });
    },

    comment(issueNumber, body) {
      return call("comment", async () => {
        const data = parseAnswer(commentAnswer, (await request(`POST ${path(`/issues/${issueNumber}/comments`)}`, { body: fitBody(body) })).data, "comment", "the new comment", apiUrl);
        return { id: data.id, url: data.html_url };
      });
    },

    listComments(issueNumber) {
      // Gitea 1.22 lists an issue's comments in one answer (the route has no page or limit).
      return call("listComments", async () => {
        const data = parseAnswer(listedCommentAnswer.array(), (await request(`GET ${path(`/issues/${issueNumber}/comments`)}`)).data, "listComments", "the comment list", apiUrl);
        return data.map((c) => ({ id: c.id, body: c.body ?? "", author: c.user?.login ?? "", url: c.html_url ?? "" }));
      });
    },

    listReviewComments(prNumber) {
      // Gitea keeps line comments under their reviews: list the reviews (paged), then each one's comments.
      return call("listReviewComments", async () => {
        const reviews = await collectPages(
          async (page) => {
            const { data, headers } = await request(`GET ${path(`/pulls/${prNumber}/reviews`)}`, { page, limit: PAGE });
            return { items: parseAnswer(reviewAnswer.array(), data, "listReviewComments", "the review list", apiUrl), link: headers.link };
          },
          { pageSize: PAGE, maxPages: 50 },
        );
        const comments = [];
        for (const review of reviews) {
          const { data } = await request(`GET ${path(`/pulls/${prNumber}/reviews/${review.id}/comments`)}`);
          for (const c of parseAnswer(reviewCommentAnswer.array(), data, "listReviewComments", "a review's comments", apiUrl)) {
            const left = !c.position && (c.original_position ?? 0) > 0;
            comments.push({ id: c.id, path: c.path ?? "", line: left ? (c.original_position as number) : c.position || null, ...(left ? { side: "LEFT" as const } : {}), body: c.body ?? "" });
          }
        }
        return comments.sort((a, b) => a.id - b.id);
      });
    },

    async editComment(commentId, body) {
      await call("editComment", () => request(`PATCH ${path(`/issues/comments/${commentId}`)}`, { body: fitBody(body) }));
    },

    async react(commentId, reaction) {
      await call("react", () => request(`POST ${path(`/issues/comments/${commentId}/reactions`)}`, { content: reaction }));
    },

    async review(prNumber, input) {
      const comments = input.comments.map(toGiteaReviewComment);
      await call("review", () => request(`POST ${path(`/pulls/${prNumber}/reviews`)}`, { body: fitBody(input.body), event: "COMMENT", commit_id: input.commitSha, ...(comments.length ? { comments } : {}) }));
    },

    async setStatus(status) {
      await postStatus(status);
      return { as: "commit-status" as const };
    },

    async setCommitStatus(status) {
      await postStatus(status);
    },

    latestCommitStatus(sha, context) {
      return call("latestCommitStatus", async () => {
        const found = await collectPages(
          async (page) => {
            const { data, headers } = await request(`GET ${path(`/statuses/${encodeURIComponent(sha)}`)}`, { sort: "recentupdate", page, limit: PAGE });
            return { items: parseAnswer(statusAnswer.array(), data, "latestCommitStatus", "the status list", apiUrl), link: headers.link };
          },
          { pageSize: PAGE, maxPages: 10, enough: (all) => all.some((s) => s.context === context) },
        );
        const state = found.find((s) => s.context === context)?.status;
        return state === "pending" || state === "success" || state === "failure" || state === "error" ? state : undefined;
      });
    },

    botLogin() {
      login ??= call("botLogin", async () => parseAnswer(userAnswer, (await request("GET /user")).data, "botLogin", "the token's user", apiUrl).login);
      login.catch(() => (login = undefined));
      return login;
    },

    permission(user) {
      // The owner has every right, and Gitea refuses to list a user's permission on their own repository.
      if (user.toLowerCase() === repo.owner.toLowerCase()) return Promise.resolve<Permission>("admin");
      return call("permission", async (): Promise<Permission> => {
        try {
          const { data } = await request(`GET ${path(`/collaborators/${encodeURIComponent(user)}/permission`)}`);
          const level = parseAnswer(permissionAnswer, data, "permission", "a permission", apiUrl).permission;
          return level === "owner" || level === "admin" ? "admin" : level === "write" || level === "read" ? level : "none";
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return "none";
          throw error;
        }
      });
    },

    async dispatchWorkflow(workflow, ref, inputs) {
      const serverVersion = await call("dispatchWorkflow", readVersion);
      if (supportsWorkflowDispatch(serverVersion) === false) {
        throw new UnsupportedError(
          "dispatchWorkflow",
          `Gitea ${serverVersion} at ${serverUrl} cannot start a workflow through its API; that needs Gitea ${DISPATCH_SINCE.major}.${DISPATCH_SINCE.minor} or newer. ` +
            `Upgrade Gitea, or run the prd-bot workflow on a schedule ("on: schedule") instead of dispatching it.`,
        );
      }
      await call("dispatchWorkflow", () =>
        request(`POST ${path(`/actions/workflows/${encodeURIComponent(workflow)}/dispatches`)}`, { ref, ...(Object.keys(inputs).length ? { inputs } : {}) }),
      );
    },
  };
}
