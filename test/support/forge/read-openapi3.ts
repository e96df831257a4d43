// Turns an OpenAPI 3.0 document (GitHub's) into the operation list the test forge routes and validates with.
// Schemas are not copied: each is a `$ref` into the document registered in ajv under `id`, so ajv compiles
// (and caches) only what a test actually touches.
import type { ApiOperation, ApiParam, JsonSchema } from "./api-description.js";
import { pointerSegment } from "./api-description.js";

type Node = Record<string, unknown>;

const METHODS = ["get", "post", "put", "patch", "delete"];

export function readOpenApi3Operations(document: Node, id: string): ApiOperation[] {
  const paths = (document.paths ?? {}) as Record<string, Node>;
  const operations: ApiOperation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Node | undefined;
      if (!operation) continue;
      const base = `/paths/${pointerSegment(template)}`;
      const params = [
        ...readParams(document, id, (item.parameters ?? []) as Node[], `${base}/parameters`),
        ...readParams(document, id, (operation.parameters ?? []) as Node[], `${base}/${method}/parameters`),
      ];
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(operation.operationId ?? `${method} ${template}`),
        docsUrl: (operation.externalDocs as Node | undefined)?.url as string | undefined,
        params,
        body: readBody(document, id, operation, `${base}/${method}`),
        responses: readResponses(document, id, operation, `${base}/${method}`),
      });
    }
  }
  return operations;
}

function resolve(document: Node, node: Node, pointer: string): { node: Node; pointer: string } {
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return { node, pointer };
  let target: unknown = document;
  for (const part of ref.slice(2).split("/")) {
    target = (target as Node | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  if (!target || typeof target !== "object") throw new Error(`API description: unresolvable $ref ${ref} at ${pointer}`);
  return resolve(document, target as Node, ref.slice(1));
}

function readParams(document: Node, id: string, list: Node[], pointer: string): ApiParam[] {
  const params: ApiParam[] = [];
  list.forEach((raw, index) => {
    const { node, pointer: at } = resolve(document, raw, `${pointer}/${index}`);
    if (node.in !== "path" && node.in !== "query") return;
    const schemaNode = (node.schema ?? {}) as Node;
    const resolvedSchema = resolve(document, schemaNode, `${at}/schema`).node;
    const items = resolvedSchema.items ? resolve(document, resolvedSchema.items as Node, `${at}/schema/items`).node : undefined;
    params.push({
      name: String(node.name),
      in: node.in,
      required: node.required === true,
      schema: { $ref: `${id}#${at}/schema` },
      multiSegment: node["x-multi-segment"] === true,
      type: typeof resolvedSchema.type === "string" ? resolvedSchema.type : undefined,
      itemType: typeof items?.type === "string" ? items.type : undefined,
      csv: node.explode === false,
    });
  });
  return params;
}

function jsonMediaType(content: Node | undefined): string | undefined {
  if (!content) return undefined;
  const types = Object.keys(content);
  return types.find((t) => t === "application/json") ?? types.find((t) => /[+/]json$/.test(t));
}

function readBody(document: Node, id: string, operation: Node, pointer: string): ApiOperation["body"] {
  if (!operation.requestBody) return undefined;
  const { node, pointer: at } = resolve(document, operation.requestBody as Node, `${pointer}/requestBody`);
  const content = node.content as Node | undefined;
  const type = jsonMediaType(content);
  // A body that is not JSON (uploads, raw markdown) is accepted as is: the adapters under test only send JSON.
  const schema: JsonSchema = type ? { $ref: `${id}#${at}/content/${pointerSegment(type)}/schema` } : {};
  return { required: node.required === true, schema };
}

function readResponses(document: Node, id: string, operation: Node, pointer: string): Map<string, JsonSchema | undefined> {
  const responses = new Map<string, JsonSchema | undefined>();
  for (const [status, raw] of Object.entries((operation.responses ?? {}) as Record<string, Node>)) {
    const { node, pointer: at } = resolve(document, raw, `${pointer}/responses/${status}`);
    const content = node.content as Node | undefined;
    const type = jsonMediaType(content);
    const hasSchema = type !== undefined && (content?.[type] as Node | undefined)?.schema !== undefined;
    responses.set(status, hasSchema ? { $ref: `${id}#${at}/content/${pointerSegment(type)}/schema` } : undefined);
  }
  return responses;
}
