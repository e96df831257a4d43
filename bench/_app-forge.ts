// The local GitHub for bench/app.ts, in its own process as the real GitHub would be: its request validation
// does not share the app's event loop. Talks to the bench over IPC: "ready" (url, token, sha),
// then "report" (every dispatch received), "reset" and "close".
import { serveInstallationTokens } from "../test/support/app-harness.js";
import { startGitHubServer } from "../test/support/forge/index.js";
import type { RepoModel } from "../test/support/forge/index.js";
import { makeRepo } from "../test/support/git-repo.js";

const repos = Number(process.env.BENCH_REPOS ?? 10);
const prs = Number(process.env.BENCH_PRS ?? 1000);
const installationId = Number(process.env.BENCH_INSTALLATION ?? 777);

const repo = await makeRepo({ "README.md": "bench\n" }, { withRemote: true });
const sha = await repo.git("rev-parse", "HEAD");
const forge = await startGitHubServer();
serveInstallationTokens(forge, installationId);
const models: RepoModel[] = [];
const modelOf = (params: Record<string, string>) => models.find((m) => m.repo === params.repo);
const now = new Date().toISOString();
for (let r = 0; r < repos; r++) {
  const model = forge.withRepo({ owner: "acme", repo: `app-${r}`, bareRepoPath: repo.remote as string, permissions: { alice: "write" } });
  models.push(model);
}
// Comment n sits on PR n, in the repository bench/app.ts sends PR n's deliveries to (blocks of 10 in turn).
const perRound = Number(process.env.BENCH_ROUND ?? prs);
for (let n = 1; n <= prs; n++) {
  const model = models[Math.floor(((n - 1) % perRound) / 10) % repos] as RepoModel;
  model.comments.push({ id: n, issueNumber: n, body: "/scrum", author: "alice", createdAt: now, updatedAt: now });
}

// Fast handlers for the two writes whose stock handlers ask git to resolve the ref (a process per request):
// the bench measures the app, not the test forge. Requests are still validated against GitHub's description.
forge.on("POST", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", (request) => {
  const input = request.body as { ref: string; inputs?: Record<string, unknown> };
  modelOf(request.params)?.dispatches.push({ workflow: request.params.workflow_id as string, ref: input.ref, inputs: input.inputs ?? {} });
  return { status: 204 };
});
forge.on("POST", "/repos/{owner}/{repo}/statuses/{sha}", (request) => {
  const model = modelOf(request.params) as RepoModel;
  const input = request.body as { state: string; context?: string; description?: string };
  const status = { id: model.nextId(), sha: request.params.sha as string, context: input.context ?? "default", state: input.state, description: input.description ?? "", targetUrl: undefined };
  model.statuses.push(status);
  return { status: 201, body: forge.shapes.status(model, status) };
});

const send = (message: unknown) => process.send?.(message);
process.on("message", (message: { type: string }) => {
  if (message.type === "report") {
    send({
      type: "report",
      dispatches: models.flatMap((model) => model.dispatches.map((d) => ({ repo: model.repo, workflow: d.workflow, ref: d.ref, inputs: d.inputs }))),
      statuses: models.reduce((sum, model) => sum + model.statuses.length, 0),
      reactions: models.reduce((sum, model) => sum + model.reactions.length, 0),
      requests: forge.requests.length,
      violations: forge.violations.slice(0, 5),
      unexpected: forge.unexpected.slice(0, 5).map((r) => `${r.method} ${r.path}`),
    });
  } else if (message.type === "reset") {
    for (const model of models) for (const list of [model.dispatches, model.statuses, model.reactions]) list.length = 0;
    forge.requests.length = 0;
    send({ type: "reset" });
  } else if (message.type === "close") {
    void forge.close().then(() => repo.cleanup()).then(() => process.exit(0));
  }
});
send({ type: "ready", url: forge.url, token: forge.token, sha });
