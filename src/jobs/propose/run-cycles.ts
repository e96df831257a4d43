// Which gaps one run (the Action's, or the app's in-process job) works on, and one propose cycle for each.
// The decisions inside a cycle (budget, policy, duplicates, guardrails) stay in proposeCycle; this only picks
// the gap ids:
// - a push: the open gaps added since `before`, at most max-cycles of them (a new branch: all open gaps);
// - an issue: its own gap (core/issue-gap.ts);
// - a named gap: that one;
// - schedule / dispatch: the next open gap that has no open PR and that policy has not given up on.
import { findGaps, gapsSince, openGaps } from "../../core/gaps/gaps.js";
import { priorAttempts } from "../../core/propose/history.js";
import { shouldRunCycle } from "../../core/propose/policy.js";
import type { JobRequest } from "../../core/events/route-event.js";
import type { CycleRecord, Gap } from "../../core/types.js";
import { loadCycleEvents } from "./cycle-records.js";
import { proposeCycle, type ProposeCycleDeps, type ProposeCycleOptions, type Publisher } from "./propose-cycle.js";
import { issueWorkspace } from "./issue-workspace.js";

type CycleRequest = Extract<JobRequest, { job: "cycle" }>;

/** How many open gaps a scheduled run looks at for one without an open PR: each look is an API call. */
const CANDIDATE_LOOKUPS = 10;

export interface CyclePlan {
  /** Gap ids to run, in order; `undefined` lets proposeCycle choose (and explain when there is nothing). */
  gapIds: (string | undefined)[];
  /** Only for a push with nothing new: proposeCycle records skipped_no_gap with this `since`. */
  since?: string;
  notes: string[];
}

export async function runCycles(deps: ProposeCycleDeps & { publish: Publisher }, request: CycleRequest): Promise<{ records: CycleRecord[]; notes: string[] }> {
  let cycleDeps = deps;
  let plan: CyclePlan;
  if (request.issue) {
    const overlay = await issueWorkspace(deps.workspace, request.issue, deps.config.prd.path, deps.config.prd.tag);
    cycleDeps = { ...deps, workspace: overlay.workspace };
    plan = { gapIds: [overlay.gap.id], notes: [`issue #${request.issue.number} is gap ${overlay.gap.id}: ${overlay.gap.text.slice(0, 120)}`] };
  } else {
    plan = await planCycles(deps, request);
  }
  const records: CycleRecord[] = [];
  for (const gapId of plan.gapIds) {
    const options: ProposeCycleOptions = { dryRun: request.dryRun };
    if (gapId) options.gapId = gapId;
    else if (plan.since) options.since = plan.since;
    records.push(await proposeCycle(cycleDeps, options));
  }
  return { records, notes: plan.notes };
}

export async function planCycles(deps: ProposeCycleDeps & { publish: Publisher }, request: CycleRequest): Promise<CyclePlan> {
  const { workspace, config } = deps;
  if (request.gapId) return { gapIds: [request.gapId], notes: [] };
  const prd = await workspace.readFile(config.prd.path);
  // proposeCycle says why there is nothing to do (no PRD, no gap) and records it.
  if (prd === undefined) return { gapIds: [undefined], notes: [] };

  if (request.trigger === "push") {
    let gaps: Gap[];
    if (request.since) {
      const before = await workspace.readFileAt(request.since, config.prd.path).catch((error: Error) => {
        throw new Error(
          `the push's previous commit ${request.since} is not in the checkout, so prd-bot cannot tell which gaps the push added (${error.message}). ` +
            "Check out the full history: actions/checkout with fetch-depth: 0",
        );
      });
      gaps = openGaps(gapsSince(before, prd, config.prd.tag));
    } else {
      gaps = openGaps(findGaps(prd, { tag: config.prd.tag }));
    }
    if (gaps.length === 0) return { gapIds: [undefined], ...(request.since ? { since: request.since } : {}), notes: [] };
    const chosen = gaps.slice(0, request.maxCycles);
    const notes = gaps.length > chosen.length ? [`${gaps.length} new open gaps; max-cycles ${request.maxCycles} runs the first ${chosen.length}, the rest wait for the schedule or a dispatch`] : [];
    return { gapIds: chosen.map((gap) => gap.id), notes };
  }

  const next = await nextGap(deps, openGaps(findGaps(prd, { tag: config.prd.tag })));
  return { gapIds: [next?.id], notes: next ? [] : ["every open gap looked at has an open PR or was given up on; proposeCycle explains the first"] };
}

/** The first open gap with no open PR that policy has not given up on; undefined when none qualifies. */
async function nextGap(deps: ProposeCycleDeps & { publish: Publisher }, gaps: Gap[]): Promise<Gap | undefined> {
  const events = await loadCycleEvents(deps.state);
  const giveUpAfter = deps.config.policy.give_up_after_failures;
  for (const gap of gaps.slice(0, CANDIDATE_LOOKUPS)) {
    if (!shouldRunCycle(priorAttempts(events, gap.id, Infinity), giveUpAfter).ok) continue;
    if (await deps.publish.findExisting(gap)) continue;
    return gap;
  }
  return undefined;
}
