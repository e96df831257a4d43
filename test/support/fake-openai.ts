// A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: replies are scripted and queued, every
// request is recorded, and anything nobody scripted is answered 500 and kept in `unexpected` so a test
// can fail on it. The Authorization header is never stored: only whether a bearer came and a hash prefix.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface ContentReply {
  /** The assistant message; "" or null to script an empty answer. */
  content: string | null;
  /** Defaults to `fakeUsage(...)`; null sends no usage at all (as some servers do). */
  usage?: FakeUsage | null;
  /** Echoed as the response's `model`; defaults to the requested model. */
  model?: string;
  finish_reason?: string;
  delayMs?: number;
}

export interface StatusReply {
  status: 400 | 401 | 403 | 404 | 408 | 422 | 429 | 500 | 502 | 503;
  /** JSON body; defaults to an OpenAI-style `{ error: { message, type, ... } }`. A string is sent as-is. */
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface HangReply {
  /** Never answer: the request stays open until the client gives up or the server closes. */
  hang: true;
}

export type Reply = ContentReply | StatusReply | HangReply | ((request: RecordedRequest) => Reply);

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body (undefined when there was none or it was not JSON). */
  body: unknown;
  /** Request headers, lower-cased, without `authorization`. */
  headers: Record<string, string>;
  /** Whether a `Bearer` token came, and the first 12 hex digits of its sha256 (see `keyFingerprint`). */
  bearer: { present: boolean; sha256Prefix: string | null };
}

export interface FakeOpenAIOptions {
  /** "reject": answer 400 to any request asking for a json_schema response format, like servers without it. */
  jsonSchema?: "accept" | "reject";
  /** Model ids listed by GET /v1/models. */
  models?: string[];
  /** Answers POST /v1/embeddings with these vectors (one per input); without it the route is unexpected. */
  embed?: (inputs: string[], model: string) => number[][];
  /** Asked before the queue for every chat request: a reply routes by model or prompt (parallel callers). */
  respond?: (request: RecordedRequest) => Reply | undefined;
}

export interface FakeOpenAI {
  /** Base URL including `/v1`, e.g. http://127.0.0.1:43123/v1 */
  url: string;
  requests: RecordedRequest[];
  /** Requests that found no scripted reply (or hit an unknown route): a test should expect this to be []. */
  unexpected: RecordedRequest[];
  reply(...replies: Reply[]): void;
  /** Replies still queued. */
  readonly pending: number;
  close(): Promise<void>;
}

/** What the fake records for a bearer token, so a test can assert which key was sent without storing it. */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

/** The deterministic token count the fake reports when a reply sets no usage: ~4 characters a token. */
export function fakeUsage(messages: unknown, content: string | null): FakeUsage {
  const promptChars = Array.isArray(messages)
    ? messages.reduce<number>((n, m) => n + String((m as { content?: unknown }).content ?? "").length, 0)
    : 0;
  return { prompt_tokens: Math.ceil(promptChars / 4) + 1, completion_tokens: Math.ceil((content ?? "").length / 4) };
}

export const JSON_SCHEMA_REJECTION = "response_format json_schema is not supported";

const CREATED = 1_700_000_000;

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => handle(req, res, raw));
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const recorded = record(req, raw);
    requests.push(recorded);
    const path = recorded.path;
    if (req.method === "GET" && path === "/v1/models") {
      const ids = options.models ?? ["fake-model"];
      return send(res, 200, { object: "list", data: ids.map((id) => ({ id, object: "model", created: CREATED, owned_by: "fake" })) });
    }
    if (req.method === "POST" && path === "/v1/embeddings" && options.embed) {
      const body = recorded.body as { input?: unknown; model?: string } | undefined;
      const inputs = Array.isArray(body?.input) ? body.input.map(String) : [String(body?.input ?? "")];
      const vectors = options.embed(inputs, String(body?.model ?? ""));
      return send(res, 200, {
        object: "list",
        model: body?.model ?? "fake-embed",
        data: vectors.map((embedding, index) => ({ object: "embedding", index, embedding })),
        usage: { prompt_tokens: inputs.join(" ").length, total_tokens: inputs.join(" ").length },
      });
    }
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      unexpected.push(recorded);
      return send(res, 404, errorBody(`unexpected request: no route for ${req.method} ${path}`, "invalid_request_error"));
    }
    const body = recorded.body as { response_format?: { type?: string }; stream?: boolean; messages?: unknown; model?: string } | undefined;
    if (body === undefined || typeof body !== "object") {
      unexpected.push(recorded);
      return send(res, 400, errorBody("unexpected request: the body is not a JSON object", "invalid_request_error"));
    }
    if (body.stream === true) {
      unexpected.push(recorded);
      return send(res, 400, errorBody("unexpected request: the fake server does not stream", "invalid_request_error"));
    }
    if (options.jsonSchema === "reject" && body.response_format?.type === "json_schema") {
      return send(res, 400, { error: { message: JSON_SCHEMA_REJECTION, type: "invalid_request_error", param: "response_format", code: null } });
    }
    let next = options.respond?.(recorded) ?? queue.shift();
    while (typeof next === "function") next = next(recorded);
    if (next === undefined) {
      unexpected.push(recorded);
      return send(res, 500, errorBody("unexpected request: no reply was queued for it (call server.reply(...) first)", "server_error"));
    }
    const reply = next;
    if ("hang" in reply) return; // the socket stays open; close() destroys it
    const answer = (): void => {
      if (res.destroyed || res.writableEnded) return;
      if ("status" in reply) {
        const payload = reply.body ?? errorBody(`fake server answered ${reply.status}`, reply.status === 429 ? "rate_limit_error" : "server_error");
        return send(res, reply.status, payload, reply.headers);
      }
      const usage = reply.usage === undefined ? fakeUsage(body.messages, reply.content) : reply.usage;
      counter += 1;
      send(res, 200, {
        id: `chatcmpl-fake-${counter}`,
        object: "chat.completion",
        created: CREATED,
        model: reply.model ?? body.model ?? "fake-model",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: reply.content, refusal: null },
            finish_reason: reply.finish_reason ?? "stop",
            logprobs: null,
          },
        ],
        ...(usage === null ? {} : { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }),
      });
    };
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, reply.delayMs);
      timers.add(timer);
    } else answer();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    unexpected,
    reply: (...replies) => void queue.push(...replies),
    get pending() {
      return queue.length;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Hanging requests keep their sockets open; without this close() would wait for them forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function record(req: IncomingMessage, raw: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "authorization" || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const auth = req.headers.authorization;
  const token = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length) : undefined;
  let body: unknown;
  try {
    body = raw === "" ? undefined : JSON.parse(raw);
  } catch {
    body = undefined;
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    body,
    headers,
    bearer: { present: token !== undefined, sha256Prefix: token === undefined ? null : keyFingerprint(token) },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    // A client that gives up mid-body still gets its request recorded with what arrived.
    req.on("error", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function errorBody(message: string, type: string): unknown {
  return { error: { message, type, param: null, code: null } };
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}
