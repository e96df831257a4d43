// Which gaps one Action run works on (planCycles), over a real git checkout and a real directory state
// store. The publisher is a small in-test Publisher that only answers "is there an open PR for this gap?".
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { planCycles } from "../../src/jobs/propose/run-cycles.js";
import { createDirectoryStore } from "../../src/adapters/state/directory-store.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import { parseConfig } from "../../src/config/load-config.js";
import { findGaps } from "../../src/core/gaps/gaps.js";
import type { JobRequest } from "../../src/core/events/route-event.js";
import type { Gap } from "../../src/core/types.js";
import { silentLogger } from "../../src/jobs/logger.js";
import type { Publisher, ProposeCycleDeps } from "../../src/jobs/propose/propose-cycle.js";
import type { ModelClient } from "../../src/ports/model.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

const TAG = "[bot-eligible]";
const PRD_V1 = "# PRD\n\n- [ ] alpha [bot-eligible]\n- [x] done [bot-eligible]\n";
const PRD_V2 = `${PRD_V1}- [ ] beta [bot-eligible]\n- [ ] gamma [bot-eligible]\n`;
const idOf = (prd: string, text: string) => (findGaps(prd, { tag: TAG }).find((g) => g.text === text) as Gap).id;

let repo: TestRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

const noModel: ModelClient = {
  models: [],
  chat: () => Promise.reject(new Error("planning must not call a model")),
};

async function setUp(withOpenPr: string[] = [], events: string[] = []) {
  repo = await makeRepo({ "docs/PRD.md": PRD_V1 });
  const v1 = await repo.git("rev-parse", "HEAD");
  await writeFile(path.join(repo.root, "docs/PRD.md"), PRD_V2);
  await repo.git("commit", "-q", "-am", "more gaps");
  const state = createDirectoryStore(path.join(repo.root, ".git", "prd-bot"));
  if (events.length > 0) await state.transact(async (tx) => events.forEach((line) => tx.append("events.jsonl", line)));
  const asked: string[] = [];
  const publish: Publisher = {
    async findExisting(gap) {
      asked.push(gap.id);
      return withOpenPr.includes(gap.id) ? { url: `https://forge.example/pr/${gap.id}` } : undefined;
    },
    publish: () => Promise.reject(new Error("planning must not publish")),
  };
  const deps: ProposeCycleDeps & { publish: Publisher } = {
    workspace: await openGitWorkspace(repo.root),
    state,
    model: noModel,
    config: parseConfig(undefined, "test"),
    testCommand: "true",
    log: silentLogger,
    now: () => new Date("2026-11-21T12:00:00Z"),
    version: "test",
    publish,
  };
  return { deps, v1, asked };
}

const request = (over: Partial<Extract<JobRequest, { job: "cycle" }>>): Extract<JobRequest, { job: "cycle" }> => ({
  job: "cycle",
  reason: "test",
  trigger: "push",
  maxCycles: 3,
  dryRun: false,
  ...over,
});

describe("planCycles", () => {
  it("push: the open gaps added since before, in PRD order, at most max-cycles, with a note about the rest", async () => {
    const { deps, v1 } = await setUp();
    const all = await planCycles(deps, request({ since: v1 }));
    expect(all).toEqual({ gapIds: [idOf(PRD_V2, "beta"), idOf(PRD_V2, "gamma")], notes: [] });
    const one = await planCycles(deps, request({ since: v1, maxCycles: 1 }));
    expect(one.gapIds).toEqual([idOf(PRD_V2, "beta")]);
    expect(one.notes[0]).toMatch(/^2 new open gaps; max-cycles 1 runs the first 1/);
  });

  it("push creating the branch (no since): every open gap, bounded; nothing new → one cycle that records why", async () => {
    const { deps } = await setUp();
    expect((await planCycles(deps, request({ maxCycles: 2 }))).gapIds).toEqual([idOf(PRD_V2, "alpha"), idOf(PRD_V2, "beta")]);
    const head = await repo!.git("rev-parse", "HEAD");
    expect(await planCycles(deps, request({ since: head }))).toEqual({ gapIds: [undefined], since: head, notes: [] });
  });

  it("push whose before commit is not in the checkout → an error that says to fetch the history", async () => {
    const { deps } = await setUp();
    await expect(planCycles(deps, request({ since: "1".repeat(40) }))).rejects.toThrow(/not in the checkout.*fetch-depth: 0/);
  });

  it("schedule: the next open gap with no open PR that policy has not given up on", async () => {
    const alpha = idOf(PRD_V2, "alpha");
    const beta = idOf(PRD_V2, "beta");
    const failed = (n: number) => JSON.stringify({ type: "cycle", cycle_id: `c${n}`, at: `2026-11-2${n}T00:00:00Z`, gap_id: beta, outcome: "tests_failed", dry_run: false });
    const { deps, asked } = await setUp([alpha], [failed(1), failed(2), failed(3)]);
    const plan = await planCycles(deps, request({ trigger: "schedule" }));
    expect(plan.gapIds).toEqual([idOf(PRD_V2, "gamma")]);
    // alpha was looked up (open PR); beta was skipped by policy before any lookup.
    expect(asked).toEqual([alpha, idOf(PRD_V2, "gamma")]);
  });

  it("schedule with every gap taken → proposeCycle chooses and explains; a named gap is used as given", async () => {
    const { deps } = await setUp(findGaps(PRD_V2, { tag: TAG }).map((g) => g.id));
    const plan = await planCycles(deps, request({ trigger: "dispatch" }));
    expect(plan.gapIds).toEqual([undefined]);
    expect(plan.notes[0]).toContain("every open gap looked at has an open PR");
    expect(await planCycles(deps, request({ trigger: "dispatch", gapId: "abc" }))).toEqual({ gapIds: ["abc"], notes: [] });
  });
});
