// The HTTP server behind both test forges: routes each API request to an operation of the published
// description, validates it, checks the token, consumes injected faults, runs the test's handler and validates
// its answer. Anything that would not work against the real forge lands in `violations`; valid requests that no
// test expected land in `unexpected`. `/<owner>/<repo>.git/*` is served by `git http-backend`.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ForgeKind } from "../../../src/ports/forge.js";
import type { ApiDescription, ApiOperation } from "./api-description.js";
import type { GitRepoRoute } from "./git-http-backend.js";
import { createRejectHook, runGitHttpBackend } from "./git-http-backend.js";
import type { Fault, ForgeHandler, ForgeReply, ForgeServer, ForgeServerOptions, RecordedRequest, Violation } from "./forge-types.js";
import { RequestValidator } from "./request-validator.js";
import { RouteTable } from "./route-table.js";

export interface ForgeFlavor {
  kind: ForgeKind;
  description: ApiDescription;
  /** Operations the description lacks but this server should serve (validated with local schemas). */
  extraOperations?: ApiOperation[];
  /** Appended to the message for a path that matches no operation. */
  unknownRouteHint?: (method: string, path: string) => string | undefined;
  /** Username git must send with the token; undefined accepts any (Gitea). */
  gitUser: string | undefined;
  unauthorizedBody: unknown;
}

export async function startForgeServer(flavor: ForgeFlavor, options: ForgeServerOptions = {}): Promise<ForgeServer> {
  const { description } = flavor;
  const token = options.token ?? `test-token-${randomBytes(12).toString("hex")}`;
  const violationStatus = options.violationStatus ?? 599;
  const validateResponses = options.validateResponses ?? true;
  const table = new RouteTable([...description.operations, ...(flavor.extraOperations ?? [])]);
  const validator = new RequestValidator(description);
  const handlers = new Map<string, ForgeHandler>();
  const faults = new Map<string, Fault[]>();
  const gitRoutes = new Map<string, GitRepoRoute>();
  let hook: Promise<{ hooksPath: string; cleanup: () => Promise<void> }> | undefined;
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const unexpected: RecordedRequest[] = [];
  const gitRequests: ForgeServer["gitRequests"] = [];

  const operationKey = (method: string, template: string, caller: string): string => {
    const operation = table.findTemplate(method, template);
    if (!operation) {
      const similar = table.similar(method, template);
      throw new Error(
        `${caller}("${method}", "${template}"): no such operation in the ${description.name} API description. ` +
          (similar.length ? `Similar ${method.toUpperCase()} templates: ${similar.join(", ")}` : "Check the method and path."),
      );
    }
    return `${operation.method} ${operation.template}`;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`test forge failure: ${(error as Error).message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const git = /^\/([^/]+)\/([^/]+)\.git(\/.*)?$/.exec(url.pathname);
    if (git) return serveGitRequest(req, res, url, git[1] as string, git[2] as string, git[3] ?? "/");

    const raw = await readBody(req);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      template: undefined,
      operationId: undefined,
      params: {},
      query: queryObject(url.searchParams),
      body: undefined,
      status: 0,
      authorized: false,
    };
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      requests.push(record);
      send(res, status, body, headers);
    };
    const violation = (v: Omit<Violation, "method" | "path">) => {
      violations.push({ method, path: url.pathname, ...v });
      reply(violationStatus, { message: `prd-bot test forge: ${v.message}` });
    };

    const apiPath = url.pathname.startsWith(description.basePath) ? url.pathname.slice(description.basePath.length) : undefined;
    let segments: string[] | undefined;
    try {
      segments = apiPath?.split("/").slice(1).map((s) => decodeURIComponent(s));
    } catch {
      segments = undefined;
    }
    const match = segments && table.match(method, segments);
    if (!match || apiPath === undefined) {
      const where = description.basePath ? ` under ${description.basePath}` : "";
      const hint = flavor.unknownRouteHint?.(method, apiPath ?? url.pathname);
      return violation({
        kind: "unknown-route",
        message: `${method} ${url.pathname} matches no operation of the ${description.name} API description${where}${hint ? `; ${hint}` : ""}`,
      });
    }
    const { operation } = match;
    const name = `${operation.method} ${operation.template} (${operation.operationId})`;
    Object.assign(record, { path: apiPath, template: operation.template, operationId: operation.operationId, params: match.params });
    const { problems, json } = validator.validateRequest(match, url.searchParams, { raw, contentType: req.headers["content-type"] });
    record.body = json ?? (raw === "" ? undefined : raw);
    if (problems.length) return violation({ kind: "invalid-request", operation: name, message: `${name}: ${problems.join("; ")}` });

    record.authorized = apiTokenOf(req) === token;
    if (!record.authorized) return reply(401, flavor.unauthorizedBody);

    const key = `${operation.method} ${operation.template}`;
    const fault = faults.get(key)?.shift();
    if (fault) return reply(fault.status, fault.body ?? { message: `injected fault ${fault.status}` }, fault.headers);

    const handler = handlers.get(key);
    if (!handler) {
      unexpected.push(record);
      return reply(500, { message: `prd-bot test forge: nobody expected this request: ${name}` });
    }
    let answer: ForgeReply;
    try {
      const headers = { ...req.headers };
      delete headers.authorization;
      answer = await handler({ method, path: apiPath, template: operation.template, operationId: operation.operationId, params: match.params, query: url.searchParams, headers, body: json });
    } catch (error) {
      return violation({ kind: "handler-error", operation: name, message: `${name}: the test's handler threw: ${(error as Error).message}` });
    }
    if (validateResponses) {
      const contentType = Object.entries(answer.headers ?? {}).find(([k]) => k.toLowerCase() === "content-type")?.[1];
      const wrong = validator.validateResponse(operation, answer.status, answer.body, contentType);
      if (wrong.length) return violation({ kind: "invalid-response", operation: name, message: `${name}: ${wrong.join("; ")}` });
    }
    reply(answer.status, answer.body, answer.headers);
  }

  async function serveGitRequest(req: IncomingMessage, res: ServerResponse, url: URL, owner: string, repo: string, pathInfo: string) {
    const service = url.searchParams.get("service") ?? /\/(git-[a-z-]+)$/.exec(pathInfo)?.[1];
    const record = { method: req.method ?? "GET", path: url.pathname, service, status: 0 };
    gitRequests.push(record);
    const credentials = basicCredentials(req);
    if (!credentials || credentials.password !== token || (flavor.gitUser !== undefined && credentials.user !== flavor.gitUser)) {
      req.resume();
      record.status = 401;
      const who = flavor.gitUser ? `user "${flavor.gitUser}" and ` : "";
      send(res, 401, `prd-bot test forge: git over HTTP needs basic auth with ${who}the token as password\n`, {
        "www-authenticate": 'Basic realm="prd-bot test forge"',
      });
      return;
    }
    const route = gitRoutes.get(`${owner}/${repo}`);
    if (!route) {
      req.resume();
      record.status = 404;
      send(res, 404, `prd-bot test forge: no repository ${owner}/${repo} is served; call serveGit() or withRepo()\n`);
      return;
    }
    let hooksPath: string | undefined;
    if (route.rejectPushesTo?.length) {
      hook ??= createRejectHook();
      hooksPath = (await hook).hooksPath;
    }
    record.status = await runGitHttpBackend(req, res, { route, pathInfo, query: url.search.slice(1), remoteUser: credentials.user, hooksPath });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    kind: flavor.kind,
    url,
    apiUrl: url + description.basePath,
    token,
    requests,
    violations,
    unexpected,
    gitRequests,
    on(method, template, handler) {
      handlers.set(operationKey(method, template, "on"), handler);
    },
    fail(method, template, list) {
      const key = operationKey(method, template, "fail");
      faults.set(key, [...(faults.get(key) ?? []), ...list]);
    },
    serveGit(owner, repo, route) {
      gitRoutes.set(`${owner}/${repo}`, route);
    },
    gitUrl: (owner, repo) => `${url}/${owner}/${repo}.git`,
    authenticatedGitUrl(owner, repo) {
      const user = encodeURIComponent(flavor.gitUser ?? "prd-bot");
      return `http://${user}:${encodeURIComponent(token)}@${url.slice("http://".length)}/${owner}/${repo}.git`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (hook) await (await hook).cleanup();
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (body === undefined || body === "") {
    res.writeHead(status, lower).end();
  } else if (typeof body === "string") {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...lower }).end(body);
  } else {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...lower }).end(JSON.stringify(body));
  }
}

// Gitea still accepts tokens in the query (deprecated); they are never stored.
const SECRET_QUERY = new Set(["access_token", "token"]);

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = SECRET_QUERY.has(key) ? ["[redacted]"] : params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** `Authorization: token X` or `Bearer X` (GitHub and Gitea accept both). */
function apiTokenOf(req: IncomingMessage): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}

function basicCredentials(req: IncomingMessage): { user: string; password: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
