// The ready-to-copy workflows in examples/ keep the safety rules they claim: the triggers prd-bot routes,
// least-privilege permissions per job, one concurrency group per repository for cycles, untrusted text only
// through env:, pull_request (never pull_request_target), and no credentials left in the checkout.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { types?: string[]; paths?: string[]; inputs?: Record<string, unknown> } | unknown[] | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILES = { github: "examples/github/prd-bot.yml", gitea: "examples/gitea/prd-bot.yml" } as const;
const ALLOWED_WRITES = new Set(["contents", "pull-requests", "issues", "checks", "statuses"]);

async function load(file: string): Promise<Workflow> {
  return parse(await readFile(file, "utf8")) as Workflow;
}

describe.each(Object.entries(FILES))("examples/%s workflow", (_flavour, file) => {
  it("listens to the events prd-bot routes, with pull_request and never pull_request_target", async () => {
    const workflow = await load(file);
    expect(Object.keys(workflow.on).sort()).toEqual(["issue_comment", "issues", "pull_request", "push", "schedule", "workflow_dispatch"]);
    expect(workflow.on).not.toHaveProperty("pull_request_target");
    const push = workflow.on.push as { paths: string[]; branches: string[] };
    expect(push.paths).toContain("docs/PRD.md");
    expect((workflow.on.issues as { types: string[] }).types).toEqual(["labeled"]);
    const dispatch = workflow.on.workflow_dispatch as { inputs: Record<string, { options?: string[] }> };
    expect(Object.keys(dispatch.inputs)).toEqual(["command", "gap", "pr", "files", "dry-run"]);
    // labeled: the review label asks for a review (the scrum job), never an audit.
    expect((workflow.on.pull_request as { types: string[] }).types).toEqual(["opened", "synchronize", "edited", "labeled"]);
    expect(workflow.jobs.scrum?.if).toContain("prd-bot:review");
    expect(workflow.jobs.audit?.if).toMatch(/github\.event\.action != 'labeled'/);
    const scrumStep = workflow.jobs.scrum?.steps.find((step) => step.uses?.includes("prd-bot/prd-bot@"));
    expect(scrumStep?.with?.files).toBe("${{ inputs.files }}");
    expect(dispatch.inputs.command?.options).toEqual(["cycle", "gaps", "review", "apply", "audit"]);
  });

  it("grants nothing at the top and least privilege per job", async () => {
    const workflow = await load(file);
    expect(workflow.permissions).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `job ${name} declares its permissions`).toBeTypeOf("object");
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        expect(["read", "write", "none"], `${name}: ${scope}`).toContain(level);
        if (level === "write") expect(ALLOWED_WRITES.has(scope), `${name} must not write ${scope}`).toBe(true);
      }
    }
    // The auditor only reads code; it writes statuses (and check runs on GitHub) and nothing else.
    expect(workflow.jobs.audit?.permissions?.contents).toBe("read");
    expect(workflow.jobs.audit?.permissions?.["pull-requests"]).toBe("read");
    expect(workflow.jobs.cycle?.permissions).toEqual({ contents: "write", "pull-requests": "write", issues: "write" });
  });

  it("runs cycles one at a time per repository, never cancelled half-way", async () => {
    const workflow = await load(file);
    expect(workflow.jobs.cycle?.concurrency).toEqual({ group: "prd-bot-${{ github.repository }}", "cancel-in-progress": false });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.concurrency?.group, `job ${name}`).toMatch(/^prd-bot-\$\{\{ github\.repository \}\}/);
    }
  });

  it("never puts ${{ }} inside run:, so untrusted text reaches shells only through env:", async () => {
    const workflow = await load(file);
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.run !== undefined));
    expect(runs.length).toBeGreaterThan(0); // the check below has something to check
    for (const step of runs) expect(step.run).not.toMatch(/\$\{\{/);
    // The raw text also has no event expression outside `if:` conditions, env:, with: and concurrency groups.
    const text = await readFile(file, "utf8");
    for (const line of text.split("\n").filter((l) => l.includes("${{ github.event."))) {
      expect(line.trim()).toMatch(/^(group:|[A-Z_]+:)/);
    }
  });

  it("keeps secrets in env:, passes only the token as an input, and persists no credentials", async () => {
    const workflow = await load(file);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const checkout = job.steps.find((step) => step.uses?.startsWith("actions/checkout@"));
      expect(checkout?.with?.["persist-credentials"], `job ${name}`).toBe(false);
      const bot = job.steps.find((step) => step.uses?.includes("prd-bot/prd-bot@"));
      expect(bot, `job ${name} uses prd-bot`).toBeDefined();
      expect(bot?.env?.OPENAI_API_KEY).toBe("${{ secrets.OPENAI_API_KEY }}");
      for (const [input, value] of Object.entries(bot?.with ?? {})) {
        expect(String(value), `with: ${input}`).not.toMatch(/secrets\./);
      }
    }
    expect(workflow.jobs.cycle?.steps[0]?.with?.["fetch-depth"]).toBe(0);
  });
});
