// The front door of every webhook: read the delivery headers and check the HMAC over the raw body before
// anything parses it. GitHub signs with `X-Hub-Signature-256: sha256=<hex>`; Gitea sends the same header and
// `X-Gitea-Signature: <hex>` (older Gitea only the latter), so both forges go through octokit's verify.
import type { IncomingHttpHeaders } from "node:http";
import { verify } from "@octokit/webhooks-methods";
import type { ForgeKind } from "../ports/forge.js";

export interface DeliveryHeaders {
  /** The event name, e.g. `issue_comment`. */
  event: string;
  /** The delivery id the forge gives each delivery (and keeps on a manual redelivery). */
  id: string;
  /** `sha256=<lower-case hex>`. */
  signature: string;
}

export type HeaderCheck = { ok: true; headers: DeliveryHeaders } | { ok: false; status: 400; reason: string };

/** Which headers carry what, per forge; the first present name wins. */
const NAMES: Record<ForgeKind, { event: string[]; id: string[]; signature: string[] }> = {
  github: { event: ["x-github-event"], id: ["x-github-delivery"], signature: ["x-hub-signature-256"] },
  gitea: {
    event: ["x-gitea-event", "x-github-event"],
    id: ["x-gitea-delivery", "x-github-delivery"],
    signature: ["x-hub-signature-256", "x-gitea-signature"],
  },
};

const DISPLAY: Record<string, string> = {
  "x-github-event": "X-GitHub-Event",
  "x-github-delivery": "X-GitHub-Delivery",
  "x-hub-signature-256": "X-Hub-Signature-256",
  "x-gitea-event": "X-Gitea-Event",
  "x-gitea-delivery": "X-Gitea-Delivery",
  "x-gitea-signature": "X-Gitea-Signature",
};

export function readDeliveryHeaders(kind: ForgeKind, headers: IncomingHttpHeaders): HeaderCheck {
  const names = NAMES[kind];
  const pick = (list: string[]) => {
    for (const name of list) {
      const value = headers[name];
      const text = Array.isArray(value) ? value[0] : value;
      if (text !== undefined && text.trim() !== "") return { name, value: text.trim() };
    }
    return undefined;
  };
  const event = pick(names.event);
  const id = pick(names.id);
  const signature = pick(names.signature);
  const missing = [
    event ? undefined : names.event,
    id ? undefined : names.id,
    signature ? undefined : names.signature,
  ].filter((list): list is string[] => list !== undefined);
  if (!event || !id || !signature) {
    const described = missing.map((list) => list.map((name) => DISPLAY[name] ?? name).join(" or ")).join(", ");
    const hint = signature
      ? `this does not look like a ${kind === "github" ? "GitHub" : "Gitea"} webhook delivery`
      : `set a webhook secret in the ${kind === "github" ? "GitHub App's settings" : "Gitea webhook's settings"} so that deliveries are signed`;
    return { ok: false, status: 400, reason: `missing header ${described}: ${hint}` };
  }
  return { ok: true, headers: { event: event.value, id: id.value, signature: normalizeSignature(signature.name, signature.value) } };
}

/** True when `signature` (`sha256=<hex>`) is the HMAC-SHA256 of `body` with `secret`. Never throws. */
export async function verifySignature(secret: string, body: string, signature: string): Promise<boolean> {
  if (secret === "" || body === "" || signature === "") return false;
  try {
    return await verify(secret, body, signature);
  } catch {
    return false;
  }
}

// Gitea's own header is bare hex; octokit's verify compares against `sha256=<lower-case hex>` byte for byte.
function normalizeSignature(name: string, value: string): string {
  const hex = name === "x-gitea-signature" ? value : value.replace(/^sha256=/i, "");
  const prefixed = name === "x-gitea-signature" || /^sha256=/i.test(value);
  return prefixed ? `sha256=${hex.toLowerCase()}` : value;
}
