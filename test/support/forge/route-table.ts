// Finds the operation of a request by method and path template. Literal segments beat templated ones
// (`/pulls/comments` is not pull number "comments"), and a multi-segment parameter (a file path, a branch with
// "/") only spans several segments when nothing matches segment for segment.
import type { ApiOperation } from "./api-description.js";

type Segment =
  | { kind: "literal"; text: string }
  | { kind: "param"; name: string; multi: boolean }
  | { kind: "mixed"; regex: RegExp; names: string[] };

interface Route {
  operation: ApiOperation;
  segments: Segment[];
}

export interface RouteMatch {
  operation: ApiOperation;
  /** Decoded path parameters by the description's names. */
  params: Record<string, string>;
}

export class RouteTable {
  private readonly byMethod = new Map<string, Route[]>();
  private readonly byShape = new Map<string, ApiOperation>();

  constructor(operations: ApiOperation[]) {
    for (const operation of operations) this.add(operation);
  }

  add(operation: ApiOperation): void {
    const multi = new Set(operation.params.filter((p) => p.multiSegment).map((p) => p.name));
    const segments = splitTemplate(operation.template).map((text) => compileSegment(text, multi));
    const routes = this.byMethod.get(operation.method) ?? [];
    routes.push({ operation, segments });
    this.byMethod.set(operation.method, routes);
    this.byShape.set(`${operation.method} ${shape(operation.template)}`, operation);
  }

  /** The operation for `method` whose template has the same shape (parameter names may differ). */
  findTemplate(method: string, template: string): ApiOperation | undefined {
    return this.byShape.get(`${method.toUpperCase()} ${shape(template)}`);
  }

  /** The templates of `method` closest to `template` (longest common prefix, then length), to suggest in errors. */
  similar(method: string, template: string): string[] {
    const wanted = shape(template);
    const common = (t: string) => {
      const other = shape(t);
      let i = 0;
      while (i < wanted.length && wanted[i] === other[i]) i++;
      return i;
    };
    return (this.byMethod.get(method.toUpperCase()) ?? [])
      .map((r) => r.operation.template)
      .sort((a, b) => common(b) - common(a) || Math.abs(a.length - template.length) - Math.abs(b.length - template.length))
      .slice(0, 5);
  }

  /** `segments` are the request path's segments, already percent-decoded. */
  match(method: string, segments: string[]): RouteMatch | undefined {
    let best: { match: RouteMatch; score: number[] } | undefined;
    for (const route of this.byMethod.get(method.toUpperCase()) ?? []) {
      const found = matchSegments(route.segments, segments, 0, 0, {}, []);
      if (found && (!best || compareScores(found.score, best.score) > 0)) {
        best = { match: { operation: route.operation, params: found.params }, score: found.score };
      }
    }
    return best?.match;
  }
}

function splitTemplate(template: string): string[] {
  return template.split("/").filter((s, i) => i > 0 || s !== "");
}

function shape(template: string): string {
  return template.replace(/\{[^}]+\}/g, "{}");
}

function compileSegment(text: string, multi: Set<string>): Segment {
  const whole = /^\{([^}]+)\}$/.exec(text);
  if (whole) return { kind: "param", name: whole[1] as string, multi: multi.has(whole[1] as string) };
  if (!text.includes("{")) return { kind: "literal", text };
  // e.g. Gitea's "{index}.{diffType}"
  const names: string[] = [];
  const source = text.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, literal: string | undefined) => {
    if (name) {
      names.push(name);
      return "(.+?)";
    }
    return (literal ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return { kind: "mixed", regex: new RegExp(`^${source}$`), names };
}

const SCORE = { literal: 3, mixed: 2, param: 1, spanning: 0 };

function matchSegments(
  template: Segment[],
  path: string[],
  ti: number,
  pi: number,
  params: Record<string, string>,
  score: number[],
): { params: Record<string, string>; score: number[] } | undefined {
  if (ti === template.length) return pi === path.length ? { params, score } : undefined;
  if (pi >= path.length) return undefined;
  const segment = template[ti] as Segment;
  const value = path[pi] as string;
  if (segment.kind === "literal") {
    return segment.text === value ? matchSegments(template, path, ti + 1, pi + 1, params, [...score, SCORE.literal]) : undefined;
  }
  if (segment.kind === "mixed") {
    const m = segment.regex.exec(value);
    if (!m) return undefined;
    const next = { ...params };
    segment.names.forEach((name, i) => (next[name] = m[i + 1] as string));
    return matchSegments(template, path, ti + 1, pi + 1, next, [...score, SCORE.mixed]);
  }
  if (value === "") return undefined;
  const single = matchSegments(template, path, ti + 1, pi + 1, { ...params, [segment.name]: value }, [...score, SCORE.param]);
  if (single || !segment.multi) return single;
  const remaining = template.length - ti - 1;
  for (let end = pi + 2; end <= path.length - remaining; end++) {
    const joined = path.slice(pi, end).join("/");
    const found = matchSegments(template, path, ti + 1, end, { ...params, [segment.name]: joined }, [...score, SCORE.spanning]);
    if (found) return found;
  }
  return undefined;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return a.length - b.length;
}
