// What a repository's config may read from the app's environment for its models (in-process mode): the model
// settings and *_API_KEY variables, never the app's own credentials or anything else on the server.
import { describe, expect, it } from "vitest";
import { modelEnv } from "../../src/app/in-process-runner.js";
import { parseConfig } from "../../src/config/load-config.js";
import { resolveModelChain } from "../../src/config/resolve-models.js";

const SERVER = {
  PRD_BOT_MODEL: "coder-1",
  OPENAI_BASE_URL: "https://models.example/v1",
  OPENAI_API_KEY: "sk-openai",
  OPENROUTER_API_KEY: "sk-router",
  GITEA_TOKEN: "gitea-token",
  WEBHOOK_SECRET: "hook-secret",
  PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----",
  AWS_SECRET_ACCESS_KEY: "aws",
  PATH: "/usr/bin",
  openai_api_key: "lower-case is not a variable name the rule admits",
};

describe("modelEnv", () => {
  it("keeps PRD_BOT_MODEL, OPENAI_BASE_URL and *_API_KEY; drops everything else", () => {
    expect(modelEnv(SERVER)).toEqual({ PRD_BOT_MODEL: "coder-1", OPENAI_BASE_URL: "https://models.example/v1", OPENAI_API_KEY: "sk-openai", OPENROUTER_API_KEY: "sk-router" });
  });

  it("a provider whose api_key_env names the app's token resolves to no key, with the config key to fix", () => {
    const config = parseConfig("models:\n  providers:\n    x:\n      base_url: https://models.example/v1\n      api_key_env: GITEA_TOKEN\n  propose: [x/m]\n", ".github/prd-bot.yml");
    expect(() => resolveModelChain(config, modelEnv(SERVER))).toThrow(/the environment variable GITEA_TOKEN is not set, and provider `x` \(models\.example\) needs an API key/);
    const allowed = parseConfig("models:\n  providers:\n    x:\n      base_url: https://models.example/v1\n      api_key_env: OPENROUTER_API_KEY\n  propose: [x/m]\n", ".github/prd-bot.yml");
    expect(resolveModelChain(allowed, modelEnv(SERVER)).map((m) => [m.id, m.apiKey])).toEqual([["x/m", "sk-router"]]);
  });
});
