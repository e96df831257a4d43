import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  GITHUB_API_URL,
  createGitHubForge,
  createGiteaForge,
  githubServerUrl,
  runForgeJob
} from "./chunk-DCRDSZAY.js";
import "./chunk-JCERY5N6.js";
import "./chunk-YFYGGD3R.js";
import {
  ForgeError
} from "./chunk-CHRPTEUR.js";
import "./chunk-EJQ67LX4.js";
import "./chunk-WKVJPJSK.js";
import {
  runForgeCycles
} from "./chunk-YNDQCUKL.js";
import "./chunk-JYKYN4DB.js";
import "./chunk-NAZR2PN3.js";
import "./chunk-BLP4DUNT.js";
import {
  findGaps
} from "./chunk-KH5HBYDN.js";
import "./chunk-3UZFI7QD.js";
import "./chunk-3UQTJ3QH.js";
import "./chunk-2QDLELWW.js";
import "./chunk-BYGMBUYC.js";
import "./chunk-VEPGM2LT.js";
import {
  openGitWorkspace
} from "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-ART3RKJ5.js";
import "./chunk-CI6V2LSR.js";
import "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/action/runner-env.ts
import os from "node:os";

// src/adapters/forge/create-forge.ts
function detectForge(env) {
  const gitea = env.GITEA_ACTIONS === "true" || env.FORGEJO_ACTIONS === "true";
  if (gitea) {
    const serverUrl2 = httpUrl("GITHUB_SERVER_URL", env.GITHUB_SERVER_URL, "Gitea's runner sets it to the instance's URL, e.g. https://gitea.example.com");
    if (!serverUrl2) throw new ForgeError("detectForge", "GITEA_ACTIONS=true but GITHUB_SERVER_URL is not set: set it to the Gitea instance's URL, e.g. https://gitea.example.com");
    const apiUrl2 = httpUrl("GITHUB_API_URL", env.GITHUB_API_URL, "on Gitea it is <server>/api/v1") ?? `${serverUrl2}/api/v1`;
    return { kind: "gitea", apiUrl: apiUrl2, serverUrl: serverUrl2 };
  }
  const apiUrl = httpUrl("GITHUB_API_URL", env.GITHUB_API_URL, "e.g. https://api.github.com or https://ghes.example.com/api/v3") ?? GITHUB_API_URL;
  const serverUrl = httpUrl("GITHUB_SERVER_URL", env.GITHUB_SERVER_URL, "e.g. https://github.com") ?? githubServerUrl(apiUrl);
  return { kind: "github", apiUrl, serverUrl };
}
function createForge(kind, options) {
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
function httpUrl(name, value, example) {
  const given = value?.trim();
  if (!given) return void 0;
  if (!URL.canParse(given) || !/^https?:$/.test(new URL(given).protocol)) {
    throw new ForgeError("detectForge", `${name} is "${given}", which is not an http(s) URL (${example})`);
  }
  return given.replace(/\/+$/, "");
}

// src/action/runner-env.ts
function readRunnerEnv(env, fallbackWorkspace) {
  const full = env.GITHUB_REPOSITORY?.trim() ?? "";
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(full);
  if (!match) {
    throw new Error(`GITHUB_REPOSITORY is ${full ? `"${full}"` : "not set"}; the runner sets it to "owner/repo" for every job`);
  }
  const { kind, apiUrl, serverUrl } = detectForge(env);
  return {
    kind,
    repo: { owner: match[1], repo: match[2] },
    apiUrl,
    serverUrl,
    workspaceDir: env.GITHUB_WORKSPACE?.trim() || fallbackWorkspace,
    tempDir: env.RUNNER_TEMP?.trim() || os.tmpdir()
  };
}

// src/wiring/action.ts
async function runActionJob(input) {
  const { request, log } = input;
  const runner = readRunnerEnv(input.env, input.workspaceDir);
  const base = { job: request.job, reason: request.reason, records: [], notes: [] };
  if (!input.inputs.token) {
    throw new Error("input `token` is empty: pass `token: ${{ github.token }}` (the default) or a token from a secret; prd-bot needs it to open pull requests and keep its records");
  }
  const forge = createForge(runner.kind, { repo: runner.repo, apiUrl: runner.apiUrl, serverUrl: runner.serverUrl, token: input.inputs.token, log });
  const defaultBranch = await forge.defaultBranch();
  if (request.job === "review" || request.job === "apply" || request.job === "audit" || request.job === "help") {
    let checkout;
    const result = await runForgeJob(request, {
      forge,
      config: input.config,
      configFile: input.configFile,
      env: input.env,
      workspace: () => checkout ??= openCheckout(runner),
      tempDir: runner.tempDir,
      log,
      now: input.now,
      origin: "action"
    });
    return { ...base, ...result };
  }
  const workspace = await openCheckout(runner);
  if (request.job === "gaps") {
    const prd = await workspace.readFile(input.config.prd.path);
    if (prd === void 0) throw new Error(`no PRD at ${input.config.prd.path} in the checkout (set prd.path in ${input.configFile})`);
    return { ...base, gaps: findGaps(prd, { tag: input.config.prd.tag }) };
  }
  return {
    ...base,
    ...await runForgeCycles({ forge, workspace, config: input.config, configFile: input.configFile, env: input.env, tempDir: runner.tempDir, request, log, now: input.now, defaultBranch })
  };
}
async function openCheckout(runner) {
  try {
    return await openGitWorkspace(runner.workspaceDir);
  } catch (error) {
    throw new Error(`GITHUB_WORKSPACE (${runner.workspaceDir}) is not a git checkout: add \`- uses: actions/checkout@v4\` before prd-bot (${error.message})`);
  }
}
export {
  runActionJob
};
