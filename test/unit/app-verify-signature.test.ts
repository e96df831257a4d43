// The front door's signature check, against GitHub's documented test vector and Gitea's plain-hex header.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readDeliveryHeaders, verifySignature } from "../../src/app/verify-signature.js";

// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
const SECRET = "It's a Secret to Everybody";
const BODY = "Hello, World!";
const HEADER = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("verifySignature", () => {
  it("accepts GitHub's documented test vector", async () => {
    expect(await verifySignature(SECRET, BODY, HEADER)).toBe(true);
  });

  it("refuses a changed body, a wrong secret, a truncated or unprefixed signature", async () => {
    expect(await verifySignature(SECRET, "Hello, World?", HEADER)).toBe(false);
    expect(await verifySignature("another secret", BODY, HEADER)).toBe(false);
    expect(await verifySignature(SECRET, BODY, HEADER.slice(0, -2))).toBe(false);
    expect(await verifySignature(SECRET, BODY, HEADER.slice("sha256=".length))).toBe(false);
    expect(await verifySignature(SECRET, BODY, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d")).toBe(false);
  });

  it("never throws on empty input", async () => {
    expect(await verifySignature("", BODY, HEADER)).toBe(false);
    expect(await verifySignature(SECRET, "", HEADER)).toBe(false);
    expect(await verifySignature(SECRET, BODY, "")).toBe(false);
  });
});

describe("readDeliveryHeaders", () => {
  it("reads GitHub's three headers", () => {
    const read = readDeliveryHeaders("github", { "x-github-event": "push", "x-github-delivery": "d-1", "x-hub-signature-256": HEADER });
    expect(read).toEqual({ ok: true, headers: { event: "push", id: "d-1", signature: HEADER } });
  });

  it("names every missing header and says how to fix a missing signature", () => {
    const read = readDeliveryHeaders("github", { "x-github-event": "push" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.status).toBe(400);
    expect(read.reason).toContain("X-GitHub-Delivery, X-Hub-Signature-256");
    expect(read.reason).toContain("set a webhook secret in the GitHub App's settings");
    const noEventOrId = readDeliveryHeaders("github", { "x-hub-signature-256": HEADER });
    expect(!noEventOrId.ok && noEventOrId.reason).toMatch(/X-GitHub-Event, X-GitHub-Delivery: this does not look like a GitHub webhook delivery/);
  });

  it("turns Gitea's plain-hex X-Gitea-Signature into a signature octokit verifies", async () => {
    const hex = createHmac("sha256", SECRET).update(BODY).digest("hex");
    const read = readDeliveryHeaders("gitea", { "x-gitea-event": "push", "x-gitea-delivery": "g-1", "x-gitea-signature": hex.toUpperCase() });
    expect(read).toEqual({ ok: true, headers: { event: "push", id: "g-1", signature: `sha256=${hex}` } });
    if (read.ok) expect(await verifySignature(SECRET, BODY, read.headers.signature)).toBe(true);
  });

  it("prefers X-Hub-Signature-256 and the X-Gitea-* names on Gitea, and falls back to the X-GitHub-* ones", () => {
    const read = readDeliveryHeaders("gitea", {
      "x-github-event": "issues",
      "x-github-delivery": "from-github-header",
      "x-gitea-delivery": "from-gitea-header",
      "x-hub-signature-256": HEADER,
      "x-gitea-signature": "ffff",
    });
    expect(read).toEqual({ ok: true, headers: { event: "issues", id: "from-gitea-header", signature: HEADER } });
    const missing = readDeliveryHeaders("gitea", { "x-gitea-event": "push", "x-gitea-delivery": "g" });
    expect(!missing.ok && missing.reason).toContain("X-Hub-Signature-256 or X-Gitea-Signature");
    expect(!missing.ok && missing.reason).toContain("Gitea webhook's settings");
  });
});
