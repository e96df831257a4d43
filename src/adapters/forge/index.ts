// The forge adapters: see README.md in this folder.
export { createForge, detectForge } from "./create-forge.js";
export type { CreateForgeOptions, DetectedForge } from "./create-forge.js";
export { createGitHubForge } from "./github/create-github-forge.js";
export type { GitHubForgeOptions } from "./github/create-github-forge.js";
export { createGiteaForge } from "./gitea/create-gitea-forge.js";
export type { GiteaForgeOptions } from "./gitea/create-gitea-forge.js";
export type { ForgeLog, ForgeTiming } from "./forge-octokit.js";
