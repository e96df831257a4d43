// One delivery through the front door, the same for both forges: headers present (400), signature valid (401),
// event handled (else 200 ignored), delivery id new (else 200 replay), JSON valid (400), then the handler.
// Nothing is parsed before the signature has been checked.
import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "../jobs/logger.js";
import type { ForgeKind } from "../ports/forge.js";
import { HANDLED_EVENTS } from "./app-event.js";
import type { DeliveryDedup } from "./delivery-dedup.js";
import type { Receipt } from "./dispatcher.js";
import { readDeliveryHeaders, verifySignature } from "./verify-signature.js";

export interface Answer {
  status: number;
  body: { ok: boolean; result: string; reason: string; delivery?: string };
}

export interface ParsedDelivery {
  id: string;
  name: string;
  payload: unknown;
}

export interface ReceiveOptions {
  kind: ForgeKind;
  secret: string;
  dedup: DeliveryDedup;
  log: Logger;
  handle(delivery: ParsedDelivery): Promise<Receipt>;
}

const HANDLED = new Set<string>(HANDLED_EVENTS);

export async function receiveDelivery(options: ReceiveOptions, headers: IncomingHttpHeaders, body: string): Promise<Answer> {
  const checked = readDeliveryHeaders(options.kind, headers);
  if (!checked.ok) return refuse(checked.status, "bad-request", checked.reason);
  const { event, id, signature } = checked.headers;
  // Nothing to verify or parse: a client error, not a bad signature (signing "" is not what a forge does).
  if (body.length === 0) return refuse(400, "bad-request", "the body is empty; a webhook delivery carries a JSON object", id);
  if (!(await verifySignature(options.secret, body, signature))) {
    const secret = options.kind === "github" ? "WEBHOOK_SECRET" : "GITEA_WEBHOOK_SECRET";
    options.log.warn(`${options.kind} ${event} [delivery ${id}]: refused, the signature does not match (is ${secret} the secret set on the webhook?)`);
    return refuse(401, "unauthorized", `the signature does not match the body: check that ${secret} is the secret set on the webhook`, id);
  }
  if (event === "ping") return answer(200, "pong", "the webhook reaches prd-bot and its signature is valid", id);
  if (!HANDLED.has(event)) return answer(200, "ignored", `prd-bot does not act on ${event} events`, id);
  if (!options.dedup.claim(id)) return answer(200, "duplicate", `delivery ${id} was already received; ignored`, id);

  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch (error) {
    options.dedup.forget(id);
    return refuse(400, "bad-request", `the body is not JSON (${(error as Error).message}); set the webhook's content type to application/json`, id);
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    options.dedup.forget(id);
    const what = payload === null ? "null" : Array.isArray(payload) ? "an array" : `a ${typeof payload}`;
    return refuse(400, "bad-request", `the payload is ${what}, not a JSON object; a webhook delivery carries an object`, id);
  }
  let receipt: Receipt;
  try {
    receipt = await options.handle({ id, name: event, payload });
  } catch (error) {
    options.dedup.forget(id);
    options.log.warn(`${options.kind} ${event} [delivery ${id}]: the app failed to take it: ${(error as Error).message ?? String(error)}`);
    return refuse(500, "error", "prd-bot failed to take this delivery; see its log", id);
  }
  // A delivery refused for being busy may be redelivered later; that must not count as a replay.
  if (receipt.result === "busy") options.dedup.forget(id);
  return { status: receipt.status, body: { ok: receipt.status < 300, result: receipt.result, reason: receipt.reason, delivery: id } };
}

function answer(status: number, result: string, reason: string, delivery: string): Answer {
  return { status, body: { ok: true, result, reason, delivery } };
}

function refuse(status: number, result: string, reason: string, delivery?: string): Answer {
  return { status, body: { ok: false, result, reason, ...(delivery ? { delivery } : {}) } };
}
