import { describe, expect, it } from "vitest";
import { inProcessTests } from "../../src/app/in-process-tests.js";
import { parseConfig } from "../../src/config/load-config.js";

describe("inProcessTests", () => {
  it("requires the sandbox and closes the network whatever the repository says; only the operator relaxes it", () => {
    const repo = parseConfig("test:\n  command: make test\n  sandbox: none\n  network: true\n", "x.yml").test;
    expect(inProcessTests(repo, {})).toMatchObject({ command: "make test", sandbox: "bubblewrap", network: false });
    expect(inProcessTests(repo, { PRD_BOT_TEST_SANDBOX: "none", PRD_BOT_TEST_NETWORK: "true" })).toMatchObject({ sandbox: "none", network: true });
    const closed = parseConfig("test:\n  network: false\n", "x.yml").test;
    expect(inProcessTests(closed, { PRD_BOT_TEST_NETWORK: "true" }).network).toBe(false);
  });
});
