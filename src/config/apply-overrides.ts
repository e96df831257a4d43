// CLI flags and Action inputs that override the config file. They go through the same zod schema,
// so `--tokens-per-day -5` fails with the same words as `tokens_per_day: -5` in the file.
import { ConfigError } from "./config-error.js";
import { describeIssues } from "./describe-issues.js";
import { configSchema } from "./schema.js";
import type { Config } from "./schema.js";

/**
 * Every field is optional; `undefined` and "" mean "not given". Action inputs arrive as strings
 * (@actions/core's getInput returns "" for a missing input), so numbers may be given as text.
 */
export interface ConfigOverrides {
  /** Replaces models.propose. A string may list several models separated by commas. */
  model?: string | readonly string[];
  test_command?: string;
  test_timeout_seconds?: number | string;
  calls_per_day?: number | string;
  tokens_per_day?: number | string;
}

/** Where each override lands in the config, so errors can name the flag that was given. */
const TARGETS: Record<keyof ConfigOverrides, readonly [string, string]> = {
  model: ["models", "propose"],
  test_command: ["test", "command"],
  test_timeout_seconds: ["test", "timeout_seconds"],
  calls_per_day: ["budget", "calls_per_day"],
  tokens_per_day: ["budget", "tokens_per_day"],
};

/**
 * Returns a new config with the given overrides applied and validated. Throws ConfigError naming
 * the override (e.g. `tokens_per_day`) and `source` when a value is invalid.
 */
export function applyOverrides(config: Config, overrides: Partial<ConfigOverrides>, source = "command-line flags / action inputs"): Config {
  const merged = structuredClone(config) as unknown as Record<string, Record<string, unknown>>;
  const given: (keyof ConfigOverrides)[] = [];
  for (const name of Object.keys(TARGETS) as (keyof ConfigOverrides)[]) {
    const value = normalize(name, overrides[name]);
    if (value === undefined) continue;
    const [section, key] = TARGETS[name];
    merged[section] = { ...merged[section], [key]: value };
    given.push(name);
  }
  if (given.length === 0) return config;

  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues, merged, configSchema).map((p) => {
    const name = given.find((n) => TARGETS[n].every((part, i) => p.keyPath[i] === part));
    // An override cannot break a key it did not touch; if one is reported, the config passed in was
    // not produced by parseConfig, which is worth saying plainly.
    const path = name ?? `${p.keyPath.join(".")} (not an override: was this config parsed with parseConfig?)`;
    const index = name === "model" && typeof p.keyPath[2] === "number" ? ` (model ${p.keyPath[2] + 1})` : "";
    return { path: `${path}${index}`, message: p.message, ...(p.hint === undefined ? {} : { hint: p.hint }) };
  });
  throw new ConfigError(source, problems);
}

function normalize(name: keyof ConfigOverrides, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  if (name === "model") {
    const list = typeof value === "string" ? value.split(",") : (value as readonly string[]);
    const models = list.map((m) => m.trim()).filter((m) => m !== "");
    return models.length === 0 ? undefined : models;
  }
  if (name === "test_command") return typeof value === "string" ? value.trim() : value;
  // Text that is a plain number becomes one; anything else is passed on for the schema to reject
  // with "expected a whole number, got the string …".
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return value;
}
