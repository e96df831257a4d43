// The published JSON Schema of the config file, generated from the zod schema so that what editors
// check and what the loader accepts cannot drift apart. Written to schema/prd-bot.schema.json by
// scripts/gen-schema.ts; a test compares the committed file with a fresh generation.
import { z } from "zod";
import { configSchema } from "./schema.js";

/** Change this in one place when the repository's home is final. */
export const SCHEMA_ID = "https://raw.githubusercontent.com/prd-bot/prd-bot/main/schema/prd-bot.schema.json";

export const SCHEMA_FILE = "schema/prd-bot.schema.json";

/**
 * The input side of the schema (what a person writes): keys with defaults are optional and show the
 * default. Every object is closed (`additionalProperties: false`), as the loader rejects unknown keys.
 */
export function buildConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: "prd-bot configuration",
    description:
      "The prd-bot config file (.github/prd-bot.yml by default). Every key is optional; an empty file is valid. Add `# yaml-language-server: $schema=<this schema's URL>` at the top of the file for completion in editors.",
    ...rest,
  };
}

/** The exact text of the committed file: two-space JSON and a final newline. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`;
}
