import { describe, expect, it } from "vitest";
import { checkEnv } from "../../src/adapters/workspace/checks/check-env.js";
import { refusedEnvName } from "../../src/core/refused-env-name.js";
import { parseConfig } from "../../src/config/load-config.js";

describe("checkEnv", () => {
  it("is an allowlist: build basics, LC_*, toolchain homes and the listed names; nothing else", () => {
    const base = { PATH: "/bin", HOME: "/h", LC_CTYPE: "C", GOPATH: "/go", VIRTUAL_ENV: "/v", CARGO_HOME: "/c", RANDOM_THING: "x", MY_VAR: "y", ROUTER_KEY: "k" };
    expect(checkEnv(base, { allow: ["MY_VAR", "ROUTER_KEY"], extra: { MARK: "1" } })).toEqual({ PATH: "/bin", HOME: "/h", LC_CTYPE: "C", GOPATH: "/go", VIRTUAL_ENV: "/v", CARGO_HOME: "/c", MY_VAR: "y", MARK: "1" });
    expect(checkEnv({ PATH: "/bin", MY_VAR: "y" }, { allow: ["MY_VAR"], deny: ["MY_VAR"] })).toEqual({ PATH: "/bin" });
  });

  it("refuses credential-like and runner names whoever lists them", () => {
    for (const name of ["ROUTER_KEY", "OPENROUTER_KEY", "GH_PAT", "NPM_AUTH", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "GITEA_TOKEN", "INPUT_MODEL", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_CACHE_URL", "WEBHOOK_SECRET", "PRIVATE_KEY", "DB_PASSWORD"]) {
      expect(refusedEnvName(name), name).toBeDefined();
    }
    for (const name of ["MY_SETTING", "DATABASE_URL", "PYTEST_ADDOPTS", "GOFLAGS"]) expect(refusedEnvName(name), name).toBeUndefined();
  });

  it("a config listing a refused name in test.env is an error naming the key", () => {
    expect(() => parseConfig("test:\n  env: [MY_SETTING, ROUTER_KEY]\n", ".github/prd-bot.yml")).toThrow(/test\.env\.1|test\.env\[1\]/);
    expect(parseConfig("test:\n  env: [MY_SETTING]\n", "x.yml").test).toMatchObject({ env: ["MY_SETTING"], sandbox: "auto", network: false, baseline: true });
  });
});
