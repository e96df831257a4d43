import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { parseConfig } from "../../src/config/load-config.js";
import { isLoopback, resolveModelChain } from "../../src/config/resolve-models.js";

const SECRET = "sk-test-should-never-be-printed-0123456789";

const withProviders = parseConfig(
  [
    "models:",
    "  providers:",
    "    ollama:",
    "      base_url: http://localhost:11434/v1",
    "      structured_output: none",
    "      timeout_seconds: 600",
    "    openrouter:",
    "      base_url: https://openrouter.ai/api/v1",
    "      api_key_env: OPENROUTER_API_KEY",
    "  propose:",
    "    - openrouter/meta-llama/llama-3.1-8b-instruct",
    "    - ollama/qwen2.5-coder:7b",
    "    - gpt-4o-mini",
  ].join("\n"),
  "cfg.yml",
);

function thrown(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("resolveModelChain", () => {
  it("routes provider/model to named providers and everything else to the default, in order", () => {
    const chain = resolveModelChain(withProviders, { OPENROUTER_API_KEY: SECRET, OPENAI_API_KEY: "k2" });
    expect(chain.map((m) => [m.id, m.provider, m.model, m.baseUrl])).toEqual([
      ["openrouter/meta-llama/llama-3.1-8b-instruct", "openrouter", "meta-llama/llama-3.1-8b-instruct", "https://openrouter.ai/api/v1"],
      ["ollama/qwen2.5-coder:7b", "ollama", "qwen2.5-coder:7b", "http://localhost:11434/v1"],
      ["default/gpt-4o-mini", "default", "gpt-4o-mini", "https://api.openai.com/v1"],
    ]);
    expect(chain.map((m) => m.apiKey)).toEqual([SECRET, undefined, "k2"]);
    expect(chain[1]).toMatchObject({ structuredOutput: "none", timeoutMs: 600_000 });
    expect(chain[2]).toMatchObject({ structuredOutput: "auto", timeoutMs: 180_000 });
  });

  it("sends a slashed model whose prefix is not a provider to the default provider whole", () => {
    const config = parseConfig("models:\n  propose: [meta-llama/llama-3]\n", "cfg.yml");
    const [model] = resolveModelChain(config, { OPENAI_BASE_URL: "https://openrouter.ai/api/v1", OPENAI_API_KEY: "k" });
    expect(model).toMatchObject({ id: "default/meta-llama/llama-3", model: "meta-llama/llama-3", baseUrl: "https://openrouter.ai/api/v1", apiKey: "k" });
  });

  it("uses a provider named `default` in the config for bare model names", () => {
    const config = parseConfig("models:\n  providers:\n    default:\n      base_url: http://127.0.0.1:8000/v1\n  propose: [qwen]\n", "cfg.yml");
    const [model] = resolveModelChain(config, { OPENAI_BASE_URL: "https://ignored.example/v1" });
    expect(model).toMatchObject({ id: "default/qwen", baseUrl: "http://127.0.0.1:8000/v1", apiKey: undefined });
  });

  it("falls back to PRD_BOT_MODEL when models.propose is empty, and says how to set one when both are", () => {
    const empty = parseConfig(undefined, "cfg.yml");
    const chain = resolveModelChain(empty, { PRD_BOT_MODEL: "llama3, qwen", OPENAI_BASE_URL: "http://localhost:11434/v1" });
    expect(chain.map((m) => m.id)).toEqual(["default/llama3", "default/qwen"]);
    const error = thrown(() => resolveModelChain(empty, { PRD_BOT_MODEL: "  " }, { file: "cfg.yml" }));
    expect(error.problems).toEqual([expect.objectContaining({ path: "models.propose", message: expect.stringContaining("no model is configured; looked at") })]);
    expect(error.message).toContain("PRD_BOT_MODEL");
    expect(error.message).toContain("cfg.yml");
  });

  it("requires a key for a remote server, naming the variable, and treats an empty variable as missing", () => {
    const config = parseConfig("models:\n  propose: [gpt-4o-mini]\n", "cfg.yml");
    const error = thrown(() => resolveModelChain(config, { OPENAI_API_KEY: "" }));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain("the environment variable OPENAI_API_KEY is not set");
    expect(error.message).toContain("api.openai.com");
    expect(error.message).toContain("secrets.OPENAI_API_KEY");
  });

  it("lists every missing key at once, once per variable, and never prints a key", () => {
    const config = parseConfig(
      "models:\n  providers:\n    a:\n      base_url: https://a.example/v1\n      api_key_env: A_KEY\n    b:\n      base_url: https://b.example/v1\n  propose: [a/x, a/y, b/z]\n",
      "cfg.yml",
    );
    const error = thrown(() => resolveModelChain(config, { OTHER: SECRET }));
    expect(error.problems.map((p) => p.path)).toEqual(["models.propose[0]", "models.providers.b.api_key_env"]);
    expect(error.problems[0]!.message).toContain("A_KEY is not set");
    expect(error.problems[0]!.message).toContain("(models.providers.a.api_key_env)");
    expect(error.problems[1]!.message).toContain("has no api_key_env");
    expect(error.message).not.toContain(SECRET);
    // The keyless local provider in a mixed chain is fine; only the remote ones are reported.
    const mixed = thrown(() => resolveModelChain(withProviders, {}));
    expect(mixed.problems.map((p) => p.path)).toEqual(["models.propose[0]", "models.propose[2]"]);
  });

  it("rejects base URLs that are not http(s), from the config or OPENAI_BASE_URL", () => {
    const config = parseConfig("models:\n  providers:\n    box:\n      base_url: localhost:11434/v1\n  propose: [box/m]\n", "cfg.yml");
    expect(thrown(() => resolveModelChain(config, {})).problems[0]).toMatchObject({ path: "models.providers.box.base_url", hint: expect.stringContaining("http://localhost:11434/v1") });
    const plain = parseConfig("models:\n  propose: [m]\n", "cfg.yml");
    expect(thrown(() => resolveModelChain(plain, { OPENAI_BASE_URL: "not a url" })).message).toContain("OPENAI_BASE_URL is not an http(s) URL");
  });

  it("rejects a provider prefix with no model", () => {
    const config = parseConfig("models:\n  providers:\n    ollama:\n      base_url: http://localhost:11434/v1\n  propose: [ollama/]\n", "cfg.yml");
    expect(thrown(() => resolveModelChain(config, {})).problems[0]).toMatchObject({ path: "models.propose[0]", hint: "write `ollama/<model>`" });
  });
});

describe("isLoopback", () => {
  it("knows the hosts of this machine and nothing else", () => {
    for (const url of ["http://localhost:11434/v1", "http://LOCALHOST/v1", "http://api.localhost/v1", "http://127.0.0.1:8080", "http://127.5.6.7", "http://[::1]:1234/v1", "http://0.0.0.0:1"]) {
      expect(isLoopback(url), url).toBe(true);
    }
    for (const url of ["https://api.openai.com/v1", "http://192.168.1.2/v1", "http://localhost.evil.com/v1", "http://127.0.0.1.nip.io/", "nonsense"]) {
      expect(isLoopback(url), url).toBe(false);
    }
  });
});
