// Validates one request (path parameters, query, JSON body) and one handler answer against an operation of
// the published description. Validators are compiled on first use and cached per operation, because compiling
// all of GitHub's ~1,000 operations up front would take many seconds.
import type { ValidateFunction } from "ajv";
import type { ApiDescription, ApiOperation, ApiParam, JsonSchema } from "./api-description.js";
import type { RouteMatch } from "./route-table.js";

export interface RequestBody {
  /** Raw text as received ("" when none). */
  raw: string;
  contentType: string | undefined;
}

// Auth and impersonation parameters that Gitea accepts on every route (securityDefinitions), not per operation.
const GLOBAL_QUERY = new Set(["access_token", "token", "sudo"]);

export class RequestValidator {
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Milliseconds spent compiling validators so far (for measurements). */
  compileMs = 0;

  constructor(private readonly description: ApiDescription) {}

  /** Problems found in the request, each a sentence naming the part; [] when valid. Also returns the parsed body. */
  validateRequest(match: RouteMatch, query: URLSearchParams, body: RequestBody): { problems: string[]; json: unknown } {
    const { operation } = match;
    const problems: string[] = [];
    const pathValues: Record<string, unknown> = {};
    for (const param of operation.params.filter((p) => p.in === "path")) {
      const value = match.params[param.name];
      if (value !== undefined) pathValues[param.name] = coerce(param, [value]);
    }
    problems.push(...this.check(operation, "path", paramSchema(operation.params, "path"), pathValues));

    const queryValues: Record<string, unknown> = {};
    const known = new Set(operation.params.filter((p) => p.in === "query").map((p) => p.name));
    for (const name of new Set(query.keys())) {
      const param = operation.params.find((p) => p.in === "query" && p.name === name);
      if (param) {
        const values = query.getAll(name);
        if (param.type !== "array" && values.length > 1) problems.push(`query parameter "${name}" is given ${values.length} times`);
        queryValues[name] = coerce(param, values);
      } else if (!(this.description.name === "gitea" && GLOBAL_QUERY.has(name))) {
        const list = [...known].join(", ") || "none";
        problems.push(`query parameter "${name}" is not in the description (known: ${list})`);
      }
    }
    problems.push(...this.check(operation, "query", paramSchema(operation.params, "query"), queryValues));

    let json: unknown;
    const present = body.raw.trim() !== "";
    if (!operation.body) {
      if (present) problems.push("the operation takes no request body, but one was sent");
    } else if (!present) {
      if (operation.body.required) problems.push("the request body is required but none was sent");
    } else if (Object.keys(operation.body.schema).length > 0) {
      if (!/json/i.test(body.contentType ?? "")) {
        problems.push(`the request body must be JSON; content-type was ${body.contentType ?? "missing"}`);
      }
      try {
        json = JSON.parse(body.raw);
        problems.push(...this.check(operation, "body", operation.body.schema, json));
      } catch (error) {
        problems.push(`the request body is not valid JSON: ${(error as Error).message}`);
      }
    }
    return { problems, json };
  }

  /**
   * Problems with a handler's answer: an undocumented success status, or a body of the wrong shape. A string
   * body with a non-JSON content-type (raw file contents, a diff) is not checked; a string without one is
   * checked as a JSON string value (Gitea documents `.diff` answers as `type: string`).
   */
  validateResponse(operation: ApiOperation, status: number, body: unknown, contentType?: string): string[] {
    const key = String(status);
    const success = status >= 200 && status < 300;
    if (!operation.responses.has(key)) {
      if (!success || operation.responses.has("default")) return [];
      const documented = [...operation.responses.keys()].join(", ");
      return [`the handler answered ${status}, but the description documents only ${documented}`];
    }
    const schema = operation.responses.get(key);
    if (!schema) {
      return status === 204 && body !== undefined && body !== "" ? ["a 204 answer must have no body"] : [];
    }
    if (body === undefined || body === "") {
      return success ? [`the description documents a body for ${status}, but the handler sent none`] : [];
    }
    if (typeof body === "string" && contentType !== undefined && !/json/i.test(contentType)) return [];
    return this.check(operation, `response ${status}`, schema, body);
  }

  private check(operation: ApiOperation, part: string, schema: JsonSchema, value: unknown): string[] {
    const validate = this.validator(`${operation.method} ${operation.template} ${part}`, schema);
    if (validate(value)) return [];
    const dataVar = part.startsWith("response") ? "response" : part;
    return [this.description.ajv.errorsText(validate.errors, { dataVar })];
  }

  private validator(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      const started = performance.now();
      validate = this.description.ajv.compile(schema);
      this.compileMs += performance.now() - started;
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function paramSchema(params: ApiParam[], place: "path" | "query"): JsonSchema {
  const selected = params.filter((p) => p.in === place);
  return {
    type: "object",
    properties: Object.fromEntries(selected.map((p) => [p.name, p.schema])),
    required: selected.filter((p) => p.required).map((p) => p.name),
  };
}

/** Query and path values arrive as strings; turn them into what the schema describes so types can be checked. */
function coerce(param: ApiParam, values: string[]): unknown {
  if (param.type === "array") {
    const flat = param.csv ? values.flatMap((v) => v.split(",")) : values;
    return flat.map((v) => scalar(param.itemType, v));
  }
  return scalar(param.type, values[values.length - 1] ?? "");
}

function scalar(type: string | undefined, value: string): unknown {
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}
