// Gitea deliveries (POST /gitea/webhook): the same front door as GitHub's (receive-delivery.ts), then the
// payload becomes an AppEvent directly; there is no Probot for Gitea. Every repository is reached with one
// token (GITEA_TOKEN, a bot user's), since Gitea has no app installations.
import type { Forge, RepoRef } from "../ports/forge.js";
import { toAppEvent } from "./app-event.js";
import type { Dispatcher, Receipt } from "./dispatcher.js";
import type { ParsedDelivery } from "./receive-delivery.js";

export interface GiteaReceiverOptions {
  /** The Forge of a repository on this Gitea. */
  giteaForge(repo: RepoRef): Forge;
}

export function createGiteaReceiver(options: GiteaReceiverOptions, dispatcher: Dispatcher): (delivery: ParsedDelivery) => Promise<Receipt> {
  return async (delivery) => {
    const event = toAppEvent("gitea", delivery.name, delivery.payload);
    return dispatcher.accept({
      id: delivery.id,
      name: delivery.name,
      event,
      forge: () => {
        if (!("repo" in event)) throw new Error(`${delivery.name} has no repository`);
        return options.giteaForge(event.repo);
      },
    });
  };
}
