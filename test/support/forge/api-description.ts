// The published API descriptions the test forges validate against, loaded once per process and lazily:
// GitHub's OpenAPI 3.0 description (13 MB, from @octokit/openapi) and Gitea 1.22's Swagger 2.0 description.
// Each is added whole to one ajv instance under an id, so `$ref`s into `#/components/...` or
// `#/definitions/...` resolve; per-operation validators are compiled on first use (request-validator.ts).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { readOpenApi3Operations } from "./read-openapi3.js";
import { readSwagger2Operations } from "./read-swagger2.js";

export type ApiName = "github" | "gitea";

/** A JSON Schema as ajv takes it: usually `{ $ref: "github#/pointer" }` into the loaded document. */
export type JsonSchema = Record<string, unknown>;

export interface ApiParam {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
  /** The value may contain "/" (GitHub marks these `x-multi-segment`; Gitea routes them with `*`). */
  multiSegment: boolean;
  /** Primitive type used to turn the query/path string into a value before validation. */
  type: string | undefined;
  itemType: string | undefined;
  /** Arrays come as `a,b` (csv) rather than as repeated keys (`?x=a&x=b`). */
  csv: boolean;
}

export interface ApiOperation {
  method: string;
  /** Path template as in the description, without a base path: `/repos/{owner}/{repo}/pulls`. */
  template: string;
  operationId: string;
  docsUrl: string | undefined;
  params: ApiParam[];
  body: { required: boolean; schema: JsonSchema } | undefined;
  /** Status code (or "default") → JSON schema of the body, or undefined when none is documented. */
  responses: Map<string, JsonSchema | undefined>;
  /** Set for operations written locally because the description lacks them (see gitea-dispatch-schema.ts). */
  localNote?: string;
}

export interface ApiDescription {
  name: ApiName;
  /** Path prefix of the API on the server: "" for GitHub, "/api/v1" for Gitea (Swagger `basePath`). */
  basePath: string;
  operations: ApiOperation[];
  /** The parsed document, for its examples. */
  document: Record<string, unknown>;
  ajv: Ajv;
  /** Milliseconds spent reading, parsing and registering the document. */
  loadMs: number;
}

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule.default;

export const GITEA_DESCRIPTION_PATH = fileURLToPath(new URL("../../fixtures/gitea/swagger.v1.22.json", import.meta.url));

export function githubDescriptionPath(): string {
  return require.resolve("@octokit/openapi/generated/api.github.com.json");
}

const cache = new Map<ApiName, Promise<ApiDescription>>();

/** The description for `name`, parsed on the first call and shared by every server of this process. */
export function loadApiDescription(name: ApiName): Promise<ApiDescription> {
  let loading = cache.get(name);
  if (!loading) {
    loading = load(name);
    // A failed load is not cached, so a fixed file can be retried.
    loading.catch(() => cache.delete(name));
    cache.set(name, loading);
  }
  return loading;
}

async function load(name: ApiName): Promise<ApiDescription> {
  const started = performance.now();
  const file = name === "github" ? githubDescriptionPath() : GITEA_DESCRIPTION_PATH;
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `cannot read the ${name} API description at ${file}: ${(error as Error).message}. ` +
        (name === "github" ? "Is the devDependency @octokit/openapi installed?" : "The file ships in test/fixtures/gitea."),
      { cause: error },
    );
  }
  // ajv walks every key of a document it registers: leave out the parts that hold no schema a request or
  // answer is checked against (examples: 1.4 MB, webhooks: 0.6 MB), which saves a third of the start-up.
  const schemas = name === "github" ? withoutExamplesAndWebhooks(document) : document;
  if (name === "github") rewriteNullable(schemas);
  // strict: false because the descriptions carry OpenAPI/Swagger keywords (example, x-github, discriminator...)
  // that are not JSON Schema; unknown formats (e.g. "repo.nwo") are ignored rather than fatal.
  // inlineRefs: false compiles each referenced schema (simple-user, repository...) once and reuses it, and
  // unoptimized code generation compiles faster: together they cut compiling a pull-request schema ~5x.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, inlineRefs: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addSchema(schemas, name);
  const operations = name === "github" ? readOpenApi3Operations(document, name) : readSwagger2Operations(document, name);
  const basePath = name === "github" ? "" : String(document.basePath ?? "");
  return { name, basePath, operations, document, ajv, loadMs: performance.now() - started };
}

/**
 * OpenAPI 3.0's `nullable: true` next to `type` is understood by ajv, but GitHub's description also puts it on
 * schemas without `type` (`{ nullable: true, allOf: [...] }`), which ajv refuses to compile. Those become
 * `{ anyOf: [{ type: "null" }, <the schema>] }` in place, so JSON pointers into the document stay valid.
 * Both keep the meaning OpenAPI 3.0 gives `nullable`; ajv's own support covers only the plain case.
 */
export function rewriteNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteNullable(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) rewriteNullable(value);
  // ajv lets `nullable` add null to `type` but not to `enum`: `{ type: "string", enum: [...], nullable: true }`
  // would still refuse null (check-run `conclusion`).
  if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) record.enum = [...record.enum, null];
  if (record.nullable === true && record.type === undefined) {
    const rest = { ...record };
    delete rest.nullable;
    for (const key of Object.keys(record)) delete record[key];
    record.anyOf = [{ type: "null" }, rest];
  }
}

function withoutExamplesAndWebhooks(document: Record<string, unknown>): Record<string, unknown> {
  const components = { ...(document.components as Record<string, unknown> | undefined) };
  delete components.examples;
  const slim: Record<string, unknown> = { ...document, components };
  delete slim["x-webhooks"];
  return slim;
}

/** Escape one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
