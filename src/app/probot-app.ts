// The Probot app: translation only. A GitHub event becomes an AppEvent, the dispatcher decides and queues, and
// the receipt goes back to the front door (server.ts) keyed by delivery id. Handlers return at once, so Probot
// answers the delivery before any forge call is made (see dispatcher.ts for why).
import type { ApplicationFunction, Context } from "probot";
import type { Forge, RepoRef } from "../ports/forge.js";
import { HANDLED_EVENTS, toAppEvent } from "./app-event.js";
import type { Delivery, Receipt } from "./dispatcher.js";

export type GitHubOctokit = Context["octokit"];

export interface ProbotAppOptions {
  accept(delivery: Delivery): Receipt;
  /** The Forge of a repository, on the installation's client Probot made for this event (and its installation's id). */
  githubForge(repo: RepoRef, octokit: GitHubOctokit, installationId: number | undefined): Forge | Promise<Forge>;
  /** Told the receipt of each delivery the app handled. */
  onReceipt?(deliveryId: string, receipt: Receipt): void;
}

export function createProbotApp(options: ProbotAppOptions): ApplicationFunction {
  return (app) => {
    app.on([...HANDLED_EVENTS], async (context) => {
      const event = toAppEvent("github", context.name, context.payload);
      const repo = "repo" in event ? event.repo : undefined;
      const receipt = options.accept({
        id: context.id,
        name: context.name,
        event,
        forge: () => {
          if (!repo) throw new Error(`${context.name} has no repository`);
          const installation = (context.payload as { installation?: { id?: unknown } }).installation?.id;
          return options.githubForge(repo, context.octokit, typeof installation === "number" ? installation : undefined);
        },
      });
      options.onReceipt?.(context.id, receipt);
    });
  };
}
