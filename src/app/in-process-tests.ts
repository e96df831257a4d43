// The test settings of a job the app runs itself (PRD_BOT_MODE=in-process): the app runs other people's
// model-written tests on its own machine, so the sandbox is required and the network closed, whatever the
// repository's config says. Only the operator turns that off, through the app's environment:
// PRD_BOT_TEST_SANDBOX=none (no sandbox: environment allowlist, descendant kill and git-dir snapshot only),
// PRD_BOT_TEST_NETWORK=true (network inside the sandbox).
import type { Config } from "../config/schema.js";

export function inProcessTests(test: Config["test"], serverEnv: Record<string, string | undefined>): Config["test"] {
  const sandbox = serverEnv.PRD_BOT_TEST_SANDBOX === "none" ? "none" : "bubblewrap";
  return { ...test, sandbox, network: serverEnv.PRD_BOT_TEST_NETWORK === "true" && test.network };
}
