// The Action's whole flow, and its only catch: inputs → event → route → (when there is work) the wiring,
// loaded lazily so an ignored event never pays for the forge clients, the model client or the tokenizer
// → outputs, job summary, exit status. Failures end in core.setFailed with a how-to-fix message, never a
// stack trace, and never a secret.
import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { loadConfig, parseConfig } from "../config/load-config.js";
import { applyOverrides } from "../config/apply-overrides.js";
import { DEFAULT_CONFIG_PATH, type Config } from "../config/schema.js";
import { routeEvent, type JobRequest } from "../core/events/route-event.js";
import { actionLogger } from "./action-logger.js";
import { readActionInputs, type ActionInputs } from "./action-inputs.js";
import { failureOf, mainRecord, outcomeOf, type ActionResult } from "./action-result.js";
import { describeActionError } from "./describe-action-error.js";
import { redactSecrets, writeJobSummary } from "./job-summary.js";

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const secrets: string[] = [];
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    if (inputs.token) {
      core.setSecret(inputs.token);
      secrets.push(inputs.token);
    }
    const event = await readEvent(env);
    const workspaceDir = env.GITHUB_WORKSPACE || process.cwd();
    const loaded = await loadActionConfig(workspaceDir, inputs);
    const defaults = parseConfig(undefined, DEFAULT_CONFIG_PATH);
    // An invalid config must not fail runs that have nothing to do; it fails the first run that needs it.
    const routing = "config" in loaded ? loaded.config : defaults;
    const request = routeEvent(event.name, event.payload, inputs, { prdPath: routing.prd.path, tag: routing.prd.tag, reviewLabel: routing.review.label });
    core.info(`prd-bot: ${event.name}: ${request.reason}`);
    if (request.job === "none") {
      core.setOutput("outcome", "none");
      return;
    }
    if ("error" in loaded) throw loaded.error;

    const log = actionLogger(secrets);
    const { runActionJob } = await import("../wiring/action.js");
    const result = await runActionJob({ env, inputs, request: request as Exclude<JobRequest, { job: "none" }>, config: loaded.config, configFile: loaded.file, workspaceDir, payload: event.payload, log, now: () => new Date() });
    report(result, env, secrets);
    if (env.GITHUB_STEP_SUMMARY) await writeJobSummary(core.summary, result, secrets);
    const failed = failureOf(result);
    if (failed) core.setFailed(redactSecrets(failed, secrets));
  } catch (error) {
    core.setOutput("outcome", "error");
    core.setFailed(redactSecrets(describeActionError(error), secrets));
  }
}

function report(result: ActionResult, env: NodeJS.ProcessEnv, secrets: string[]): void {
  const main = mainRecord(result.records);
  core.setOutput("outcome", outcomeOf(result));
  core.setOutput("pr-url", main?.pr_url ?? "");
  core.setOutput("cycle-id", main?.cycle_id ?? "");
  for (const note of result.notes) core.info(`prd-bot: ${redactSecrets(note, secrets)}`);
  if (!env.GITHUB_STEP_SUMMARY) core.info("prd-bot: GITHUB_STEP_SUMMARY is not set (this runner has no job summaries); the results are in the log above");
}

interface RunnerEvent {
  name: string;
  payload: unknown;
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<RunnerEvent> {
  const name = env.GITHUB_EVENT_NAME?.trim();
  if (!name) {
    throw new Error("GITHUB_EVENT_NAME is not set: prd-bot's Action runs inside GitHub or Gitea Actions. To run a cycle on a local checkout, use the CLI (prd-bot cycle)");
  }
  const path = env.GITHUB_EVENT_PATH?.trim();
  if (!path) throw new Error(`GITHUB_EVENT_PATH is not set, so the ${name} event's payload cannot be read; the runner sets it for every job`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); it should be the event payload file the runner wrote`);
  }
  try {
    return { name, payload: JSON.parse(text) as unknown };
  } catch {
    throw new Error(`GITHUB_EVENT_PATH ${path} is not JSON; it should be the ${name} event's payload`);
  }
}

type LoadedActionConfig = { config: Config; file: string } | { error: unknown };

/** The config file of the checkout, with the Action's inputs laid over it (validated by the same schema). */
async function loadActionConfig(root: string, inputs: ActionInputs): Promise<LoadedActionConfig> {
  const file = inputs.config ?? DEFAULT_CONFIG_PATH;
  try {
    const { config } = await loadConfig(root, file);
    const overridden = applyOverrides(config, { model: inputs.model, calls_per_day: inputs.callsPerDay, tokens_per_day: inputs.tokensPerDay }, "action inputs (model, calls-per-day, tokens-per-day)");
    return { config: overridden, file };
  } catch (error) {
    return { error };
  }
}
