// Environment variable names a test/check command never receives, whatever lists them (`test.env` included):
// credentials and the runner's own variables. Shared by the config schema and the check runner.

/**
 * `KEY` catches provider keys named freely (ROUTER_KEY, AWS_ACCESS_KEY_ID), `PAT` personal access tokens.
 * Over-broad on purpose: a name refused here can still be handed over under another name.
 */
const CREDENTIAL_NAME = /TOKEN|SECRET|PASSW(OR)?D|KEY|CREDENTIAL|(^|_)PAT($|_)|AUTH|COOKIE|SESSION|WEBHOOK/i;
const RUNNER_NAME = /^(INPUT_|ACTIONS_|RUNNER_|PRD_BOT_)/i;

/** Why a name may never reach a test command, or undefined when it may. */
export function refusedEnvName(name: string): string | undefined {
  if (RUNNER_NAME.test(name)) return "an Action input or runner variable";
  if (CREDENTIAL_NAME.test(name)) return "named like a credential";
  return undefined;
}
