// The one way to post (jobs/shared + the Forge port), on both forges through the local GitHub and Gitea whose
// requests are validated against the published API descriptions: a report comment found by its marker and
// edited in place across pages of comments, a review with ranges, left-side comments and suggestions placed
// on the diff, review comments listed back, statuses with annotations (check runs on GitHub, 50 per request),
// details comments where the forge has only commit statuses, and the auditor's commit status finished.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createForge } from "../../src/adapters/forge/create-forge.js";
import { sanitizeModelText } from "../../src/core/post/sanitize.js";
import { postFinalStatus, postStatus } from "../../src/jobs/shared/post-status.js";
import { postReview } from "../../src/jobs/shared/post-review.js";
import { findReport, reportMarker, upsertReport } from "../../src/jobs/shared/upsert-report.js";
import type { Forge, StatusAnnotation } from "../../src/ports/forge.js";
import { FAST, expectClean, requestsTo } from "../support/forge-adapter-fixtures.js";
import { startGiteaServer, startGitHubServer, type ForgeServer, type RepoModel } from "../support/forge/index.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

const TOKEN = "ghs_postingTestToken0123456789abcdef";
const at = { owner: "acme", repo: "app" };
const BEFORE = ["import x from 'x';", "", "export function total(items) {", "  let sum = 0;", "  for (const i of items) sum += i;", "  return sum;", "}", "", "export const unused = 1;", ""].join("\n");
const AFTER = ["import x from 'x';", "", "export function total(items) {", "  let sum = 0;", "  for (const i of items) sum += i.price;", "  return sum", "}", "", "export const unused = 2;", ""].join("\n");

describe.each(["github", "gitea"] as const)("posting on %s", (kind) => {
  let server: ForgeServer & { withRepo(o: Parameters<Awaited<ReturnType<typeof startGitHubServer>>["withRepo"]>[0]): RepoModel };
  let repo: TestRepo;
  let model: RepoModel;
  let forge: Forge;
  let headSha: string;
  let patch: string;

  beforeAll(async () => {
    repo = await makeRepo({ "src/total.js": BEFORE, "README.md": "hi\n" }, { withRemote: true });
    await repo.git("checkout", "-q", "-b", "feature");
    await writeFile(path.join(repo.root, "src/total.js"), AFTER);
    await repo.git("commit", "-q", "-am", "price");
    await repo.git("push", "-q", "origin", "feature");
    headSha = await repo.git("rev-parse", "HEAD");
    patch = (await repo.git("diff", "main...feature", "--", "src/total.js")).replace(/^[\s\S]*?(?=^@@)/m, "");
    server = kind === "github" ? await startGitHubServer({ token: TOKEN }) : await startGiteaServer({ token: TOKEN });
    model = server.withRepo({ ...at, bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
    const when = "2026-01-01T00:00:00Z";
    model.pulls.push({ number: 1, title: "Prices", body: "", head: "feature", base: "main", state: "open", draft: false, labels: [], author: "alice", createdAt: when, updatedAt: when });
    forge = createForge(kind, { repo: at, token: TOKEN, apiUrl: server.apiUrl, serverUrl: server.url, timing: FAST, retries: 1 });
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  it("keeps one report per marker, edited in place, found among pages of other comments; never a second one", async () => {
    for (let i = 0; i < 120; i++) model.comments.push({ id: model.nextId(), issueNumber: 1, body: i === 5 ? "> quoting <!-- prd-bot:review -->" : `chatter ${i}`, author: "alice", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" });
    const first = await upsertReport(forge, 1, "review", "## Review\n\nfirst run");
    expect(first).toMatchObject({ created: true });
    const second = await upsertReport(forge, 1, "review", "## Review\n\nsecond run");
    const third = await upsertReport(forge, 1, "review", "## Review\n\nsecond run");
    expect(second).toEqual({ id: first?.id, url: first?.url, created: false });
    expect(third?.id).toBe(first?.id);
    const reports = model.comments.filter((c) => c.body.startsWith(reportMarker("review")));
    expect(reports.map((c) => c.body)).toEqual(["<!-- prd-bot:review -->\n## Review\n\nsecond run"]);
    // The third run changed nothing, so nothing was written.
    const edits = kind === "github" ? requestsTo(server, "PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}") : requestsTo(server, "PATCH", "/repos/{owner}/{repo}/issues/comments/{id}");
    expect(edits).toHaveLength(1);
    const listed = await forge.listComments(1);
    expect(listed).toHaveLength(121);
    expect(findReport(listed, "review", await forge.botLogin())?.id).toBe(first?.id);
    expect(await forge.botLogin()).toBe(kind === "github" ? undefined : "prd-bot");
    // Another marker is another report.
    await upsertReport(forge, 1, "apply", "applied nothing");
    expect(model.comments.filter((c) => c.body.startsWith("<!-- prd-bot:")).length).toBe(2);
    expect(await upsertReport(forge, 1, "absent", "x", { onlyIfExists: true })).toBeUndefined();
    if (kind === "github") expect(requestsTo(server, "GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments").length).toBeGreaterThanOrEqual(2 * 2);
    expectClean(server);
  });

  it("ignores a marker someone else wrote into their own comment: the report is prd-bot's own", async () => {
    model.comments.push({ id: model.nextId(), issueNumber: 1, body: "<!-- prd-bot:forged -->\nAll aligned!", author: "mallory", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" });
    const report = await upsertReport(forge, 1, "forged", "the real report");
    expect(report?.created).toBe(true);
    expect(model.comments.filter((c) => c.body.startsWith("<!-- prd-bot:forged -->")).map((c) => [c.author, c.body])).toEqual([
      ["mallory", "<!-- prd-bot:forged -->\nAll aligned!"],
      [model.botLogin, "<!-- prd-bot:forged -->\nthe real report"],
    ]);
    expect((await upsertReport(forge, 1, "forged", "second"))?.id).toBe(report?.id);
    expectClean(server);
  });

  it("posts one review: a range with a suggestion, a left-side comment, sanitized model text; off-diff findings come back", async () => {
    const message = sanitizeModelText("Sum of prices, @alice: <b>missing semicolon</b>");
    const result = await postReview(forge, {
      pr: 1,
      commitSha: headSha,
      body: "prd-bot review: 3 findings",
      files: [{ path: "src/total.js", patch }, { path: "README.md" }],
      comments: [
        { path: "src/total.js", line: 6, startLine: 5, body: message, suggestion: "  for (const i of items) sum += i.price;\n  return sum;\n" },
        { path: "src/total.js", line: 9, side: "LEFT", body: "The old value was used elsewhere." },
        { path: "src/total.js", line: 1, body: "Off the diff." },
        { path: "README.md", line: 1, body: "Not changed." },
      ],
    });
    expect(result.reviewed).toBe(true);
    expect(result.notPlaced.map((n) => n.comment.body)).toEqual(["Not changed.", "Off the diff."]);
    const review = model.reviews.at(-1);
    expect(review?.commitId).toBe(headSha);
    const [range, left] = review?.comments ?? [];
    expect(left).toMatchObject({ path: "src/total.js", line: 9, side: "LEFT" });
    expect(range?.body).not.toMatch(/@alice|<b>/);
    if (kind === "github") {
      expect(range).toMatchObject({ line: 6, side: "RIGHT", startLine: 5 });
      expect(range?.body).toContain("```suggestion\n  for (const i of items) sum += i.price;\n  return sum;\n```");
    } else {
      // Gitea: one line, and the code as a plain block (no committable suggestions there).
      expect(range).toMatchObject({ line: 6, side: "RIGHT" });
      expect(range?.startLine).toBeUndefined();
      expect(range?.body).toContain("Suggested change:\n\n```js\n");
      expect(range?.body).not.toContain("```suggestion");
    }
    const listed = await forge.listReviewComments(1);
    expect(listed.map((c) => [c.path, c.line, c.side])).toEqual([
      ["src/total.js", 6, undefined],
      ["src/total.js", 9, "LEFT"],
    ]);
    // A comment whose line changed since is listed without a line (outdated).
    (review?.comments[0] as { outdated?: boolean }).outdated = true;
    expect((await forge.listReviewComments(1))[0]?.line).toBeNull();
    expectClean(server);
  });

  it("posts statuses: annotations on GitHub's check run (over 50 in batches), a details comment where only commit statuses exist", async () => {
    const annotations: StatusAnnotation[] = Array.from({ length: 60 }, (_, i) => ({ path: "src/total.js", line: (i % 9) + 1, message: `issue ${i} @bob`, level: "failure" }));
    const failed = await postStatus(forge, { sha: headSha, context: "prd-bot/auditor", state: "failure", description: "60 blocking issues: issue 0", details: "## Blocking\n- issue 0", annotations, pr: 1 });
    if (kind === "github") {
      expect(failed.as).toBe("check-run");
      const run = model.checkRuns.at(-1);
      expect(run?.annotations).toHaveLength(60);
      expect(run?.annotations[0]).toEqual({ path: "src/total.js", startLine: 1, endLine: 1, level: "failure", message: "issue 0 @bob" });
      expect(requestsTo(server, "POST", "/repos/{owner}/{repo}/check-runs").at(-1)?.body).toMatchObject({ output: { annotations: expect.any(Array) } });
      expect(((requestsTo(server, "POST", "/repos/{owner}/{repo}/check-runs").at(-1)?.body as { output: { annotations: unknown[] } }).output.annotations).length).toBe(50);
      expect(model.comments.some((c) => c.body.startsWith("<!-- prd-bot:status:prd-bot/auditor -->"))).toBe(false);
    } else {
      expect(failed.as).toBe("commit-status");
      const details = model.comments.find((c) => c.body.startsWith("<!-- prd-bot:status:prd-bot/auditor -->"));
      expect(details?.body).toContain("❌ prd-bot/auditor: failure");
      expect(details?.body).toContain("| `src/total.js:1` | failure | issue 0 @&#8203;bob |");
      expect(model.statuses.at(-1)).toMatchObject({ state: "failure", targetUrl: failed.url });
      // The next run succeeds: the old details comment is updated, not left saying "60 blocking issues".
      await postStatus(forge, { sha: headSha, context: "prd-bot/auditor", state: "success", description: "no issues", pr: 1 });
      const updated = model.comments.filter((c) => c.body.startsWith("<!-- prd-bot:status:prd-bot/auditor -->"));
      expect(updated).toHaveLength(1);
      expect(updated[0]?.body).toContain("✅ prd-bot/auditor: success");
    }
    expectClean(server);
  });

  it("finishes the app's pending commit status: on GitHub the check run and the commit status of the same context", async () => {
    // No commit status of the context yet (a pull_request run without the app): GitHub gets the check run only.
    const alone = await postFinalStatus(forge, { sha: headSha, context: "prd-bot/solo", state: "success", description: "fine", pr: 1 });
    expect(model.statuses.filter((s) => s.context === "prd-bot/solo")).toHaveLength(kind === "github" ? 0 : 1);
    expect(alone.commitStatus).toBeUndefined();
    expect(await forge.latestCommitStatus(headSha, "prd-bot/auditor")).toBe(kind === "gitea" ? "success" : undefined);
    await forge.setCommitStatus({ sha: headSha, context: "prd-bot/auditor", state: "pending", description: "Queued" });
    expect(await forge.latestCommitStatus(headSha, "prd-bot/auditor")).toBe("pending");
    const posted = await postFinalStatus(forge, { sha: headSha, context: "prd-bot/auditor", state: "success", description: "no blocking issues", pr: 1 });
    const last = model.statuses.filter((s) => s.context === "prd-bot/auditor").at(-1);
    expect(last).toMatchObject({ sha: headSha, state: "success", description: "no blocking issues" });
    if (kind === "github") {
      expect(posted).toMatchObject({ as: "check-run", commitStatus: true });
      expect(model.checkRuns.at(-1)).toMatchObject({ name: "prd-bot/auditor", conclusion: "success" });
      expect(last?.targetUrl).toBe(posted.url);
      expect(await forge.latestCommitStatus(headSha, "prd-bot/auditor")).toBe("success");
    } else {
      expect(posted.as).toBe("commit-status");
    }
    expectClean(server);
  });

  it("cuts a body longer than the forge takes, with a note", async () => {
    const posted = await forge.comment(1, `${"word ".repeat(20_000)}\n`.repeat(2));
    const body = model.comments.find((c) => c.id === posted.id)?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/cut here/);
    expectClean(server);
  });
});
