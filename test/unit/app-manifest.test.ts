// app.yml (the GitHub App manifest) and the app's code agree: the events it subscribes to are the events the
// app acts on, and it asks for the permissions the app's forge calls need.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HANDLED_EVENTS } from "../../src/app/app-event.js";

const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as { default_events: string[]; default_permissions: Record<string, string>; hook_attributes: { url: string } };

describe("app.yml", () => {
  it("subscribes to exactly the events the app acts on", () => {
    expect([...manifest.default_events].sort()).toEqual([...HANDLED_EVENTS].sort());
  });

  it("asks for what the app's calls need, and no more", () => {
    expect(manifest.default_permissions).toEqual({
      contents: "read",
      issues: "write",
      pull_requests: "write",
      statuses: "write",
      checks: "write",
      actions: "write",
      metadata: "read",
    });
    expect(new URL(manifest.hook_attributes.url).pathname).toBe("/api/github/webhooks");
  });
});
