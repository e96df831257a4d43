// The built Action (dist/index.js; `npm run build` first) run as a process with a runner's environment,
// against a local GitHub or Gitea (requests validated against their published API descriptions, git over
// smart HTTP), a checkout cloned from it, and a local OpenAI-compatible server.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect as globalExpect, it, type ExpectStatic } from "vitest";
import { findGaps } from "../../src/core/gaps/gaps.js";
import type { CycleRecord } from "../../src/core/types.js";
import { SAMPLE_FILES, SAMPLE_PROPOSAL } from "../../src/demo/sample-repo.js";
import { runActionDist, type ActionRun } from "../support/action-dist.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { startGiteaServer, startGitHubServer, type ForgeServer, type RepoModel } from "../support/forge/index.js";
import { makeRepo, runGit, type TestRepo } from "../support/git-repo.js";

const require = createRequire(import.meta.url);
const githubPush = (require("@octokit/webhooks-examples") as { name: string; examples: Record<string, unknown>[] }[])
  .find((d) => d.name === "push")
  ?.examples.find((e) => e.ref === "refs/heads/master") as Record<string, unknown>;
const giteaPush = JSON.parse(readFileSync(fileURLToPath(new URL("../fixtures/gitea-webhooks/push.json", import.meta.url)), "utf8")) as Record<string, unknown>;

const TOKEN = "ghs_actiontesttoken0123456789";
const API_KEY = "sk-action-test-key-42";
const PRD = SAMPLE_FILES["docs/PRD.md"] as string;
const GAP = findGaps(PRD, { tag: "[bot-eligible]" }).find((gap) => !gap.checked && gap.text.includes("trims"));
if (!GAP) throw new Error("the sample PRD lost its open gap");
const BRANCH = `prd-bot/${GAP.id}`;

type Flavour = "github" | "gitea";

interface World {
  flavour: Flavour;
  forge: ForgeServer & { withRepo(o: { owner: string; repo: string; bareRepoPath: string }): RepoModel };
  repo: TestRepo;
  model: RepoModel;
  llm: FakeOpenAI;
  checkout: string;
  before: string;
  after: string;
}

/** A repository whose last commit added the open gap to the PRD, served by a local forge, and a runner checkout of it. */
async function setUp(flavour: Flavour, onTestFinished: (fn: () => Promise<void>) => void): Promise<World> {
  const withoutGap = PRD.split("\n").filter((line) => !line.includes("trims leading")).join("\n");
  const repo = await makeRepo({ ...SAMPLE_FILES, "docs/PRD.md": withoutGap }, { withRemote: true });
  onTestFinished(() => repo.cleanup());
  const before = await repo.git("rev-parse", "HEAD");
  await writeFile(path.join(repo.root, "docs/PRD.md"), PRD);
  await repo.git("commit", "-q", "-am", "PRD: trim dashes [bot-eligible]");
  await repo.git("push", "-q", "origin", "main");
  const after = await repo.git("rev-parse", "HEAD");
  const forge = flavour === "github" ? await startGitHubServer({ token: TOKEN }) : await startGiteaServer({ token: TOKEN });
  onTestFinished(() => forge.close());
  const model = forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string });
  const llm = await startFakeOpenAI();
  onTestFinished(() => llm.close());
  // What actions/checkout with persist-credentials: false leaves: a clone whose origin carries no token.
  const runnerDir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-checkout-"));
  onTestFinished(() => rm(runnerDir, { recursive: true, force: true }));
  const checkout = path.join(runnerDir, "app");
  await runGit(runnerDir, ["clone", "-q", forge.authenticatedGitUrl("acme", "app"), checkout]);
  await runGit(checkout, ["remote", "set-url", "origin", forge.gitUrl("acme", "app")]);
  return {
    flavour,
    forge,
    repo,
    model,
    llm,
    checkout,
    before,
    after,
  };
}

function pushPayload(w: World): Record<string, unknown> {
  const base = structuredClone(w.flavour === "github" ? githubPush : giteaPush) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  base.ref = "refs/heads/main";
  base.before = w.before;
  base.after = w.after;
  base.repository = { ...base.repository, full_name: "acme/app", name: "app", default_branch: "main" };
  base.commits = [{ ...base.commits[0], id: w.after, added: [], removed: [], modified: ["docs/PRD.md"] }];
  return base;
}

function run(w: World, over: { event?: string; payload?: unknown; token?: string; inputs?: Record<string, string> } = {}): Promise<ActionRun> {
  return runActionDist({
    event: over.event ?? "push",
    payload: over.payload ?? pushPayload(w),
    inputs: { token: over.token ?? TOKEN, ...over.inputs },
    env: {
      GITHUB_REPOSITORY: "acme/app",
      GITHUB_API_URL: w.forge.apiUrl,
      GITHUB_SERVER_URL: w.forge.url,
      GITHUB_WORKSPACE: w.checkout,
      OPENAI_BASE_URL: w.llm.url,
      OPENAI_API_KEY: API_KEY,
      PRD_BOT_MODEL: "coder-1",
      ...(w.flavour === "gitea" ? { GITEA_ACTIONS: "true" } : {}),
    },
  });
}

const bare = (w: World, ...args: string[]) => runGit(w.repo.root, ["--git-dir", w.repo.remote as string, ...args]);

async function stateRecord(w: World, cycleId: string): Promise<CycleRecord> {
  return JSON.parse(await bare(w, "show", `prd-bot/state:cycles/${cycleId}.json`)) as CycleRecord;
}

/** Neither the token nor the model key shows anywhere a person or a log collector could read it. */
function expectNoSecrets(result: ActionRun, expect: ExpectStatic = globalExpect): void {
  const lines = `${result.stdout}\n${result.stderr}`.split("\n");
  // `::add-mask::` is the command that tells the runner to mask the token; the runner never shows it.
  expect(lines.filter((line) => line.includes(TOKEN))).toEqual(lines.filter((line) => line === `::add-mask::${TOKEN}`));
  for (const text of [result.stdout, result.stderr, result.summary, JSON.stringify(result.outputs)]) expect(text).not.toContain(API_KEY);
  expect(result.summary).not.toContain(TOKEN);
}

function expectCleanForge(w: World, expect: ExpectStatic = globalExpect): void {
  expect(w.forge.violations).toEqual([]);
  expect(w.forge.unexpected).toEqual([]);
  expect(w.llm.unexpected).toEqual([]);
}

// Each test has its own forge, model server and repositories, so they run side by side.
describe.concurrent("the built Action", () => {
  it("an event it ignores exits 0 quickly with outcome none, without touching the forge", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    const cloned = w.forge.gitRequests.length;
    const result = await run(w, { event: "release", payload: { action: "published" } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.outputs).toEqual({ outcome: "none" });
    expect(result.stdout).toContain('prd-bot does nothing on "release" events');
    expect(w.forge.requests).toEqual([]);
    expect(w.forge.gitRequests).toHaveLength(cloned);
    expectNoSecrets(result, expect);
  });

  it.for(["github", "gitea"] as const)("%s: a push adding a gap → a cycle, the branch pushed, a draft PR, outputs, summary and record", async (flavour, { expect, onTestFinished }) => {
    const w = await setUp(flavour, onTestFinished);
    w.llm.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });
    const result = await run(w);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expectCleanForge(w, expect);

    expect(w.model.pulls).toHaveLength(1);
    const pull = w.model.pulls[0]!;
    expect(pull).toMatchObject({ head: BRANCH, base: "main", state: "open", draft: true, labels: ["prd-bot"] });
    if (flavour === "gitea") expect(pull.title).toMatch(/^WIP: prd-bot: /);
    expect(pull.body).toContain(GAP.id);
    expect(result.outputs.outcome).toBe("ok");
    expect(result.outputs["pr-url"]).toMatch(new RegExp(`/acme/app/pulls?/${pull.number}$`));
    const cycleId = result.outputs["cycle-id"] as string;
    expect(cycleId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);

    // The branch is on the forge with the change; main is untouched there and in the checkout.
    expect(await bare(w, "show", `${BRANCH}:test/slugify-trim.test.js`)).toContain("trims dashes");
    expect(await bare(w, "rev-parse", `${BRANCH}^`)).toBe(w.after);
    expect(await bare(w, "rev-parse", "main")).toBe(w.after);
    expect(await runGit(w.checkout, ["status", "--porcelain", "--untracked-files=all"])).toBe("");

    const record = await stateRecord(w, cycleId);
    expect(record).toMatchObject({ outcome: "ok", branch: BRANCH, pr_url: result.outputs["pr-url"], gap: { id: GAP.id } });
    expect(result.summary).toContain("<code>ok</code>");
    expect(result.summary).toContain(GAP.id);
    expect(result.summary).toContain("Budget left today");
    expect(result.summary).toContain(`href="${result.outputs["pr-url"]}"`);
    expect(result.stdout).toContain("::group::prd-bot: tests: node --test");
    expectNoSecrets(result, expect);
  });

  it("an open PR for the gap → skipped_duplicate, no model call, no second PR", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    w.model.ensureLabel("prd-bot");
    const at = "2026-01-01T00:00:00Z";
    w.model.pulls.push({ number: 1, title: "prd-bot: earlier", body: `<!-- prd-bot:gap=${GAP.id} -->`, head: BRANCH, base: "main", state: "open", draft: true, labels: ["prd-bot"], author: "prd-bot[bot]", createdAt: at, updatedAt: at });
    const result = await run(w);
    expect(result.code, result.stderr).toBe(0);
    expect(result.outputs.outcome).toBe("skipped_duplicate");
    expect(w.llm.requests).toEqual([]);
    expect(w.model.pulls).toHaveLength(1);
    expect((await stateRecord(w, result.outputs["cycle-id"] as string)).reason).toContain("/pull/1");
    expectCleanForge(w, expect);
  });

  it("a push rejected because the branch moved → pr_failed, the job fails, nothing half-made", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    // Someone else's commit already sits on prd-bot/<gap> on the forge.
    await w.repo.git("checkout", "-q", "-b", BRANCH);
    await writeFile(path.join(w.repo.root, "other.txt"), "someone else\n");
    await w.repo.git("add", "other.txt");
    await w.repo.git("commit", "-q", "-m", "someone else's work");
    await w.repo.git("push", "-q", "origin", BRANCH);
    const theirs = await w.repo.git("rev-parse", "HEAD");
    w.llm.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });
    const result = await run(w);
    expect(result.code).toBe(1);
    expect(result.outputs.outcome).toBe("pr_failed");
    expect(result.stdout).toMatch(/::error::cycle .*pr_failed: push of prd-bot\/\S+ was rejected/);
    expect(w.model.pulls).toEqual([]);
    expect(await bare(w, "rev-parse", BRANCH)).toBe(theirs);
    expect((await stateRecord(w, result.outputs["cycle-id"] as string)).outcome).toBe("pr_failed");
    expectCleanForge(w, expect);
    expectNoSecrets(result, expect);
  });

  it("an issue labelled bot-eligible → its own gap, a draft PR that names it, and an answer on the issue", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    const issue = { number: 12, title: "Slugs keep a trailing dash", body: "slugify in src/slugify.js should trim dashes at both ends.", state: "open", labels: [{ name: "bot-eligible" }] };
    w.model.issues.push({ number: 12, title: issue.title, body: issue.body, labels: ["bot-eligible"], author: "alice" });
    w.llm.reply({ content: JSON.stringify(SAMPLE_PROPOSAL) });
    const payload = { action: "labeled", label: { name: "bot-eligible" }, issue, repository: { full_name: "acme/app", default_branch: "main" } };
    const result = await run(w, { event: "issues", payload });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expectCleanForge(w, expect);
    expect(result.outputs.outcome).toBe("ok");
    const record = await stateRecord(w, result.outputs["cycle-id"] as string);
    expect(record.gap?.text).toBe("Issue #12: Slugs keep a trailing dash — slugify in src/slugify.js should trim dashes at both ends.");
    expect(w.model.pulls[0]?.head).toBe(`prd-bot/${record.gap?.id}`);
    // The model saw the issue as the gap; the PRD on disk was never changed.
    expect(JSON.stringify(w.llm.requests[0]?.body)).toContain("Issue #12: Slugs keep a trailing dash");
    expect(await runGit(w.checkout, ["status", "--porcelain"])).toBe("");
    expect(w.model.comments.map((c) => [c.issueNumber, c.body])).toEqual([[12, `prd-bot opened a draft pull request for this issue: ${result.outputs["pr-url"]}`]]);
  });

  it("/scrum on a PR by a writer → the review runs: a line comment on the diff and the report; by a reader → ignored; then /scrum apply → a checked commit pushed to the PR branch", async ({ expect, onTestFinished }) => {
    const w = await setUp("gitea", onTestFinished);
    w.model.permissions = { alice: "write", mallory: "read" };
    await w.repo.git("checkout", "-q", "-b", "feature");
    const slugify = (SAMPLE_FILES["src/slugify.js"] as string).replace('.replace(/[^a-z0-9]+/g, "-");', '.replace(/[^a-z0-9]+/g, "-")\n    .replace(/-+$/g, "");');
    await writeFile(path.join(w.repo.root, "src/slugify.js"), slugify);
    await w.repo.git("commit", "-q", "-am", "trim the end");
    await w.repo.git("push", "-q", "origin", "feature");
    const at = "2026-01-01T00:00:00Z";
    w.model.pulls.push({ number: 5, title: "Trim", body: "", head: "feature", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: at, updatedAt: at });
    w.llm.reply((request) => {
      const prompt = JSON.stringify(request.body);
      const ref = /\[ref:([0-9a-f-]+)\] docs\/PRD.md > slug-kit PRD > Slugs/.exec(prompt)?.[1] ?? "missing";
      return { content: JSON.stringify({ summary: "Trims trailing dashes only; the PRD asks for leading and trailing ones.", alignment_score: 6, findings: [{ line_start: 7, line_end: 7, severity: "major", category: "requirement", confidence: 90, message: "Leading dashes are kept.", suggestion: '    .replace(/^-+|-+$/g, "");', prd_refs: [ref] }], gaps: [] }) };
    });
    const comment = (login: string) => ({
      action: "created",
      is_pull: true,
      issue: { number: 5, title: "Trim", body: "", pull_request: { merged: false } },
      comment: { id: 77, body: "/scrum", user: { login } },
      repository: { full_name: "acme/app", default_branch: "main" },
    });
    const byWriter = await run(w, { event: "issue_comment", payload: comment("alice") });
    expect(byWriter.code, `${byWriter.stdout}\n${byWriter.stderr}`).toBe(0);
    expect(w.model.comments).toHaveLength(1);
    expect(w.model.comments[0]?.body).toMatch(/^<!-- prd-bot:review -->\n## prd-bot review/);
    expect(w.model.comments[0]?.body).toContain("`src/slugify.js`: reviewed");
    expect(w.model.reviews.flatMap((r) => r.comments)).toEqual([expect.objectContaining({ path: "src/slugify.js", line: 7 })]);
    expect(await bare(w, "show", "prd-bot/state:reviews.jsonl")).toContain('"path":"src/slugify.js"');
    const byReader = await run(w, { event: "issue_comment", payload: comment("mallory") });
    expect(byReader.code).toBe(0);
    expect(byReader.stdout).toContain("commands need write access (mallory has read)");
    expect(w.model.comments).toHaveLength(1);

    // /scrum apply from the writer: the finding (confidence 90, tier auto) becomes a checked commit on the PR branch.
    const reviewedHead = await bare(w, "rev-parse", "feature");
    w.llm.reply({ content: JSON.stringify({ patches: [{ old_string: '.replace(/-+$/g, "");', new_string: '.replace(/^-+|-+$/g, "");', rationale: "trim leading dashes too", confidence: 95 }] }) });
    const apply = await run(w, { event: "issue_comment", payload: { ...comment("alice"), comment: { id: 78, body: "/scrum apply", user: { login: "alice" } } } });
    expect(apply.code, `${apply.stdout}\n${apply.stderr}`).toBe(0);
    const tip = await bare(w, "rev-parse", "feature");
    expect(await bare(w, "rev-parse", `${tip}^`)).toBe(reviewedHead);
    expect(await bare(w, "show", `${tip}:src/slugify.js`)).toContain('.replace(/^-+|-+$/g, "");');
    expect(await bare(w, "log", "-1", "--format=%s", tip)).toBe("prd-bot apply: 1 patch in src/slugify.js");
    expect(await bare(w, "show", "prd-bot/state:auto_apply.jsonl")).toContain('"action":"committed"');
    const report = w.model.comments.find((c) => c.body.startsWith("<!-- prd-bot:apply -->"))?.body ?? "";
    expect(report).toContain("`src/slugify.js`: **committed**");
    expect(report).toContain("Pushed 1 commit(s) to `feature`");
    expectCleanForge(w, expect);
    expectNoSecrets(byWriter, expect);
    expectNoSecrets(apply, expect);
  });

  it("the review label added by a writer (GitHub labeled) → the review's report; by a reader → ignored; /scrum help → 👀 and the commands", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    w.model.permissions = { alice: "write", mallory: "read" };
    const at = "2026-01-01T00:00:00Z";
    w.model.pulls.push({ number: 5, title: "Feature", body: "", head: "main", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: at, updatedAt: at });
    const side = { ref: "main", sha: w.after, repo: { full_name: "acme/app" } };
    const labeled = (login: string) => ({
      action: "labeled",
      number: 5,
      label: { name: "prd-bot:review" },
      pull_request: { number: 5, state: "open", head: side, base: side, labels: [{ name: "prd-bot:review" }] },
      sender: { login, type: "User" },
      repository: { full_name: "acme/app", default_branch: "main" },
    });
    const byWriter = await run(w, { event: "pull_request", payload: labeled("alice") });
    expect(byWriter.code, byWriter.stdout).toBe(0);
    expect(byWriter.stdout).toContain('alice added the label "prd-bot:review" to #5');
    // The review ran (its report comment; this PR changes nothing, so nothing was sent to a model).
    expect(w.model.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^<!-- prd-bot:review -->\n## prd-bot review/)]);
    const byReader = await run(w, { event: "pull_request", payload: labeled("mallory") });
    expect(byReader.code).toBe(0);
    expect(byReader.stdout).toContain("commands need write access (mallory has read)");
    expect(w.model.comments).toHaveLength(1);
    w.model.comments.push({ id: 91, issueNumber: 5, body: "/scrum help", author: "alice", createdAt: at, updatedAt: at });
    const help = await run(w, {
      event: "issue_comment",
      payload: { action: "created", issue: { number: 5, title: "Feature", pull_request: { url: "x" } }, comment: { id: 91, body: "/scrum help", user: { login: "alice", type: "User" } }, repository: { full_name: "acme/app", default_branch: "main" } },
    });
    expect(help.code, help.stdout).toBe(0);
    expect(w.model.reactions).toEqual([expect.objectContaining({ commentId: 91, content: "eyes" })]);
    expect(w.model.comments.at(-1)?.body).toMatch(/^prd-bot commands[\s\S]*`\/scrum apply`/);
    expectCleanForge(w, expect);
  });

  it("an invalid config fails only runs that have work, naming the file and the key; bad inputs name the input", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    await writeFile(path.join(w.checkout, ".github/prd-bot.yml"), "policy:\n  max_files: many\n");
    const ignored = await run(w, { event: "release", payload: {} });
    expect(ignored.code).toBe(0);
    expect(ignored.outputs.outcome).toBe("none");
    const push = await run(w);
    expect(push.code).toBe(1);
    expect(push.stdout).toMatch(/::error::Invalid configuration in \.github\/prd-bot\.yml: \.github\/prd-bot\.yml:2:\d+ `policy\.max_files`/);
    const input = await run(w, { inputs: { "max-cycles": "lots" } });
    expect(input.code).toBe(1);
    expect(input.stdout).toContain("::error::input `max-cycles`: expected a whole number of at least 1, got \"lots\"");
    expect(w.forge.requests).toEqual([]);
    expect(w.llm.requests).toEqual([]);
  });

  it("a token the forge refuses → a clear failure before any work, and the token stays secret", async ({ expect, onTestFinished }) => {
    const w = await setUp("github", onTestFinished);
    const wrong = "ghs_wrongtoken9876543210";
    const result = await run(w, { token: wrong });
    expect(result.code).toBe(1);
    expect(result.outputs.outcome).toBe("error");
    expect(result.stdout).toMatch(/::error::the forge refused the token .*with: token:/);
    expect(`${result.stdout}${result.stderr}`.split("\n").filter((l) => l.includes(wrong))).toEqual([`::add-mask::${wrong}`]);
    expect(w.llm.requests).toEqual([]);
    expect(w.forge.gitRequests.filter((r) => r.service === "git-receive-pack")).toEqual([]);
    expect(w.forge.violations).toEqual([]);
  });
});
