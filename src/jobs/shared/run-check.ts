// The one check step of every job (the propose cycle's tests, the applier's check command): the repository's
// `test` settings turned into Workspace.run options. Whatever a job does with the result, the command ran in
// the protected runner (src/adapters/workspace/checks/): allowlisted environment, sandbox where possible,
// no process left behind, the git dir and the bot's state put back (and named) when the command changed them.
import type { Config } from "../../config/schema.js";
import type { TestRun } from "../../core/types.js";
import type { Workspace } from "../../ports/workspace.js";
import type { Logger } from "../logger.js";

export interface RunCheckOptions {
  command: string;
  timeoutMs: number;
  test: Config["test"];
  /** Variables never passed even if `test.env` lists them: the configured providers' `api_key_env`. */
  secretEnv?: string[];
  /** Paths the command must not change beyond the git dir (the state directory when it is in the checkout). */
  protect?: string[];
  tailBytes?: number;
  /** Where "running without a sandbox" is said, once per process. */
  log?: Logger;
}

let toldFallback = false;

export async function runCheck(workspace: Workspace, options: RunCheckOptions): Promise<TestRun> {
  const { test } = options;
  const run = await workspace.run(options.command, {
    timeoutMs: options.timeoutMs,
    tailBytes: options.tailBytes,
    sandbox: test.sandbox,
    network: test.network,
    allowEnv: test.env,
    denyEnv: options.secretEnv,
    protect: options.protect,
  });
  if (run.sandboxNote && options.log && (!toldFallback || test.sandbox === "bubblewrap")) {
    toldFallback = true;
    options.log.warn(run.sandboxNote);
  }
  return run;
}

/** The env var names of every configured provider's key: never given to a check. */
export function providerKeyNames(config: Config): string[] {
  const names = Object.values(config.models.providers).flatMap((provider) => (provider.api_key_env ? [provider.api_key_env] : []));
  return [...new Set(["OPENAI_API_KEY", ...names])];
}
