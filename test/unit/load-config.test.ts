import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { loadConfig, parseConfig } from "../../src/config/load-config.js";
import { DEFAULT_CONFIG_PATH, DEFAULT_PROTECTED } from "../../src/config/schema.js";

const FILE = ".github/prd-bot.yml";

function configError(text: string): ConfigError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for:\n${text}`);
}

describe("parseConfig: defaults", () => {
  it("gives every default for undefined, empty, blank and comment-only text", () => {
    for (const text of [undefined, "", "  \n\n", "# nothing configured yet\n", "~\n"]) {
      const config = parseConfig(text, FILE);
      expect(config.prd).toEqual({ path: "docs/PRD.md", tag: "[bot-eligible]" });
      expect(config.policy.max_files).toBe(5);
      expect(config.budget).toEqual({ calls_per_day: 20, tokens_per_day: 160_000 });
      expect(config.paths.protected).toEqual(DEFAULT_PROTECTED);
      expect(config.models.propose).toEqual([]);
      expect(config.test.command).toBeUndefined();
    }
  });

  it("keeps what is set and fills the rest", () => {
    const config = parseConfig(
      ["prd:", "  path: PRD.md", "policy:", "  max_files: 3", "models:", "  providers:", "    ollama:", "      base_url: http://localhost:11434/v1", "  propose: [ollama/qwen2.5-coder:7b]"].join("\n"),
      FILE,
    );
    expect(config.prd).toEqual({ path: "PRD.md", tag: "[bot-eligible]" });
    expect(config.policy).toMatchObject({ max_files: 3, max_changed_lines: 200 });
    expect(config.models.providers.ollama).toEqual({ base_url: "http://localhost:11434/v1", structured_output: "auto", timeout_seconds: 180 });
    expect(config.models.propose).toEqual(["ollama/qwen2.5-coder:7b"]);
  });

  it("treats a section or key left empty (children commented out) as not set", () => {
    const config = parseConfig("policy:\n  # max_files: 3\ntest:\n  command:\n", FILE);
    expect(config.policy.max_files).toBe(5);
    expect(config.test.command).toBeUndefined();
  });

  it("ignores a UTF-8 byte-order mark", () => {
    expect(parseConfig("\uFEFFpolicy:\n  max_files: 2\n", FILE).policy.max_files).toBe(2);
  });
});

describe("parseConfig: errors", () => {
  it("names an unknown nested key with its line and the closest known key", () => {
    const error = configError("prd:\n  path: docs/PRD.md\npolicy:\n  max_filez: 3\n");
    expect(error.file).toBe(FILE);
    expect(error.problems).toEqual([{ path: "policy.max_filez", line: 4, column: 3, message: "unknown key", hint: "did you mean `max_files`?" }]);
    expect(error.message).toBe("Invalid configuration in .github/prd-bot.yml: .github/prd-bot.yml:4:3 `policy.max_filez`: unknown key (did you mean `max_files`?)");
  });

  it("suggests across case and dash/underscore slips, and at the top level", () => {
    expect(configError("Policy:\n  max_files: 1\n").problems[0]).toMatchObject({ path: "Policy", hint: "did you mean `policy`?" });
    expect(configError("budget:\n  tokens-per-day: 5\n").problems[0]).toMatchObject({ path: "budget.tokens-per-day", hint: "did you mean `tokens_per_day`?" });
  });

  it("says where a key belongs when it is written in the wrong section", () => {
    const problem = configError("max_changed_lines: 10\n").problems[0]!;
    expect(problem).toMatchObject({ path: "max_changed_lines", line: 1, column: 1, hint: "did you mean `policy.max_changed_lines`?" });
  });

  it("lists the known keys when nothing is close", () => {
    const problem = configError("budget:\n  weekly_limit: 5\n").problems[0]!;
    expect(problem.hint).toBe("known keys here: calls_per_day, tokens_per_day");
  });

  it("reports a wrong type with expected and got, pointing at the value", () => {
    const error = configError("budget:\n  calls_per_day: ten\n");
    expect(error.problems).toEqual([{ path: "budget.calls_per_day", line: 2, column: 18, message: 'expected a number, got the string "ten"' }]);
  });

  it("hints at quoting mistakes for numbers and booleans", () => {
    const [number, boolean] = configError('policy:\n  max_files: "3"\n  require_test: "false"\n').problems;
    expect(number).toMatchObject({ path: "policy.max_files", hint: "write the number without quotes" });
    expect(boolean).toMatchObject({ path: "policy.require_test", message: 'expected true or false, got the string "false"' });
    expect(configError("paused: yes\n").problems[0]).toMatchObject({ path: "paused", hint: "write true or false; yes/no/on/off are strings in YAML 1.2" });
  });

  it("reports bounds, fractions, bad enum values and bad list items with their paths", () => {
    const error = configError(
      ["policy:", "  max_attempts: 9", "  max_files: 2.5", "paths:", "  protected:", "    - a/**", "    - 3", "models:", "  providers:", "    local:", "      base_url: http://127.0.0.1:8080/v1", "      structured_output: jsonschema"].join("\n"),
    );
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p]));
    expect(byPath["policy.max_attempts"]).toMatchObject({ line: 2, message: "must be ≤ 5, got the number 9" });
    expect(byPath["policy.max_files"]).toMatchObject({ line: 3, message: "expected a whole number, got the number 2.5" });
    expect(byPath["paths.protected[1]"]).toMatchObject({ line: 7, column: 7, message: "expected a string, got the number 3" });
    expect(byPath["models.providers.local.structured_output"]).toMatchObject({ line: 12, hint: 'did you mean "json_schema"?' });
    // Listed in file order.
    expect(error.problems.map((p) => p.line)).toEqual([2, 3, 7, 12]);
    expect(error.message).toMatch(/^Invalid configuration in \.github\/prd-bot\.yml \(4 problems\):\n {2}- \.github\/prd-bot\.yml:2:/);
  });

  it("reports a missing required key at its parent, and a bad provider name at the name", () => {
    const error = configError("models:\n  providers:\n    my box:\n      base_url: http://localhost/v1\n    gpu:\n      structured_output: none\n");
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p]));
    expect(byPath['models.providers["my box"]']).toMatchObject({ line: 3, column: 5 });
    expect(byPath['models.providers["my box"]']!.message).toContain("provider names are letters, digits");
    expect(byPath["models.providers.gpu.base_url"]).toEqual({ path: "models.providers.gpu.base_url", line: 5, column: 5, message: "is required: expected a string" });
  });

  it("never echoes a key pasted where the variable name belongs", () => {
    const secret = "sk-proj-abcdefghijklmnop1234567890";
    const error = configError(`models:\n  providers:\n    openai:\n      base_url: https://api.openai.com/v1\n      api_key_env: ${secret}\n`);
    expect(error.problems[0]).toMatchObject({ path: "models.providers.openai.api_key_env", line: 5 });
    expect(error.message).toContain("never the key itself");
    expect(error.message).not.toContain("abcdefghijklmnop");
  });

  it("gives YAML syntax errors with line and column, without quoting the source", () => {
    const error = configError("test:\n  command: npm test -- --reporter: dot\n");
    expect(error.problems[0]).toMatchObject({ line: 2, column: 12, hint: expect.stringContaining("must be quoted") });
    expect(error.message).toContain(".github/prd-bot.yml:2:12 YAML syntax error: Nested mappings are not allowed");
    expect(error.message).not.toContain("--reporter");
    expect(configError("policy:\n\tmax_files: 3\n").problems[0]).toMatchObject({ line: 2, column: 1, hint: expect.stringContaining("tabs") });
    expect(configError("paused: true\npaused: false\n").problems[0]).toMatchObject({ line: 2, message: expect.stringContaining("Map keys must be unique") });
  });

  it("rejects a top level that is not a mapping", () => {
    expect(configError("- policy\n- budget\n").problems[0]).toMatchObject({ path: "", line: 1, message: expect.stringContaining("the top level must be a mapping") });
    expect(configError("just text\n").message).toContain('got the value "just text"');
  });

  it("lists several problems at once", () => {
    const error = configError("policy:\n  max_filez: 3\nbudget:\n  calls_per_day: -1\nextra: 1\n");
    expect(error.problems.map((p) => p.path)).toEqual(["policy.max_filez", "budget.calls_per_day", "extra"]);
    expect(error.problems[1]!.message).toBe("must be ≥ 0, got the number -1");
  });
});

describe("loadConfig", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "prd-bot-config-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("returns defaults and found=false when the file is absent", async () => {
    const loaded = await loadConfig(root);
    expect(loaded).toMatchObject({ file: DEFAULT_CONFIG_PATH, found: false });
    expect(loaded.config.policy.max_files).toBe(5);
  });

  it("reads the default path and an explicit one", async () => {
    await mkdir(join(root, ".github"), { recursive: true });
    await writeFile(join(root, DEFAULT_CONFIG_PATH), "policy:\n  max_files: 4\n");
    await writeFile(join(root, "other.yml"), "paused: true\n");
    const loaded = await loadConfig(root);
    expect(loaded).toMatchObject({ file: DEFAULT_CONFIG_PATH, found: true });
    expect(loaded.config.policy.max_files).toBe(4);
    expect((await loadConfig(root, "other.yml")).config.paused).toBe(true);
  });

  it("names the file in errors, and reports a directory in place of the file", async () => {
    await writeFile(join(root, "bad.yml"), "polcy: {}\n");
    await expect(loadConfig(root, "bad.yml")).rejects.toThrow("bad.yml:1:1 `polcy`: unknown key (did you mean `policy`?)");
    await mkdir(join(root, "dir.yml"));
    await expect(loadConfig(root, "dir.yml")).rejects.toThrow("Invalid configuration in dir.yml: it is a directory, not a file");
  });
});
