// Helpers for the webhook app's tests: signed deliveries over HTTP, a collecting logger, GitHub App auth
// against the local GitHub, and waiting for work the app does after it has answered.
import { createHmac, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import type { Logger } from "../../src/jobs/logger.js";
import type { GitHubServer } from "./forge/index.js";

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface SentDelivery {
  status: number;
  body: { ok: boolean; result: string; reason: string; delivery?: string };
  /** Milliseconds from sending to the whole answer. */
  ms: number;
}

export interface DeliveryOptions {
  kind: "github" | "gitea";
  event: string;
  payload: unknown;
  secret: string;
  id?: string;
  /** Replace or (with undefined) drop headers. */
  headers?: Record<string, string | undefined>;
}

let counter = 0;

/** POSTs a delivery signed as the forge signs it: GitHub's headers, or Gitea's (with both signature headers). */
export async function deliver(url: string, options: DeliveryOptions): Promise<SentDelivery> {
  const body = typeof options.payload === "string" ? options.payload : JSON.stringify(options.payload);
  const id = options.id ?? `delivery-${process.pid}-${++counter}`;
  const signature = sign(options.secret, body);
  const base: Record<string, string> =
    options.kind === "github"
      ? { "x-github-event": options.event, "x-github-delivery": id, "x-hub-signature-256": signature }
      : {
          "x-gitea-event": options.event,
          "x-gitea-delivery": id,
          "x-gitea-signature": signature.slice("sha256=".length),
          "x-github-event": options.event,
          "x-github-delivery": id,
          "x-hub-signature-256": signature,
        };
  const headers: Record<string, string> = { "content-type": "application/json", ...base };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: SentDelivery["body"];
  try {
    parsed = JSON.parse(text) as SentDelivery["body"];
  } catch {
    parsed = { ok: false, result: "not-json", reason: text };
  }
  return { status: response.status, body: parsed, ms };
}

export interface CollectingLogger extends Logger {
  lines: string[];
}

export function collectingLogger(): CollectingLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => void lines.push(`info: ${message}`),
    warn: (message) => void lines.push(`warn: ${message}`),
    group: (_title, fn) => fn(),
  };
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5_000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface GitHubAppAuth {
  appId: number;
  privateKey: string;
  /** Probot's fetch: checks the app's JWT (RS256 with the app's public key, `iss` = app id) on token requests. */
  fetch: typeof fetch;
  /** App JWTs checked so far. */
  readonly jwtChecks: number;
}

/**
 * A throwaway GitHub App: an RSA key, and the local GitHub answering installation-token requests with its own
 * API token. The local server accepts only its token, not an app JWT, so the JWT is verified here, for real,
 * and swapped for that token on the way (only for POST /app/installations/{id}/access_tokens).
 */
export function githubAppAuth(forge: GitHubServer, appId = 4242, installationId = 777): GitHubAppAuth {
  serveInstallationTokens(forge, installationId);
  return appJwtBridge(forge.token, appId);
}

/** The local GitHub answers POST /app/installations/{installationId}/access_tokens with its own API token. */
export function serveInstallationTokens(forge: GitHubServer, installationId: number): void {
  forge.on("POST", "/app/installations/{installation_id}/access_tokens", (request) => {
    if (request.params.installation_id !== String(installationId)) return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
    return { status: 201, body: { ...forge.shapes.example("installation-token"), token: forge.token, expires_at: new Date(Date.now() + 3_600_000).toISOString() } };
  });
}

/** A new app key, and a fetch that verifies the app's JWT on token requests and swaps it for `forgeToken`. */
export function appJwtBridge(forgeToken: string, appId: number): GitHubAppAuth {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const key = createPublicKey(publicKey);
  let jwtChecks = 0;
  const bridge: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    const jwt = /^bearer\s+([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(headers.get("authorization") ?? "");
    if (jwt && /\/app\/installations\/\d+\/access_tokens$/.test(new URL(url).pathname)) {
      const [, header, payload, signature] = jwt as unknown as [string, string, string, string];
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown; exp?: number };
      const valid = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
      if (valid && String(claims.iss) === String(appId) && (claims.exp ?? 0) * 1000 > Date.now()) {
        jwtChecks += 1;
        headers.set("authorization", `token ${forgeToken}`);
      }
    }
    return fetch(input, { ...init, headers });
  };
  return {
    appId,
    privateKey,
    fetch: bridge,
    get jwtChecks() {
      return jwtChecks;
    },
  };
}
