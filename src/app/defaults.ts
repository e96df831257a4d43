// Defaults shared by the app's settings, server and dispatcher.

/** Probot's (and @octokit/webhooks') default path for GitHub deliveries. */
export const DEFAULT_GITHUB_WEBHOOK_PATH = "/api/github/webhooks";
export const DEFAULT_GITEA_WEBHOOK_PATH = "/gitea/webhook";
/** The workflow the app dispatches in each repository (see examples/github/prd-bot.yml). */
export const DEFAULT_WORKFLOW = "prd-bot.yml";
