// The fork-audit example (examples/github/prd-bot-audit-forks.yml) uses pull_request_target, which is only safe
// while nothing of the pull request is checked out or run: no ref on the checkout, no run steps, no secrets,
// and a token that writes only statuses and checks.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe("examples/github/prd-bot-audit-forks.yml", () => {
  it("audits fork PRs on pull_request_target without checking out or running their code", async () => {
    const text = await readFile("examples/github/prd-bot-audit-forks.yml", "utf8");
    const workflow = parse(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, { if: string; permissions: Record<string, string>; steps: Step[] }> };
    expect(Object.keys(workflow.on)).toEqual(["pull_request_target"]);
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.jobs)).toEqual(["audit"]);
    const job = workflow.jobs.audit!;
    expect(job.if).toContain("github.event.pull_request.head.repo.full_name != github.repository");
    expect(job.permissions).toEqual({ contents: "read", "pull-requests": "read", statuses: "write", checks: "write" });
    const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with).toEqual({ "persist-credentials": false });
    expect(job.steps.filter((s) => s.run !== undefined)).toEqual([]);
    expect(job.steps.every((s) => s.env === undefined)).toBe(true);
    expect(job.steps.find((s) => s.uses?.includes("prd-bot/prd-bot@"))?.with).toEqual({ token: "${{ github.token }}", command: "audit" });
    // No expression of the PR's head anywhere (ref, sha, repository) outside the job's fork condition.
    expect(text.split("\n").filter((l) => /pull_request\.head/.test(l) && !l.trim().startsWith("if:") && !l.trim().startsWith("#"))).toEqual([]);
  });
});
