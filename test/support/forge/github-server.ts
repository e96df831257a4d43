// A local GitHub for tests: REST requests are validated against GitHub's published OpenAPI description
// (@octokit/openapi), git is served over smart HTTP, and `withRepo()` adds typical handlers over an in-memory
// repository model. Point code at it with GITHUB_API_URL = server.url.
import { loadApiDescription } from "./api-description.js";
import { startForgeServer } from "./forge-server.js";
import type { ForgeServer, ForgeServerOptions } from "./forge-types.js";
import { registerGitHubActivityHandlers } from "./github-repo-activity.js";
import { registerGitHubRepoHandlers } from "./github-repo-model.js";
import { GitHubShapes } from "./github-shapes.js";
import type { RepoModel, RepoModelOptions } from "./repo-model.js";
import { createRepoModel } from "./repo-model.js";

export interface GitHubServerOptions extends ForgeServerOptions {
  /** Username git must send with the token (default "x-access-token", as for GitHub App and Actions tokens). */
  gitUser?: string;
}

export interface GitHubServer extends ForgeServer {
  /** Serve `owner/repo` from `bareRepoPath` and register the model's handlers; returns the model to inspect. */
  withRepo(options: RepoModelOptions): RepoModel;
  /** Response bodies built from GitHub's documented examples, for hand-written handlers. */
  readonly shapes: GitHubShapes;
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const description = await loadApiDescription("github");
  const server = await startForgeServer(
    {
      kind: "github",
      description,
      gitUser: options.gitUser ?? "x-access-token",
      unauthorizedBody: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" },
    },
    options,
  );
  const shapes = new GitHubShapes(description.document, server.url);
  const models = new Map<string, RepoModel>();
  // GitHub matches owner and repository names case-insensitively.
  const lookup = (request: { params: Record<string, string> }) => models.get(`${request.params.owner}/${request.params.repo}`.toLowerCase());
  let registered = false;
  return Object.assign(server, {
    shapes,
    withRepo(repoOptions: RepoModelOptions): RepoModel {
      const model = createRepoModel(repoOptions, "prd-bot[bot]");
      models.set(`${model.owner}/${model.repo}`.toLowerCase(), model);
      server.serveGit(model.owner, model.repo, { bareRepoPath: model.bareRepoPath, rejectPushesTo: repoOptions.rejectPushesTo });
      if (!registered) {
        registerGitHubRepoHandlers(server, lookup, shapes);
        registerGitHubActivityHandlers(server, lookup, shapes);
        // The token's user (of the first repository): an app or Actions token ("…[bot]") may not ask (403);
        // any other login is a personal token's user.
        server.on("GET", "/user", () => {
          const login = [...models.values()][0]?.botLogin ?? "prd-bot[bot]";
          if (login.endsWith("[bot]")) return { status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest", status: "403" } };
          return { status: 200, body: { ...shapes.example("private-user-response-with-public-profile-information"), ...shapes.user(login) } };
        });
        registered = true;
      }
      return model;
    },
  });
}
