import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderConfigJsonSchema, SCHEMA_FILE, SCHEMA_ID } from "../../src/config/config-json-schema.js";
import { parseConfig } from "../../src/config/load-config.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

const FULL_EXAMPLE = `
prd:
  path: docs/PRD.md
  tag: "[bot-eligible]"
test:
  command: npm test
  timeout_seconds: 300
budget:
  calls_per_day: 10
  tokens_per_day: 50000
policy:
  max_files: 4
  max_changed_lines: 150
  max_file_bytes: 100000
  require_test: true
  max_attempts: 2
  give_up_after_failures: 3
  open_pr: true
paths:
  protected: [".git/**", "docs/PRD.md"]
  extra_protected: ["vendor/**"]
context:
  max_tokens: 8000
  max_files: 6
pause_file: .github/prd-bot.paused
paused: false
state:
  branch: prd-bot/state
  dir: .prd-bot
models:
  providers:
    ollama:
      base_url: http://localhost:11434/v1
      structured_output: json_schema
      timeout_seconds: 300
    openrouter:
      base_url: https://openrouter.ai/api/v1
      api_key_env: OPENROUTER_API_KEY
  propose: [ollama/qwen2.5-coder:7b, openrouter/meta-llama/llama-3.1-8b-instruct]
  max_output_tokens: 4000
  temperature: 0.1
`;

describe("schema/prd-bot.schema.json", () => {
  let committed: Record<string, unknown>;
  let validate: ReturnType<Ajv2020["compile"]>;
  let tmp: string;

  beforeAll(async () => {
    const text = await readFile(join(ROOT, SCHEMA_FILE), "utf8");
    expect(text).toBe(renderConfigJsonSchema());
    committed = JSON.parse(text) as Record<string, unknown>;
    const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
    validate = ajv.compile(committed);
    tmp = await mkdtemp(join(tmpdir(), "prd-bot-schema-"));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("is the committed output of a fresh generation, with id, title and a closed top level", () => {
    expect(committed).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: SCHEMA_ID, title: "prd-bot configuration", additionalProperties: false });
    const policy = (committed.properties as Record<string, Record<string, unknown>>).policy!;
    expect(policy.additionalProperties).toBe(false);
    // Input side: nothing is required, so an empty file validates.
    expect(committed.required).toBeUndefined();
  });

  it("accepts what the loader accepts: a full example and an empty file", () => {
    const example = parse(FULL_EXAMPLE) as unknown;
    expect(() => parseConfig(FULL_EXAMPLE, "example.yml")).not.toThrow();
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({})).toBe(true);
  });

  it("rejects what the loader rejects: unknown keys, wrong types, bad enum values", () => {
    const cases: [string, unknown][] = [
      ["policy:\n  max_filez: 3\n", { policy: { max_filez: 3 } }],
      ["surprise: 1\n", { surprise: 1 }],
      ["budget:\n  calls_per_day: ten\n", { budget: { calls_per_day: "ten" } }],
      ["models:\n  providers:\n    x:\n      base_url: http://h/v1\n      structured_output: maybe\n", { models: { providers: { x: { base_url: "http://h/v1", structured_output: "maybe" } } } }],
      ["models:\n  providers:\n    x:\n      base_url: not a url\n", { models: { providers: { x: { base_url: "not a url" } } } }],
    ];
    for (const [yaml, value] of cases) {
      expect(() => parseConfig(yaml, "c.yml"), yaml).toThrow();
      expect(validate(value), yaml).toBe(false);
    }
    validate({ policy: { max_filez: 3 } });
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/policy", keyword: "additionalProperties", params: { additionalProperty: "max_filez" } });
  });

  it("gen-schema --check exits 0 on the committed file and 1 on a stale one; without --check it writes", async () => {
    const script = ["--import", "tsx", "scripts/gen-schema.ts"];
    const ok = await run(process.execPath, [...script, "--check"], { cwd: ROOT });
    expect(ok.stdout).toContain("is up to date");

    const stale = join(tmp, "stale.json");
    await writeFile(stale, renderConfigJsonSchema().replace('"default": 5', '"default": 6'));
    const failed = await run(process.execPath, [...script, "--check", stale], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("run `npm run schema`");

    await run(process.execPath, [...script, stale], { cwd: ROOT });
    expect(await readFile(stale, "utf8")).toBe(renderConfigJsonSchema());
  });
});
