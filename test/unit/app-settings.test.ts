// The app's settings from the environment: defaults, GitHub Enterprise, Gitea, and errors naming the variable.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppSettingsError, readAppSettings } from "../../src/app/app-settings.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
};
const GITHUB = { APP_ID: "12345", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "s3cret" };
const GITEA = { GITEA_URL: "https://gitea.example.com/", GITEA_TOKEN: "t0ken", GITEA_WEBHOOK_SECRET: "g-secret" };

function problemOf(env: Record<string, string>, readFile = noFile): string {
  try {
    readAppSettings(env, readFile);
  } catch (error) {
    expect(error).toBeInstanceOf(AppSettingsError);
    return (error as Error).message;
  }
  throw new Error("expected the settings to be refused");
}

describe("readAppSettings", () => {
  it("reads a GitHub App with Probot's defaults", () => {
    const settings = readAppSettings(GITHUB, noFile);
    expect(settings).toMatchObject({ host: "0.0.0.0", port: 3000, mode: "dispatch", workflow: "prd-bot.yml", maxQueuedJobs: 20, maxConcurrentJobs: 2 });
    expect(settings.github).toMatchObject({ appId: "12345", secret: "s3cret", baseUrl: "https://api.github.com", webhookPath: "/api/github/webhooks", logLevel: "warn" });
    expect(settings.gitea).toBeUndefined();
  });

  it("takes the key inline with \\n escapes, base64-encoded, or from PRIVATE_KEY_PATH", () => {
    const escaped = privateKey.replace(/\n/g, "\\n");
    expect(readAppSettings({ ...GITHUB, PRIVATE_KEY: escaped }, noFile).github?.privateKey).toBe(privateKey);
    expect(readAppSettings({ ...GITHUB, PRIVATE_KEY: Buffer.from(privateKey).toString("base64") }, noFile).github?.privateKey).toBe(privateKey);
    const { PRIVATE_KEY: _, ...withoutKey } = GITHUB;
    expect(readAppSettings({ ...withoutKey, PRIVATE_KEY_PATH: "key.pem" }, (path) => (path === "key.pem" ? privateKey : noFile(path))).github?.privateKey).toBe(privateKey);
    expect(problemOf({ ...withoutKey, PRIVATE_KEY_PATH: "missing.pem" })).toBe("PRIVATE_KEY_PATH: cannot read missing.pem (ENOENT)");
  });

  it("refuses a key that is not a PEM private key without echoing it", () => {
    const message = problemOf({ ...GITHUB, PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\\nnot-a-key-zzz\\n-----END RSA PRIVATE KEY-----" });
    expect(message).toContain("PRIVATE_KEY is not a PEM private key");
    expect(message).not.toContain("not-a-key-zzz");
  });

  it("points at GitHub Enterprise Server through GHE_HOST or GITHUB_API_URL", () => {
    expect(readAppSettings({ ...GITHUB, GHE_HOST: "ghe.example.com" }, noFile).github?.baseUrl).toBe("https://ghe.example.com/api/v3");
    expect(readAppSettings({ ...GITHUB, GHE_HOST: "ghe.local", GHE_PROTOCOL: "http" }, noFile).github?.baseUrl).toBe("http://ghe.local/api/v3");
    expect(readAppSettings({ ...GITHUB, GITHUB_API_URL: "https://ghe.example.com/api/v3/" }, noFile).github?.baseUrl).toBe("https://ghe.example.com/api/v3");
  });

  it("reads a Gitea receiver, alone or next to GitHub", () => {
    const settings = readAppSettings({ ...GITEA, PORT: "8080", HOST: "127.0.0.1" }, noFile);
    expect(settings.gitea).toEqual({ url: "https://gitea.example.com", token: "t0ken", secret: "g-secret", webhookPath: "/gitea/webhook" });
    expect(settings.github).toBeUndefined();
    expect([settings.host, settings.port]).toEqual(["127.0.0.1", 8080]);
    expect(readAppSettings({ ...GITHUB, ...GITEA }, noFile).github).toBeDefined();
  });

  it("names what is missing or wrong, all at once", () => {
    expect(problemOf({})).toMatch(/^nothing to serve: set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET .* GITEA_URL, GITEA_TOKEN and GITEA_WEBHOOK_SECRET for Gitea$/);
    expect(problemOf({ APP_ID: "1" })).toContain("the GitHub App needs WEBHOOK_SECRET, PRIVATE_KEY (or PRIVATE_KEY_PATH) as well");
    expect(problemOf({ GITEA_URL: "gitea.example.com" })).toMatch(/needs GITEA_TOKEN, GITEA_WEBHOOK_SECRET as well[\s\S]*GITEA_URL must be the Gitea server's http\(s\) URL/);
    const many = problemOf({ ...GITHUB, APP_ID: "my-app", PORT: "http", PRD_BOT_MODE: "threads", PRD_BOT_WORKFLOW: ".github/workflows/x.yml", LOG_LEVEL: "loud", WEBHOOK_PATH: "hooks" });
    expect(many).toMatch(/^the app's settings have 6 problems:/);
    for (const text of ['APP_ID must be the GitHub App\'s numeric id, got "my-app"', 'PORT must be a whole number from 0 to 65535, got "http"', 'PRD_BOT_MODE must be "dispatch"', "PRD_BOT_WORKFLOW must be a workflow file name", "LOG_LEVEL must be one of", 'WEBHOOK_PATH must be a URL path starting with "/", got "hooks"']) {
      expect(many).toContain(text);
    }
  });

  it("in-process mode needs no runner module (the built-in one runs); PRD_BOT_RUNNER names one to use instead", () => {
    const builtIn = readAppSettings({ ...GITHUB, PRD_BOT_MODE: "in-process" }, noFile);
    expect(builtIn.mode).toBe("in-process");
    expect(builtIn.runner).toBeUndefined();
    expect(readAppSettings({ ...GITHUB, PRD_BOT_MODE: "in-process", PRD_BOT_RUNNER: "./runner.mjs", PRD_BOT_MAX_QUEUED: "0" }, noFile)).toMatchObject({ mode: "in-process", runner: "./runner.mjs", maxQueuedJobs: 0 });
  });
});
