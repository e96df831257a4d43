// The draft-PR publisher over the GitHub adapter and a real bare repository served by the local GitHub:
// open a labelled draft, find it again for the duplicate check, keep the branch local when policy says so,
// and leave nothing half-made when the PR cannot be opened.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubForge } from "../../src/adapters/forge/github/create-github-forge.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import type { Gap } from "../../src/core/types.js";
import { createDraftPrPublisher } from "../../src/jobs/propose/publish-draft-pr.js";
import { renderPrBody } from "../../src/core/propose/render-pr-body.js";
import type { Forge } from "../../src/ports/forge.js";
import type { Workspace } from "../../src/ports/workspace.js";
import { FAST, expectClean, makeForgeTestRepo, requestsTo, type ForgeTestRepo } from "../support/forge-adapter-fixtures.js";
import { startGitHubServer, type GitHubServer, type RepoModel } from "../support/forge/index.js";
import { runGit } from "../support/git-repo.js";

const TOKEN = "ghs_publisherTestToken0123456789";
const gap: Gap = { id: "0123456789ab", line: 3, text: "c is three", section: ["PRD"], checked: false, kind: "list_item", context: "", files: [] };

let server: GitHubServer;
let repo: ForgeTestRepo;
let model: RepoModel;
let forge: Forge;
let workspace: Workspace;
let commit: string;
const branch = `prd-bot/${gap.id}`;

beforeEach(async () => {
  repo = await makeForgeTestRepo();
  server = await startGitHubServer({ token: TOKEN });
  model = server.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote });
  forge = createGitHubForge({ owner: "acme", repo: "app", token: TOKEN, baseUrl: server.url, retries: 1, timing: FAST });
  workspace = await openGitWorkspace(repo.root);
  await writeFile(path.join(repo.root, "src/c.ts"), "export const c = 3;\n");
  commit = await workspace.commitToBranch(branch, ["src/c.ts"], "add c");
  await workspace.restore();
});

afterEach(async () => {
  expectClean(server);
  await server.close();
  await repo.cleanup();
});

const remoteBranches = async () => (await runGit(repo.remote, ["branch", "--list", "prd-bot/*"])).trim();
const body = renderPrBody({
  gap,
  prdPath: "docs/PRD.md",
  summary: "c",
  rationale: "r",
  files: [{ path: "src/c.ts", mode: "ADD" }],
  test: { command: "npm test", exit_code: 0, timed_out: false, duration_ms: 1, output_tail: "", passed: true },
  model: "m",
  tokens: { prompt: 1, completion: 1, total: 2 },
  cycleId: "c1",
});

describe("draft PR publisher", () => {
  it("pushes the branch, opens a labelled draft, and then finds it as a duplicate", async () => {
    const publisher = createDraftPrPublisher(forge, workspace, { base: "main", openPr: true, recordUrl: (id) => `https://forge/state/${id}.json` });
    expect(await publisher.findExisting(gap)).toBeUndefined();
    const result = await publisher.publish({ gap, branch, commit, title: "prd-bot: c", body });
    expect(result).toEqual({ ok: true, url: `${server.url}/acme/app/pull/1` });
    expect(await runGit(repo.remote, ["rev-parse", branch])).toBe(commit);
    expect(model.pulls[0]).toMatchObject({ draft: true, labels: ["prd-bot"], title: "prd-bot: c" });
    expect(await publisher.findExisting(gap)).toEqual({ url: `${server.url}/acme/app/pull/1` });
    expect(publisher.recordUrl?.("c1")).toBe("https://forge/state/c1.json");
  });

  it("pr_skipped_by_policy: open_pr false pushes nothing and opens nothing", async () => {
    const publisher = createDraftPrPublisher(forge, workspace, { base: "main", openPr: false });
    const result = await publisher.publish({ gap, branch, commit, title: "t", body });
    expect(result).toMatchObject({ ok: false, outcome: "pr_skipped_by_policy" });
    expect(await remoteBranches()).toBe("");
    expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/pulls")).toHaveLength(0);
  });

  it("pr_failed: when the PR cannot be opened, the pushed branch is deleted again", async () => {
    server.fail("POST", "/repos/{owner}/{repo}/pulls", [{ status: 403, body: { message: "Resource not accessible by integration" } }]);
    const publisher = createDraftPrPublisher(forge, workspace, { base: "main", openPr: true });
    const result = await publisher.publish({ gap, branch, commit, title: "t", body });
    expect(result).toMatchObject({ ok: false, outcome: "pr_failed" });
    if (!result.ok) {
      expect(result.reason).toContain("opening the draft PR failed");
      expect(result.reason).toContain(`the pushed branch ${branch} was deleted again`);
      expect(result.reason).not.toContain(TOKEN);
    }
    expect(await remoteBranches()).toBe("");
    expect(model.pulls).toHaveLength(0);
  });
});
