// A local Gitea for tests: REST requests under /api/v1 (the Swagger `basePath`) are validated against Gitea
// 1.22's published Swagger 2.0 description, git is served over smart HTTP at /<owner>/<repo>.git, and
// `withRepo()` adds typical handlers over an in-memory repository model.
import { loadApiDescription } from "./api-description.js";
import { startForgeServer } from "./forge-server.js";
import type { ForgeServer, ForgeServerOptions } from "./forge-types.js";
import { GITEA_DISPATCH_TEMPLATE, giteaDispatchOperation } from "./gitea-dispatch-schema.js";
import { registerGiteaActivityHandlers } from "./gitea-repo-activity.js";
import { registerGiteaRepoHandlers } from "./gitea-repo-model.js";
import { GiteaShapes } from "./gitea-shapes.js";
import type { RepoModel, RepoModelOptions } from "./repo-model.js";
import { createRepoModel } from "./repo-model.js";

export interface GiteaServerOptions extends ForgeServerOptions {
  /**
   * Serve `POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches` as Gitea 1.24+ does
   * (default false: like 1.22, where calling it is a violation). Validated with a local schema.
   */
  workflowDispatch?: boolean;
}

export interface GiteaServer extends ForgeServer {
  /** Serve `owner/repo` from `bareRepoPath` and register the model's handlers; returns the model to inspect. */
  withRepo(options: RepoModelOptions): RepoModel;
  readonly shapes: GiteaShapes;
}

export async function startGiteaServer(options: GiteaServerOptions = {}): Promise<GiteaServer> {
  const description = await loadApiDescription("gitea");
  const workflowDispatch = options.workflowDispatch ?? false;
  const dispatchPath = new RegExp(`^${GITEA_DISPATCH_TEMPLATE.replace(/\{[^}]+\}/g, "[^/]+")}$`);
  const server = await startForgeServer(
    {
      kind: "gitea",
      description,
      extraOperations: workflowDispatch ? [giteaDispatchOperation()] : [],
      unknownRouteHint: (method, path) =>
        method === "POST" && dispatchPath.test(path)
          ? "workflow dispatch exists from Gitea 1.24 on; start the server with { workflowDispatch: true } to simulate it"
          : undefined,
      gitUser: undefined,
      unauthorizedBody: { message: "token is required", url: "https://docs.gitea.com/api/1.22/" },
    },
    options,
  );
  const shapes = new GiteaShapes(server.url);
  const models = new Map<string, RepoModel>();
  // Gitea matches owner and repository names case-insensitively.
  const lookup = (request: { params: Record<string, string> }) => models.get(`${request.params.owner}/${request.params.repo}`.toLowerCase());
  let registered = false;
  return Object.assign(server, {
    shapes,
    withRepo(repoOptions: RepoModelOptions): RepoModel {
      const model = createRepoModel(repoOptions, "prd-bot");
      models.set(`${model.owner}/${model.repo}`.toLowerCase(), model);
      server.serveGit(model.owner, model.repo, { bareRepoPath: model.bareRepoPath, rejectPushesTo: repoOptions.rejectPushesTo });
      if (!registered) {
        registerGiteaRepoHandlers(server, lookup, shapes);
        registerGiteaActivityHandlers(server, lookup, shapes, { workflowDispatch });
        // The token's user: the bot login of the first repository.
        server.on("GET", "/user", () => ({ status: 200, body: shapes.user([...models.values()][0]?.botLogin ?? "prd-bot") }));
        registered = true;
      }
      return model;
    },
  });
}
