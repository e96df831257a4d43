// The jobs' Logger on the runner's log: lines through @actions/core, groups as collapsible ::group::
// sections. The runner masks registered secrets in what it shows, but a log line may also end up in a
// file or another tool first, so known secrets are removed before anything is written.
import * as core from "@actions/core";
import type { Logger } from "../jobs/logger.js";
import { redactSecrets } from "./job-summary.js";

export function actionLogger(secrets: readonly string[]): Logger {
  const clean = (message: string) => redactSecrets(message, secrets);
  return {
    info: (message) => core.info(`prd-bot: ${clean(message)}`),
    warn: (message) => core.warning(clean(message)),
    group: (title, fn) => core.group(`prd-bot: ${clean(title)}`, fn),
  };
}
