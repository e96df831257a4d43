// `prd-bot serve`: the webhook app (GitHub App through Probot, and/or a Gitea webhook receiver) on one HTTP
// server, configured from the environment, until SIGINT or SIGTERM. run-cli.ts imports this file lazily, so the
// other commands do not pay for loading Probot.
import { readFileSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createGiteaForge } from "../../adapters/forge/gitea/create-gitea-forge.js";
import { AppSettingsError, readAppSettings } from "../../app/app-settings.js";
import { createInProcessRunner } from "../../app/in-process-runner.js";
import type { JobRunner } from "../../app/job-starter.js";
import { startAppServer } from "../../app/server.js";
import { UsageError, parseCommandArgs, positiveInt } from "../args.js";
import type { CliIo } from "../io.js";

export const SERVE_HELP = `Usage: prd-bot serve [options]

Run the webhook app: one server that receives GitHub App deliveries (through Probot) and Gitea webhook
deliveries, checks each signature, and starts prd-bot's work in the repository the event came from:
  /scrum, /scrum apply on a PR (from people with write access)  → 👀, then the review / applier
  a push to the default branch that changes the PRD                → a propose cycle
  a PR opened, synchronized, edited or reopened                    → prd-bot/auditor pending, then the auditor
  an issue labelled bot-eligible                                   → a propose cycle
By default the work runs in the repository's own prd-bot workflow (workflow_dispatch). With
PRD_BOT_MODE=in-process (self-hosted) it runs in this process, one job per repository at a time: a cycle
clones the default branch into a temp folder, reads the repository's .github/prd-bot.yml there, runs the
configured test command on this machine, pushes the branch and opens the draft PR; /scrum review and apply
answer that they are not available yet; the auditor's pending status is resolved. Models come from this
process's environment (PRD_BOT_MODEL, OPENAI_BASE_URL, OPENAI_API_KEY) or the repository's providers, whose
keys must be in variables named *_API_KEY here. --runner replaces the built-in runner with your own.

Options:
  --port N        listen on port N (default: PORT, else 3000)
  --host HOST     listen on HOST (default: HOST, else 0.0.0.0)
  --runner FILE   in-process mode: a module exporting runJob(job) to use instead of the built-in
                  runner (default: PRD_BOT_RUNNER)
  -h, --help      this help

Environment:
  APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET   the GitHub App (its settings page)
  WEBHOOK_PATH            GitHub deliveries' path (default /api/github/webhooks)
  GITHUB_API_URL or GHE_HOST (+ GHE_PROTOCOL)   GitHub Enterprise Server
  GITEA_URL, GITEA_TOKEN, GITEA_WEBHOOK_SECRET  a Gitea (token of a bot user: write:repository, write:issue)
  GITEA_WEBHOOK_PATH      Gitea deliveries' path (default /gitea/webhook)
  PRD_BOT_MODE            dispatch (default) or in-process
  PRD_BOT_WORKFLOW        the workflow file to dispatch (default prd-bot.yml)
  PRD_BOT_MAX_QUEUED      in-process jobs waiting at most (default 20); more are refused as busy
  PRD_BOT_MAX_CONCURRENT  in-process jobs running at once (default 2; one per repository)
  PRD_BOT_MAX_PENDING_PER_REPO  deliveries of one repository waiting at most (default 100); more answer 503
  PRD_BOT_SHUTDOWN_SECONDS  on SIGTERM: how long running work may finish (default 10); then it is
                          abandoned, waiting deliveries are dropped, and their ids released for redelivery
  PRD_BOT_MODEL, OPENAI_BASE_URL, OPENAI_API_KEY, *_API_KEY   in-process mode: the models and their keys
  TMPDIR                  in-process mode: where each job's clone goes (removed after the job)
  LOG_LEVEL               Probot's log level (default warn)

Exit codes: 0 stopped by a signal; 2 bad settings.`;

export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("serve", argv, { port: { type: "string" }, host: { type: "string" }, runner: { type: "string" } });
  if (values.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  let settings;
  try {
    settings = readAppSettings({ ...io.env, ...(values.runner ? { PRD_BOT_RUNNER: values.runner } : {}) }, (path) => readFileSync(resolve(io.cwd, path), "utf8"));
  } catch (error) {
    if (error instanceof AppSettingsError) throw new UsageError(`${error.message}\nRun 'prd-bot serve --help' for the settings.`);
    throw error;
  }
  const port = positiveInt("port", values.port) ?? settings.port;
  let runJob: JobRunner | undefined;
  if (settings.mode === "in-process") {
    runJob = settings.runner ? await loadRunner(resolve(io.cwd, settings.runner)) : createInProcessRunner({ env: io.env, tempDir: os.tmpdir(), log: io.log });
  }
  const warn = (message: string) => io.log.warn(message);
  const gitea = settings.gitea;

  const server = await startAppServer({
    log: io.log,
    host: values.host ?? settings.host,
    port,
    github: settings.github && { ...settings.github, octokit: { warn } },
    gitea: gitea && {
      secret: gitea.secret,
      webhookPath: gitea.webhookPath,
      giteaForge: (repo) => createGiteaForge({ owner: repo.owner, repo: repo.repo, token: gitea.token, baseUrl: gitea.url, log: { warn } }),
    },
    dispatcher: {
      mode: settings.mode,
      workflow: settings.workflow,
      runJob,
      maxQueuedJobs: settings.maxQueuedJobs,
      maxConcurrentJobs: settings.maxConcurrentJobs,
      maxPendingPerRepository: settings.maxPendingPerRepository,
    },
  });
  const routes = [settings.github && `GitHub at ${settings.github.webhookPath}`, gitea && `Gitea at ${gitea.webhookPath}`].filter(Boolean).join(", ");
  const how = settings.mode === "dispatch" ? `dispatching ${settings.workflow}` : `running jobs in-process (${settings.runner ?? "built-in runner"})`;
  io.log.info(`app listening on ${server.url}: ${routes}; ${how}`);

  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once("SIGINT", () => done("SIGINT"));
    process.once("SIGTERM", () => done("SIGTERM"));
  });
  io.log.info(`${signal}: stopping within ${settings.shutdownMs / 1000} s: waiting deliveries are dropped, running ones may finish`);
  await server.close(settings.shutdownMs);
  io.log.info("stopped");
  // Abandoned forge calls (sockets, retry timers) must not keep the process alive past the deadline.
  setTimeout(() => process.exit(), 250).unref();
  return 0;
}

async function loadRunner(file: string): Promise<JobRunner> {
  let module: { default?: unknown; runJob?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as typeof module;
  } catch (error) {
    throw new UsageError(`--runner ${file} could not be loaded: ${(error as Error).message}`);
  }
  const runner = module.runJob ?? module.default;
  if (typeof runner !== "function") throw new UsageError(`--runner ${file} must export a function runJob(job) (or a default export)`);
  return runner as JobRunner;
}
