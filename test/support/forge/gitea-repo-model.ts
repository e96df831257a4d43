// Typical Gitea 1.22 handlers over the in-memory repository model (`withRepo`): repository, pull requests
// (drafts are a `WIP:` title prefix, numbers are `index`), files, diffs, contents and compare. Comments,
// labels, statuses, permissions, reviews and dispatch are in gitea-repo-activity.ts.
import { bareGit, commitFiles, commitsBetween, diffFiles, readBlob, resolveCommit } from "./bare-repo.js";
import type { ForgeReply, ForgeRequest, ForgeServer } from "./forge-types.js";
import type { GiteaShapes } from "./gitea-shapes.js";
import type { ModelPull, RepoModel } from "./repo-model.js";
import { isoNow, paginate } from "./repo-model.js";

export type ModelLookup = (request: ForgeRequest) => RepoModel | undefined;

export function giteaError(status: number, message: string): ForgeReply {
  return { status, body: { message, url: "https://docs.gitea.com/api/1.22/", errors: [] } };
}

export const NOT_FOUND = giteaError(404, "The target couldn't be found.");

/** Gitea's default WIP prefixes (setting repository.pull-request.WORK_IN_PROGRESS_PREFIXES). */
export function isWorkInProgress(title: string): boolean {
  return /^\s*(WIP:|\[WIP\])/i.test(title);
}

export function withModel(server: ForgeServer, lookup: ModelLookup) {
  return (method: string, template: string, handler: (model: RepoModel, request: ForgeRequest) => Promise<ForgeReply> | ForgeReply) =>
    server.on(method, template, (request) => {
      const model = lookup(request);
      return model ? handler(model, request) : NOT_FOUND;
    });
}

export async function headShaOf(model: RepoModel, pull: ModelPull): Promise<string> {
  if (pull.headRepo) return pull.headSha ?? "0".repeat(40);
  return (await resolveCommit(model.bareRepoPath, `refs/heads/${pull.head}`)) ?? pull.headSha ?? "0".repeat(40);
}

export function registerGiteaRepoHandlers(server: ForgeServer, lookup: ModelLookup, shapes: GiteaShapes): void {
  const on = withModel(server, lookup);
  const pullOf = (model: RepoModel, request: ForgeRequest) => model.pulls.find((p) => p.number === Number(request.params.index));
  const full = async (model: RepoModel, pull: ModelPull) =>
    shapes.pull(model, pull, await headShaOf(model, pull), (await resolveCommit(model.bareRepoPath, `refs/heads/${pull.base}`)) ?? "");

  on("GET", "/repos/{owner}/{repo}", (model) => ({ status: 200, body: shapes.repository(model) }));

  on("GET", "/repos/{owner}/{repo}/pulls", async (model, request) => {
    const state = request.query.get("state") ?? "open";
    const labelIds = request.query.getAll("labels").map(Number);
    const wanted = model.labels.filter((l) => labelIds.includes(l.id)).map((l) => l.name);
    const matching = model.pulls
      .filter((p) => state === "all" || p.state === state)
      .filter((p) => wanted.every((name) => p.labels.includes(name)))
      .sort((a, b) => b.number - a.number);
    const { page, headers } = paginate(matching, request.query, `${server.url}/api/v1${request.path}`, "limit", 30);
    return { status: 200, body: await Promise.all(page.map((p) => full(model, p))), headers };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{index}", async (model, request) => {
    const pull = pullOf(model, request);
    return pull ? { status: 200, body: await full(model, pull) } : NOT_FOUND;
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{base}/{head}", async (model, request) => {
    const pull = model.pulls.filter((p) => p.base === request.params.base && p.head === request.params.head && !p.headRepo).at(-1);
    return pull ? { status: 200, body: await full(model, pull) } : NOT_FOUND;
  });

  on("POST", "/repos/{owner}/{repo}/pulls", async (model, request) => {
    const input = request.body as { title?: string; head?: string; base?: string; body?: string; labels?: number[] };
    if (!input.head || !input.base || !input.title) return giteaError(422, "head, base and title are required");
    for (const ref of [input.head, input.base]) {
      if (!(await resolveCommit(model.bareRepoPath, `refs/heads/${ref}`))) return giteaError(404, `branch ${ref} does not exist`);
    }
    if (model.pulls.some((p) => p.state === "open" && p.head === input.head && p.base === input.base && !p.headRepo)) {
      return giteaError(409, `pull request already exists for these targets [head: ${input.head}, base: ${input.base}]`);
    }
    const unknown = (input.labels ?? []).filter((id) => !model.labels.some((l) => l.id === id));
    if (unknown.length) return giteaError(422, `label ids ${unknown.join(", ")} do not exist (GET /repos/{owner}/{repo}/labels lists them)`);
    const now = isoNow();
    const pull: ModelPull = {
      number: model.nextNumber(),
      title: input.title,
      body: input.body ?? "",
      head: input.head,
      base: input.base,
      state: "open",
      draft: isWorkInProgress(input.title),
      labels: (input.labels ?? []).map((id) => model.labels.find((l) => l.id === id)?.name as string),
      author: model.botLogin,
      createdAt: now,
      updatedAt: now,
    };
    model.pulls.push(pull);
    return { status: 201, body: await full(model, pull) };
  });

  // Gitea answers an edit with 201, not 200.
  on("PATCH", "/repos/{owner}/{repo}/pulls/{index}", async (model, request) => {
    const pull = pullOf(model, request);
    if (!pull) return NOT_FOUND;
    const input = request.body as { title?: string; body?: string; state?: "open" | "closed"; base?: string; labels?: number[] };
    if (input.title !== undefined) {
      pull.title = input.title;
      pull.draft = isWorkInProgress(input.title);
    }
    if (input.body !== undefined) pull.body = input.body;
    if (input.state !== undefined) pull.state = input.state;
    if (input.base !== undefined) pull.base = input.base;
    if (input.labels !== undefined) pull.labels = model.labels.filter((l) => input.labels?.includes(l.id)).map((l) => l.name);
    pull.updatedAt = isoNow();
    return { status: 201, body: await full(model, pull) };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{index}/files", async (model, request) => {
    const pull = pullOf(model, request);
    if (!pull) return NOT_FOUND;
    const headSha = await headShaOf(model, pull);
    const files = await diffFiles(model.bareRepoPath, `refs/heads/${pull.base}`, headSha);
    const { page, headers } = paginate(files, request.query, `${server.url}/api/v1${request.path}`, "limit", 30);
    return { status: 200, body: page.map((f) => shapes.changedFile(model, f, headSha)), headers };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{index}.{diffType}", async (model, request) => {
    const pull = pullOf(model, request);
    if (!pull) return NOT_FOUND;
    const files = await diffFiles(model.bareRepoPath, `refs/heads/${pull.base}`, await headShaOf(model, pull));
    const text = files.map((f) => `diff --git a/${f.previousPath ?? f.path} b/${f.path}\n--- a/${f.previousPath ?? f.path}\n+++ b/${f.path}\n${f.patch ?? ""}\n`).join("");
    return { status: 200, body: text, headers: { "content-type": "text/plain; charset=utf-8" } };
  });

  const fileAt = async (model: RepoModel, request: ForgeRequest) => {
    const ref = request.query.get("ref") ?? model.defaultBranch;
    return { ref, blob: await readBlob(model.bareRepoPath, ref, request.params.filepath as string) };
  };

  on("GET", "/repos/{owner}/{repo}/contents/{filepath}", async (model, request) => {
    const { ref, blob } = await fileAt(model, request);
    if (blob.kind === "missing") return NOT_FOUND;
    if (blob.kind === "not-a-file") throw new Error(`contents of a ${blob.type} (${request.params.filepath}) are not modelled; only files are`);
    const last = (await bareGit(model.bareRepoPath, ["log", "-1", "--format=%H", ref, "--", request.params.filepath as string])).trim();
    return { status: 200, body: shapes.contents(model, request.params.filepath as string, ref, blob.content, blob.sha, last) };
  });

  on("GET", "/repos/{owner}/{repo}/raw/{filepath}", async (model, request) => {
    const { blob } = await fileAt(model, request);
    if (blob.kind !== "file") return NOT_FOUND;
    return { status: 200, body: blob.content.toString("utf8"), headers: { "content-type": "text/plain; charset=utf-8" } };
  });

  on("GET", "/repos/{owner}/{repo}/compare/{basehead}", async (model, request) => {
    const [base, head] = (request.params.basehead as string).split("...") as [string, string | undefined];
    const baseSha = await resolveCommit(model.bareRepoPath, base);
    const headSha = head === undefined ? undefined : await resolveCommit(model.bareRepoPath, head);
    if (!baseSha || !headSha) return NOT_FOUND;
    const commits = await commitsBetween(model.bareRepoPath, baseSha, headSha);
    const body = await Promise.all(commits.map(async (c) => shapes.commit(model, c, await commitFiles(model.bareRepoPath, c.sha))));
    return { status: 200, body: { total_commits: commits.length, commits: body } };
  });
}
