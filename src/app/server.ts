// The app's HTTP server: GitHub deliveries at WEBHOOK_PATH (through Probot), Gitea deliveries at
// /gitea/webhook, and /ping for health checks. Both webhook routes share one front door (receive-delivery.ts),
// one replay guard and one dispatcher, so a repository's work is ordered whichever forge it lives on.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Probot } from "probot";
import type { Logger } from "../jobs/logger.js";
import { DEFAULT_GITEA_WEBHOOK_PATH, DEFAULT_GITHUB_WEBHOOK_PATH } from "./defaults.js";
import type { Forge, RepoRef } from "../ports/forge.js";
import type { DeliveryDedupOptions } from "./delivery-dedup.js";
import { createDeliveryDedup } from "./delivery-dedup.js";
import type { Dispatcher, DispatcherOptions } from "./dispatcher.js";
import { createDispatcher } from "./dispatcher.js";
import { createGiteaReceiver } from "./gitea-receiver.js";
import type { GitHubAppOptions } from "./github-receiver.js";
import { createGitHubReceiver } from "./github-receiver.js";
import type { Answer, ReceiveOptions } from "./receive-delivery.js";
import { receiveDelivery } from "./receive-delivery.js";


export interface GiteaAppOptions {
  /** GITEA_WEBHOOK_SECRET. Secret: never logged. */
  secret: string;
  /** The Forge of a repository on this Gitea (the Gitea adapter with GITEA_URL and GITEA_TOKEN). */
  giteaForge(repo: RepoRef): Forge;
  webhookPath?: string;
}

export interface AppServerOptions {
  log: Logger;
  /** Default 127.0.0.1; "0.0.0.0" to listen on every interface. */
  host?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  github?: GitHubAppOptions & { webhookPath?: string };
  gitea?: GiteaAppOptions;
  dispatcher?: Omit<DispatcherOptions, "log" | "onWorkFailed">;
  dedup?: DeliveryDedupOptions;
  /** Largest body accepted (default 25 MiB, GitHub's cap on payloads). */
  maxBodyBytes?: number;
}

export interface AppServer {
  readonly url: string;
  readonly port: number;
  readonly dispatcher: Dispatcher;
  readonly probot: Probot | undefined;
  /** Resolves when all accepted work is done. */
  idle(): Promise<void>;
  /**
   * Stops taking deliveries (503), drops the waiting ones, waits up to `drainMs` (default 10 s) for the
   * running ones, releases the ids of everything unfinished (a redelivery is accepted), then closes.
   */
  close(drainMs?: number): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const { log } = options;
  if (!options.github && !options.gitea) throw new Error("the app needs GitHub (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET) or Gitea (GITEA_URL, GITEA_TOKEN, GITEA_WEBHOOK_SECRET) settings");
  const dedup = createDeliveryDedup(options.dedup);
  // Answering comes first: while deliveries are arriving, their follow-up work runs one repository at a time,
  // and catches up (4 at a time) once the door is quiet. Each delivery costs the answer ~1 ms of CPU but its
  // forge calls several, so at full speed the follow-up work would slow the answers down (bench/app.ts).
  let arriving = 0;
  const maxConcurrentEvents = options.dispatcher?.maxConcurrentEvents ?? (() => (arriving > 0 ? 1 : 4));
  const dispatcher = createDispatcher({ ...options.dispatcher, maxConcurrentEvents, log, onWorkFailed: (id) => dedup.forget(id) });
  const maxBodyBytes = options.maxBodyBytes ?? 25 * 1024 * 1024;

  const routes = new Map<string, ReceiveOptions>();
  let probot: Probot | undefined;
  if (options.github) {
    // In-process jobs clone and push over git, which needs the installation's token next to Probot's client.
    const receiver = await createGitHubReceiver({ gitToken: options.dispatcher?.mode === "in-process", ...options.github }, dispatcher);
    probot = receiver.probot;
    routes.set(options.github.webhookPath ?? DEFAULT_GITHUB_WEBHOOK_PATH, { kind: "github", secret: options.github.secret, dedup, log, handle: receiver.handle });
  }
  if (options.gitea) {
    const handle = createGiteaReceiver({ giteaForge: options.gitea.giteaForge }, dispatcher);
    routes.set(options.gitea.webhookPath ?? DEFAULT_GITEA_WEBHOOK_PATH, { kind: "gitea", secret: options.gitea.secret, dedup, log, handle });
  }
  for (const [path, route] of routes) if (route.secret === "") throw new Error(`the ${route.kind} webhook at ${path} has an empty secret; set ${route.kind === "github" ? "WEBHOOK_SECRET" : "GITEA_WEBHOOK_SECRET"}`);

  let closing = false;
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log.warn(`request ${req.method} ${req.url} failed: ${(error as Error).message}`);
      if (!res.headersSent) send(res, { status: 500, body: { ok: false, result: "error", reason: "internal error; see the app's log" } });
      else res.end();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://app").pathname.replace(/\/+$/, "") || "/";
    if (path === "/ping" || path === "/healthz") {
      req.resume();
      return send(res, { status: closing ? 503 : 200, body: { ok: !closing, result: closing ? "closing" : "pong", reason: `${dispatcher.pending} deliveries in progress` } });
    }
    const route = routes.get(path);
    if (!route) {
      req.resume();
      const known = [...routes.keys()].join(", ");
      const hint = path === DEFAULT_GITEA_WEBHOOK_PATH ? "Gitea is not configured here: set GITEA_URL, GITEA_TOKEN and GITEA_WEBHOOK_SECRET" : `webhooks are received at ${known}`;
      return send(res, { status: 404, body: { ok: false, result: "not-found", reason: `nothing at ${path}; ${hint}` } });
    }
    if (req.method !== "POST") {
      req.resume();
      return send(res, { status: 405, body: { ok: false, result: "method-not-allowed", reason: `${path} takes POST webhook deliveries` } }, { allow: "POST" });
    }
    if (closing) {
      req.resume();
      return send(res, { status: 503, body: { ok: false, result: "closing", reason: "prd-bot is shutting down; redeliver later" } });
    }
    const type = req.headers["content-type"] ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      req.resume();
      return send(res, { status: 415, body: { ok: false, result: "unsupported-media-type", reason: `the body must be application/json (got "${type || "no content type"}"): set the webhook's content type to application/json` } });
    }
    arriving += 1;
    res.once("close", () => {
      arriving -= 1;
      if (arriving === 0) dispatcher.wake();
    });
    const body = await readBody(req, maxBodyBytes);
    if (body === undefined) {
      // Stop reading the rest: answer, then drop the connection.
      res.on("finish", () => req.socket.destroy());
      return send(res, { status: 413, body: { ok: false, result: "too-large", reason: `the body is larger than ${maxBodyBytes} bytes` } }, { connection: "close" });
    }
    send(res, await receiveDelivery(route, req.headers, body));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    dispatcher,
    probot,
    idle: () => dispatcher.idle(),
    async close(drainMs = 10_000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Waiting deliveries are dropped and what runs gets until the deadline; unfinished ids are released.
      const { abandoned } = await dispatcher.close(drainMs);
      if (abandoned > 0) log.warn(`closing with ${abandoned} deliveries abandoned after ${drainMs} ms`);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The body as UTF-8 text, or undefined when it exceeds `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(undefined);
      }
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, answer: Answer, headers: Record<string, string> = {}): void {
  res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(answer.body));
}
