import { describe, expect, it } from "vitest";
import { applyOverrides } from "../../src/config/apply-overrides.js";
import { ConfigError } from "../../src/config/config-error.js";
import { parseConfig } from "../../src/config/load-config.js";

const base = parseConfig("budget:\n  calls_per_day: 5\nmodels:\n  propose: [gpt-4o-mini]\ntest:\n  command: npm test\n", "prd-bot.yml");

describe("applyOverrides", () => {
  it("replaces budget numbers, model and test command, leaving the rest", () => {
    const config = applyOverrides(base, { tokens_per_day: 1000, model: "ollama/qwen", test_command: " make check ", test_timeout_seconds: 30 });
    expect(config.budget).toEqual({ calls_per_day: 5, tokens_per_day: 1000 });
    expect(config.models.propose).toEqual(["ollama/qwen"]);
    expect(config.test).toMatchObject({ command: "make check", timeout_seconds: 30 });
    expect(config.policy).toEqual(base.policy);
    // The input is not modified.
    expect(base.budget.tokens_per_day).toBe(160_000);
    expect(base.models.propose).toEqual(["gpt-4o-mini"]);
  });

  it("takes Action-style strings: numbers as text, comma-separated models, empty meaning unset", () => {
    const config = applyOverrides(base, { calls_per_day: "12", model: " a/b , c ,", test_command: "", tokens_per_day: "" });
    expect(config.budget).toEqual({ calls_per_day: 12, tokens_per_day: 160_000 });
    expect(config.models.propose).toEqual(["a/b", "c"]);
    expect(config.test.command).toBe("npm test");
    expect(applyOverrides(base, { model: ["x", "y"] }).models.propose).toEqual(["x", "y"]);
  });

  it("returns the same config when nothing is given", () => {
    expect(applyOverrides(base, {})).toBe(base);
    expect(applyOverrides(base, { model: " , ", calls_per_day: undefined })).toBe(base);
  });

  it("validates through the schema and names the override and its source", () => {
    let error: unknown;
    try {
      applyOverrides(base, { tokens_per_day: "lots", calls_per_day: -1 }, "action inputs");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { file, problems, message } = error as ConfigError;
    expect(file).toBe("action inputs");
    expect(problems).toEqual([
      { path: "calls_per_day", message: "must be ≥ 0, got the number -1" },
      { path: "tokens_per_day", message: 'expected a number, got the string "lots"' },
    ]);
    expect(message).toContain("Invalid configuration in action inputs (2 problems)");
    expect(() => applyOverrides(base, { test_timeout_seconds: "1.5" })).toThrow("`test_timeout_seconds`: expected a whole number, got the number 1.5");
  });
});
