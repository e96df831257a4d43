// Local GitHub and Gitea servers for tests; see README.md in this folder.
export { startGitHubServer } from "./github-server.js";
export type { GitHubServer, GitHubServerOptions } from "./github-server.js";
export { startGiteaServer } from "./gitea-server.js";
export type { GiteaServer, GiteaServerOptions } from "./gitea-server.js";
export type { Fault, ForgeHandler, ForgeReply, ForgeRequest, ForgeServer, ForgeServerOptions, RecordedGitRequest, RecordedRequest, Violation } from "./forge-types.js";
export type { ModelComment, ModelLabel, ModelPull, RepoModel, RepoModelOptions } from "./repo-model.js";
export { isWorkInProgress } from "./gitea-repo-model.js";
