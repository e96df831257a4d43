// The review job's entry for the forges (the Action and the app's in-process runner, through
// wiring/forge-jobs.ts), and what the CLI shares with it.
import type { Config } from "../../config/schema.js";

export { reviewChanges, type ReviewDeps, type ReviewOptions } from "./review-changes.js";

/** Paths a review never shows a model: the configured protected paths (secrets, lock files, CI config…). */
export function protectedForReview(config: Config): string[] {
  return [...new Set([...config.paths.protected, ...config.paths.extra_protected])];
}
