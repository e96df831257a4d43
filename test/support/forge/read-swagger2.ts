// Turns a Swagger 2.0 document (Gitea's) into the operation list the test forge routes and validates with.
// Body and response schemas stay `$ref`s into the document registered in ajv under `id`; query and path
// parameters in Swagger 2.0 carry their type inline, so their small schemas are built here.
import type { ApiOperation, ApiParam, JsonSchema } from "./api-description.js";
import { pointerSegment } from "./api-description.js";

type Node = Record<string, unknown>;

const METHODS = ["get", "post", "put", "patch", "delete"];

// Gitea routes these with `*` (chi wildcard), so their values may contain "/": a file path, "main...feature/x",
// a head branch "feature/x". The Swagger file cannot say so.
const MULTI_SEGMENT = new Set(["filepath", "basehead", "head"]);

const SCHEMA_KEYS = ["type", "format", "items", "enum", "minimum", "maximum", "pattern", "minLength", "maxLength"];

export function readSwagger2Operations(document: Node, id: string): ApiOperation[] {
  const paths = (document.paths ?? {}) as Record<string, Node>;
  const operations: ApiOperation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Node | undefined;
      if (!operation) continue;
      const at = `/paths/${pointerSegment(template)}/${method}`;
      const params: ApiParam[] = [];
      let body: ApiOperation["body"];
      ((operation.parameters ?? []) as Node[]).forEach((param, index) => {
        if (param.in === "body") {
          body = { required: param.required === true, schema: { $ref: `${id}#${at}/parameters/${index}/schema` } };
        } else if (param.in === "path" || param.in === "query") {
          params.push(readParam(param));
        }
      });
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(operation.operationId ?? `${method} ${template}`),
        docsUrl: undefined,
        params,
        body,
        responses: readResponses(document, id, operation, at),
      });
    }
  }
  return operations;
}

function readParam(param: Node): ApiParam {
  const schema: JsonSchema = {};
  for (const key of SCHEMA_KEYS) if (param[key] !== undefined) schema[key] = param[key];
  const items = param.items as Node | undefined;
  return {
    name: String(param.name),
    in: param.in as "path" | "query",
    required: param.required === true,
    schema,
    multiSegment: param.in === "path" && MULTI_SEGMENT.has(String(param.name)),
    type: typeof param.type === "string" ? param.type : undefined,
    itemType: typeof items?.type === "string" ? items.type : undefined,
    csv: param.type === "array" && param.collectionFormat !== "multi",
  };
}

function readResponses(document: Node, id: string, operation: Node, at: string): Map<string, JsonSchema | undefined> {
  const responses = new Map<string, JsonSchema | undefined>();
  for (const [status, raw] of Object.entries((operation.responses ?? {}) as Record<string, Node>)) {
    let pointer = `${at}/responses/${status}`;
    let node = raw;
    const ref = raw.$ref;
    if (typeof ref === "string" && ref.startsWith("#/responses/")) {
      const name = ref.slice("#/responses/".length);
      node = ((document.responses ?? {}) as Record<string, Node>)[name] ?? {};
      pointer = `/responses/${pointerSegment(name)}`;
    }
    responses.set(status, node.schema ? { $ref: `${id}#${pointer}/schema` } : undefined);
  }
  return responses;
}
