// The review job on both forges through the local GitHub and Gitea (requests validated against the published
// API descriptions) and a model on loopback: line comments with a suggestion on the diff, the report found by its
// marker and edited in place, a duplicate-free re-run that reuses the unchanged file, and a new head whose
// changed code gets a new comment while the old one is listed as outdated. Records go to the state branch.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createForge } from "../../src/adapters/forge/create-forge.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import { configSchema } from "../../src/config/schema.js";
import { parseReviews } from "../../src/core/review/review-record.js";
import { silentLogger } from "../../src/jobs/logger.js";
import type { Forge } from "../../src/ports/forge.js";
import { runForgeJob } from "../../src/wiring/forge-jobs.js";
import { FAST, expectClean } from "../support/forge-adapter-fixtures.js";
import { startGiteaServer, startGitHubServer, type ForgeServer, type RepoModel } from "../support/forge/index.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { makeRepo, runGit, type TestRepo } from "../support/git-repo.js";
import { answer, FETCHER, PRD, promptOf, refFor } from "../support/review-fixture.js";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";

const TOKEN = "ghs_reviewTestToken0123456789abcdef";
const at = { owner: "acme", repo: "app" };
const V1 = FETCHER.replace("      attempt += 1;\n", "      attempt += 1;\n      if (attempt > 5) throw error;\n");
const V2 = V1.replace("attempt > 5", "attempt > 4");

describe.each(["github", "gitea"] as const)("review on %s", (kind) => {
  let server: ForgeServer & { withRepo: Awaited<ReturnType<typeof startGitHubServer>>["withRepo"] };
  let repo: TestRepo;
  let model: RepoModel;
  let forge: Forge;
  let llm: FakeOpenAI;
  let tempDir: string;

  beforeAll(async () => {
    repo = await makeRepo({ "docs/PRD.md": PRD, "src/fetcher.ts": FETCHER }, { withRemote: true });
    await repo.git("checkout", "-q", "-b", "feature");
    await writeFile(path.join(repo.root, "src/fetcher.ts"), V1);
    await repo.git("commit", "-q", "-am", "give up after 5");
    await repo.git("push", "-q", "origin", "feature");
    await repo.git("checkout", "-q", "main");
    server = (kind === "github" ? await startGitHubServer({ token: TOKEN }) : await startGiteaServer({ token: TOKEN })) as typeof server;
    model = server.withRepo({ ...at, bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
    const when = "2026-01-01T00:00:00Z";
    model.pulls.push({ number: 1, title: "Give up eventually", body: "Stops retrying. @someone please look <b>now</b>", head: "feature", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: when, updatedAt: when });
    forge = createForge(kind, { repo: at, token: TOKEN, apiUrl: server.apiUrl, serverUrl: server.url, timing: FAST, retries: 1 });
    llm = await startFakeOpenAI({
      respond: (request) => {
        const prompt = promptOf(request);
        const limit = /attempt > (\d)/.exec(prompt)?.[1] ?? "?";
        return answer({
          summary: `Gives up after ${limit} attempts; the PRD asks for at most 3 retries with backoff.`,
          alignment_score: 5,
          findings: [
            { line_start: 8, line_end: 8, severity: "major", category: "requirement", confidence: 92, message: `Gives up after ${limit} attempts, @alice; the PRD allows 3 <b>retries</b>.`, suggestion: "      if (attempt > 3) throw error;", prd_refs: [refFor(prompt, "Retries")] },
            { line_start: 1, line_end: 1, severity: "info", category: "docs", confidence: 60, message: "No doc comment on fetchWithRetry.", prd_refs: [] },
          ],
          gaps: [],
        });
      },
    });
    tempDir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-review-forge-"));
  });

  afterAll(async () => {
    expect(llm?.unexpected ?? []).toEqual([]);
    await llm?.close();
    await server?.close();
    await repo?.cleanup();
    await rm(tempDir, { recursive: true, force: true });
  });

  const config = () => configSchema.parse({ models: { providers: { local: { base_url: llm.url } }, review: ["local/reviewer"] } });
  const run = () =>
    runForgeJob(
      { job: "review", reason: "test", pr: 1 },
      { forge, config: config(), configFile: ".github/prd-bot.yml", env: {}, workspace: () => openGitWorkspace(repo.root), tempDir, log: silentLogger, now: () => new Date("2026-12-02T03:00:00Z"), origin: "app" },
    );
  const reports = () => model.comments.filter((c) => c.body.startsWith("<!-- prd-bot:review -->"));
  const comments = () => model.reviews.flatMap((r) => r.comments);

  it("posts line comments on the diff (suggestion, sanitized) and one report; a re-run posts nothing twice and reuses the file", async () => {
    const first = await run();
    expect(first.failure).toBeUndefined();
    expect(comments()).toHaveLength(1);
    const comment = comments()[0];
    expect(comment).toMatchObject({ path: "src/fetcher.ts", line: 8 });
    expect(comment?.body).toContain("@&#8203;alice");
    expect(comment?.body).not.toContain("<b>");
    if (kind === "github") expect(comment?.body).toContain("```suggestion\n      if (attempt > 3) throw error;\n```");
    else expect(comment?.body).toContain("Suggested change:");
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.body).toContain("`src/fetcher.ts`: reviewed");
    expect(reports()[0]?.body).toContain("No doc comment"); // off the diff: report only
    const calls = llm.requests.length;

    const second = await run();
    expect(second.failure).toBeUndefined();
    expect(llm.requests.length).toBe(calls); // reused, not re-sent
    expect(comments()).toHaveLength(1); // nothing posted twice
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.body).toContain("reused");

    const records = parseReviews(await runGit(repo.root, ["--git-dir", repo.remote as string, "show", "prd-bot/state:reviews.jsonl"])).records;
    expect(records.map((r) => [r.pr, r.reused ?? false])).toEqual([[1, false], [1, true]]);
    expectClean(server);
  }, 30_000);

  it("on a new head reviews the changed file again, posts the new finding and lists the old comment as outdated", async () => {
    await repo.git("checkout", "-q", "feature");
    await writeFile(path.join(repo.root, "src/fetcher.ts"), V2);
    await repo.git("commit", "-q", "-am", "give up after 4");
    await repo.git("push", "-q", "origin", "feature");
    await repo.git("checkout", "-q", "main");
    const calls = llm.requests.length;
    await run();
    expect(llm.requests.length).toBe(calls + 1);
    expect(comments()).toHaveLength(2);
    expect(comments()[1]?.body).toContain("after 4 attempts");
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.body).toContain("### Outdated comments");
    expect(reports()[0]?.body).toMatch(/Outdated comments[\s\S]*after 5 attempts/);
    expectClean(server);
  }, 30_000);
});
