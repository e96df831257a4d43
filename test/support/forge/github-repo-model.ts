// Typical GitHub handlers over the in-memory repository model (`withRepo`): repository, pull requests,
// files, contents and compare. Comments, labels, statuses, checks, permissions, reviews and dispatch are in
// github-repo-activity.ts. Where GitHub answers an error that code must handle (duplicate PR, missing branch),
// the handlers answer it the same way.
import { commitsBetween, diffFiles, readBlob, resolveCommit } from "./bare-repo.js";
import type { ForgeReply, ForgeRequest, ForgeServer } from "./forge-types.js";
import type { GitHubShapes } from "./github-shapes.js";
import type { ModelPull, RepoModel } from "./repo-model.js";
import { isoNow, paginate } from "./repo-model.js";

export type ModelLookup = (request: ForgeRequest) => RepoModel | undefined;

export function githubError(status: number, message: string, errors?: unknown[]): ForgeReply {
  const body: Record<string, unknown> = { message, documentation_url: "https://docs.github.com/rest", status: String(status) };
  if (errors) body.errors = errors;
  return { status, body };
}

export const NOT_FOUND = githubError(404, "Not Found");

/** Registers a handler that answers 404 (as GitHub does) for a repository nobody modelled. */
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

export async function baseShaOf(model: RepoModel, pull: ModelPull): Promise<string> {
  return (await resolveCommit(model.bareRepoPath, `refs/heads/${pull.base}`)) ?? "0".repeat(40);
}

export function registerGitHubRepoHandlers(server: ForgeServer, lookup: ModelLookup, shapes: GitHubShapes): void {
  const on = withModel(server, lookup);
  const pullOf = (model: RepoModel, request: ForgeRequest) => model.pulls.find((p) => p.number === Number(request.params.pull_number));
  const full = async (model: RepoModel, pull: ModelPull) => shapes.pull(model, pull, await headShaOf(model, pull), await baseShaOf(model, pull));

  on("GET", "/repos/{owner}/{repo}", (model) => ({ status: 200, body: shapes.repository(model) }));

  on("GET", "/repos/{owner}/{repo}/pulls", async (model, request) => {
    const state = request.query.get("state") ?? "open";
    const head = request.query.get("head");
    const base = request.query.get("base");
    // GitHub ignores a `head` filter without "owner:" and returns every pull request: keep that trap visible.
    const [headOwner, headRef] = head?.includes(":") ? (head.split(/:(.*)/s) as [string, string]) : [undefined, undefined];
    const matching = model.pulls
      .filter((p) => state === "all" || p.state === state)
      .filter((p) => !headRef || (p.head === headRef && (p.headRepo?.split("/")[0] ?? model.owner) === headOwner))
      .filter((p) => !base || p.base === base)
      .sort((a, b) => b.number - a.number);
    const { page, headers } = paginate(matching, request.query, `${server.url}${request.path}`, "per_page", 30);
    const body = await Promise.all(page.map(async (p) => shapes.pullSimple(model, p, await headShaOf(model, p), await baseShaOf(model, p))));
    return { status: 200, body, headers };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", async (model, request) => {
    const pull = pullOf(model, request);
    return pull ? { status: 200, body: await full(model, pull) } : NOT_FOUND;
  });

  on("POST", "/repos/{owner}/{repo}/pulls", async (model, request) => {
    const input = request.body as { title?: string; head: string; base: string; body?: string; draft?: boolean };
    const head = input.head.includes(":") ? (input.head.split(":")[1] as string) : input.head;
    const missing = [
      ...((await resolveCommit(model.bareRepoPath, `refs/heads/${head}`)) ? [] : [{ resource: "PullRequest", field: "head", code: "invalid" }]),
      ...((await resolveCommit(model.bareRepoPath, `refs/heads/${input.base}`)) ? [] : [{ resource: "PullRequest", field: "base", code: "invalid" }]),
    ];
    if (missing.length) return githubError(422, "Validation Failed", missing);
    if (model.pulls.some((p) => p.state === "open" && p.head === head && p.base === input.base && !p.headRepo)) {
      const message = `A pull request already exists for ${model.owner}:${head}.`;
      return githubError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message }]);
    }
    if ((await commitsBetween(model.bareRepoPath, `refs/heads/${input.base}`, `refs/heads/${head}`)).length === 0) {
      return githubError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: `No commits between ${input.base} and ${head}` }]);
    }
    const now = isoNow();
    const pull: ModelPull = {
      number: model.nextNumber(),
      title: input.title ?? head,
      body: input.body ?? "",
      head,
      base: input.base,
      state: "open",
      draft: input.draft === true,
      labels: [],
      author: model.botLogin,
      createdAt: now,
      updatedAt: now,
    };
    model.pulls.push(pull);
    return { status: 201, body: await full(model, pull), headers: { location: `${server.url}/repos/${model.owner}/${model.repo}/pulls/${pull.number}` } };
  });

  on("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", async (model, request) => {
    const pull = pullOf(model, request);
    if (!pull) return NOT_FOUND;
    const input = request.body as { title?: string; body?: string; state?: "open" | "closed"; base?: string };
    if (input.title !== undefined) pull.title = input.title;
    if (input.body !== undefined) pull.body = input.body;
    if (input.state !== undefined) pull.state = input.state;
    if (input.base !== undefined) pull.base = input.base;
    pull.updatedAt = isoNow();
    return { status: 200, body: await full(model, pull) };
  });

  on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", async (model, request) => {
    const pull = pullOf(model, request);
    if (!pull) return NOT_FOUND;
    const headSha = await headShaOf(model, pull);
    const files = await diffFiles(model.bareRepoPath, `refs/heads/${pull.base}`, headSha);
    const { page, headers } = paginate(files, request.query, `${server.url}${request.path}`, "per_page", 30);
    return { status: 200, body: page.map((f) => shapes.diffEntry(model, f, headSha)), headers };
  });

  on("GET", "/repos/{owner}/{repo}/contents/{path}", async (model, request) => {
    const ref = request.query.get("ref") ?? model.defaultBranch;
    const blob = await readBlob(model.bareRepoPath, ref, request.params.path as string);
    if (blob.kind === "missing") return NOT_FOUND;
    if (blob.kind === "not-a-file") throw new Error(`contents of a ${blob.type} (${request.params.path}) are not modelled; only files are`);
    // `Accept: application/vnd.github.raw` asks for the bytes themselves (octokit: mediaType { format: "raw" }).
    if (/vnd\.github(\.v3)?\.raw/.test(String(request.headers.accept ?? ""))) {
      return { status: 200, body: blob.content.toString("utf8"), headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } };
    }
    return { status: 200, body: shapes.contentFile(model, request.params.path as string, ref, blob.content, blob.sha) };
  });

  // GitHub's description has both templates; a client that encodes "/" in the branch hits the second one.
  const compare = async (model: RepoModel, request: ForgeRequest): Promise<ForgeReply> => {
    const basehead = request.params.basehead ?? `${request.params.base}...${request.params.head}`;
    const [base, head] = basehead.split("...") as [string, string | undefined];
    const strip = (ref: string) => (ref.includes(":") ? (ref.split(":")[1] as string) : ref);
    const baseSha = await resolveCommit(model.bareRepoPath, strip(base));
    const headSha = head === undefined ? undefined : await resolveCommit(model.bareRepoPath, strip(head));
    if (!baseSha || !headSha) return NOT_FOUND;
    const files = await diffFiles(model.bareRepoPath, baseSha, headSha);
    const ahead = await commitsBetween(model.bareRepoPath, baseSha, headSha);
    const behind = (await commitsBetween(model.bareRepoPath, headSha, baseSha)).length;
    return { status: 200, body: shapes.comparison(model, basehead, files, ahead, behind, headSha) };
  };
  on("GET", "/repos/{owner}/{repo}/compare/{basehead}", compare);
  on("GET", "/repos/{owner}/{repo}/compare/{base}...{head}", compare);
}
