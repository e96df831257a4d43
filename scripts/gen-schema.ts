// Writes the published JSON Schema of the config file from the zod schema.
//   npm run schema                      write schema/prd-bot.schema.json
//   npm run schema -- --check           exit 1 when the committed file differs from a fresh generation
//   npm run schema -- [--check] <path>  the same for another path (used by the tests)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { renderConfigJsonSchema, SCHEMA_FILE } from "../src/config/config-json-schema.js";

const args = process.argv.slice(2);
const check = args.includes("--check");
const unknown = args.filter((a) => a.startsWith("-") && a !== "--check");
if (unknown.length > 0) {
  console.error(`gen-schema: unknown option ${unknown.join(", ")}; usage: gen-schema.ts [--check] [path]`);
  process.exit(2);
}
const path = args.find((a) => !a.startsWith("-")) ?? SCHEMA_FILE;
const fresh = renderConfigJsonSchema();

if (check) {
  const committed = await readFile(path, "utf8").catch(() => undefined);
  if (committed !== fresh) {
    const why = committed === undefined ? "is missing" : "differs from the zod schema in src/config/schema.ts";
    console.error(`gen-schema: ${path} ${why}; run \`npm run schema\` and commit the result.`);
    process.exit(1);
  }
  console.log(`gen-schema: ${path} is up to date.`);
} else {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, fresh);
  console.log(`gen-schema: wrote ${path}.`);
}
