// The app's settings from the environment, checked once at start-up: Probot's variables for GitHub (APP_ID,
// PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST / GITHUB_API_URL, WEBHOOK_PATH, PORT, HOST,
// LOG_LEVEL), GITEA_* for the Gitea receiver, PRD_BOT_* for prd-bot's own. Each error names the variable.
import { createPrivateKey } from "node:crypto";
import type { AppMode } from "./job-starter.js";
import { DEFAULT_GITEA_WEBHOOK_PATH, DEFAULT_GITHUB_WEBHOOK_PATH, DEFAULT_WORKFLOW } from "./defaults.js";

export class AppSettingsError extends Error {
  constructor(problems: string[]) {
    super(problems.length === 1 ? (problems[0] as string) : `the app's settings have ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "AppSettingsError";
  }
}

type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

export interface AppSettings {
  host: string;
  port: number;
  github?: { appId: string; privateKey: string; secret: string; baseUrl: string; webhookPath: string; logLevel: LogLevel };
  gitea?: { url: string; token: string; secret: string; webhookPath: string };
  mode: AppMode;
  workflow: string;
  maxQueuedJobs: number;
  maxConcurrentJobs: number;
  /** Deliveries of one repository waiting at most; more answer 503. */
  maxPendingPerRepository: number;
  /** On SIGTERM/SIGINT: how long running work may take to finish before it is abandoned, in ms. */
  shutdownMs: number;
  /** In-process mode: a module that exports a job runner to use instead of the built-in one. */
  runner: string | undefined;
}

type Env = Record<string, string | undefined>;

export function readAppSettings(env: Env, readFile: (path: string) => string): AppSettings {
  const problems: string[] = [];
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const wholeNumber = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const text = get(name);
    if (text === undefined) return fallback;
    const number = Number(text);
    if (Number.isInteger(number) && number >= min && number <= max) return number;
    problems.push(`${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}, got "${text}"`);
    return fallback;
  };
  const path = (name: string, fallback: string) => {
    const value = get(name) ?? fallback;
    if (!value.startsWith("/")) problems.push(`${name} must be a URL path starting with "/", got "${value}"`);
    return value;
  };

  const settings: AppSettings = {
    host: get("HOST") ?? "0.0.0.0",
    port: wholeNumber("PORT", 3000, 0, 65_535),
    mode: "dispatch",
    workflow: get("PRD_BOT_WORKFLOW") ?? DEFAULT_WORKFLOW,
    maxQueuedJobs: wholeNumber("PRD_BOT_MAX_QUEUED", 20, 0),
    maxConcurrentJobs: wholeNumber("PRD_BOT_MAX_CONCURRENT", 2, 1),
    maxPendingPerRepository: wholeNumber("PRD_BOT_MAX_PENDING_PER_REPO", 100, 1),
    shutdownMs: wholeNumber("PRD_BOT_SHUTDOWN_SECONDS", 10, 0, 3600) * 1000,
    runner: get("PRD_BOT_RUNNER"),
  };
  const mode = get("PRD_BOT_MODE") ?? "dispatch";
  if (mode === "dispatch" || mode === "in-process") settings.mode = mode;
  else problems.push(`PRD_BOT_MODE must be "dispatch" (start the repository's workflow) or "in-process" (run jobs in the app), got "${mode}"`);
  if (!/^[\w.-]+\.ya?ml$/.test(settings.workflow)) problems.push(`PRD_BOT_WORKFLOW must be a workflow file name such as prd-bot.yml, got "${settings.workflow}"`);

  const githubNames = ["APP_ID", "WEBHOOK_SECRET"] as const;
  const hasKey = get("PRIVATE_KEY") !== undefined || get("PRIVATE_KEY_PATH") !== undefined;
  if (githubNames.some((name) => get(name) !== undefined) || hasKey) {
    const missing = [...githubNames.filter((name) => get(name) === undefined), ...(hasKey ? [] : ["PRIVATE_KEY (or PRIVATE_KEY_PATH)"])];
    if (missing.length) problems.push(`the GitHub App needs ${missing.join(", ")} as well: find them on the app's settings page (General → App ID, Private keys, Webhook secret)`);
    const appId = get("APP_ID");
    if (appId !== undefined && !/^\d+$/.test(appId)) problems.push(`APP_ID must be the GitHub App's numeric id, got "${appId}"`);
    const privateKey = hasKey ? readPrivateKey(get("PRIVATE_KEY"), get("PRIVATE_KEY_PATH"), readFile, problems) : undefined;
    const level = get("LOG_LEVEL") ?? "warn";
    const levels: LogLevel[] = ["trace", "debug", "info", "warn", "error", "fatal"];
    if (!levels.includes(level as LogLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(", ")}, got "${level}"`);
    if (appId && privateKey && get("WEBHOOK_SECRET")) {
      settings.github = {
        appId,
        privateKey,
        secret: get("WEBHOOK_SECRET") as string,
        baseUrl: githubApiUrl(get("GITHUB_API_URL"), get("GHE_HOST"), get("GHE_PROTOCOL"), problems),
        webhookPath: path("WEBHOOK_PATH", DEFAULT_GITHUB_WEBHOOK_PATH),
        logLevel: level as LogLevel,
      };
    }
  }

  const giteaNames = ["GITEA_URL", "GITEA_TOKEN", "GITEA_WEBHOOK_SECRET"] as const;
  if (giteaNames.some((name) => get(name) !== undefined)) {
    const missing = giteaNames.filter((name) => get(name) === undefined);
    if (missing.length) problems.push(`the Gitea receiver needs ${missing.join(", ")} as well (the server's URL, a bot user's access token with write:repository and write:issue, and the webhook's secret)`);
    const url = get("GITEA_URL");
    if (url !== undefined && !isHttpUrl(url)) problems.push(`GITEA_URL must be the Gitea server's http(s) URL, e.g. https://gitea.example.com, got "${url}"`);
    if (missing.length === 0 && url && isHttpUrl(url)) {
      settings.gitea = { url: url.replace(/\/+$/, ""), token: get("GITEA_TOKEN") as string, secret: get("GITEA_WEBHOOK_SECRET") as string, webhookPath: path("GITEA_WEBHOOK_PATH", DEFAULT_GITEA_WEBHOOK_PATH) };
    }
  }
  if (!settings.github && !settings.gitea && problems.length === 0) {
    problems.push("nothing to serve: set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET for a GitHub App, and/or GITEA_URL, GITEA_TOKEN and GITEA_WEBHOOK_SECRET for Gitea");
  }
  if (problems.length) throw new AppSettingsError(problems);
  return settings;
}

function readPrivateKey(inline: string | undefined, file: string | undefined, readFile: (path: string) => string, problems: string[]): string | undefined {
  let text: string;
  const source = inline !== undefined ? "PRIVATE_KEY" : `PRIVATE_KEY_PATH (${file})`;
  if (inline !== undefined) {
    // One-line env files carry the PEM with literal \n, or base64-encoded (as Probot accepts it).
    text = inline.includes("-----BEGIN") ? inline.replace(/\\n/g, "\n") : Buffer.from(inline, "base64").toString("utf8");
  } else {
    try {
      text = readFile(file as string);
    } catch (error) {
      problems.push(`PRIVATE_KEY_PATH: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return undefined;
    }
  }
  try {
    createPrivateKey(text);
    return text;
  } catch {
    // The key's text is never echoed.
    problems.push(`${source} is not a PEM private key: use the .pem file the GitHub App's settings page generates (inline, with \\n escapes, or base64-encoded)`);
    return undefined;
  }
}

function githubApiUrl(apiUrl: string | undefined, gheHost: string | undefined, protocol: string | undefined, problems: string[]): string {
  if (apiUrl !== undefined) {
    if (!isHttpUrl(apiUrl)) problems.push(`GITHUB_API_URL must be an http(s) URL such as https://api.github.com or https://ghe.example.com/api/v3, got "${apiUrl}"`);
    return apiUrl.replace(/\/+$/, "");
  }
  if (gheHost !== undefined) return `${protocol ?? "https"}://${gheHost.replace(/\/+$/, "")}/api/v3`;
  return "https://api.github.com";
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}
