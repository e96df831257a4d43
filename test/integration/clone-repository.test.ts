// cloneRepository over smart HTTP from the local Gitea (basic auth with the token, as on a real forge): a shallow
// clone of the default branch that keeps no credentials, gets prd-bot's identity when git has none, and can
// push a new branch back although it has only the tip commit.
import { readFile, writeFile, mkdir, rm, mkdtemp, realpath } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { gitRemoteFor } from "../../src/adapters/forge/git-remote.js";
import { cloneRepository } from "../../src/adapters/workspace/clone-repository.js";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import type { GiteaServer } from "../support/forge/index.js";
import { startGiteaServer } from "../support/forge/index.js";
import { makeRepo, runGit, type TestRepo } from "../support/git-repo.js";

const TOKEN = "gitea_cloneTestToken0123456789abcdef";

describe("cloneRepository", () => {
  let repo: TestRepo;
  let forge: GiteaServer;
  let scratch: string;
  let history: string[];
  const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };

  beforeAll(async () => {
    repo = await makeRepo({ "README.md": "one\n" }, { withRemote: true });
    await writeFile(path.join(repo.root, "README.md"), "two\n");
    await repo.git("commit", "-q", "-am", "second");
    await repo.git("push", "-q", "origin", "main");
    history = (await repo.git("rev-list", "main")).split("\n");
    forge = await startGiteaServer({ token: TOKEN });
    forge.withRepo({ owner: "acme", repo: "app", bareRepoPath: repo.remote as string });
  });

  afterAll(async () => {
    await forge?.close();
    await repo?.cleanup();
  });

  beforeEach(async () => {
    scratch = await realpath(await mkdtemp(path.join(os.tmpdir(), "prd-bot-clone-test-")));
    // The adapter runs git with the real environment: hide this machine's identity so the fallback shows.
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = "1";
  });

  afterEach(async () => {
    for (const [name, value] of [["GIT_CONFIG_GLOBAL", saved.global], ["GIT_CONFIG_NOSYSTEM", saved.nosystem]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(scratch, { recursive: true, force: true });
  });

  const remote = (token = TOKEN) => gitRemoteFor(forge.url, "acme", "app", token);

  it("clones the branch's tip only, keeps no credentials in the clone, and sets prd-bot's identity", async () => {
    const dir = path.join(scratch, "nested", "clone");
    await cloneRepository(remote(), "main", dir);
    const git = (...args: string[]) => runGit(dir, args);
    expect(await git("rev-parse", "HEAD")).toBe(history[0]);
    expect(await git("rev-parse", "--is-shallow-repository")).toBe("true");
    expect(await git("rev-list", "--count", "HEAD")).toBe("1");
    expect(await git("symbolic-ref", "--short", "HEAD")).toBe("main");
    expect(await readFile(path.join(dir, "README.md"), "utf8")).toBe("two\n");
    const config = await readFile(path.join(dir, ".git", "config"), "utf8");
    expect(config).toContain(`url = ${forge.url}/acme/app.git`);
    expect(config).not.toContain(TOKEN);
    expect(config).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString("base64"));
    expect(config).not.toMatch(/extraHeader/i);
    expect([await git("config", "--local", "user.name"), await git("config", "--local", "user.email")]).toEqual(["prd-bot", "prd-bot@users.noreply.github.com"]);
    // The token went in a header, never in a URL.
    const gitRequests = forge.gitRequests;
    expect(gitRequests.length).toBeGreaterThan(0);
    expect(gitRequests.every((request) => !request.path.includes(TOKEN))).toBe(true);
  });

  it("keeps an identity git already has", async () => {
    const home = path.join(scratch, "gitconfig");
    await writeFile(home, "[user]\n\tname = Operator\n\temail = ops@example.com\n");
    process.env.GIT_CONFIG_GLOBAL = home;
    const dir = path.join(scratch, "clone");
    await cloneRepository(remote(), "main", dir);
    expect(await runGit(dir, ["config", "--local", "--get-regexp", "^user\\."]).catch(() => "")).toBe("");
  });

  it("pushes a new branch from the shallow clone: one commit on top of the remote's tip", async () => {
    const dir = path.join(scratch, "clone");
    await cloneRepository(remote(), "main", dir);
    const workspace = await openGitWorkspace(dir);
    await workspace.writeFile("src/new.ts", "export const n = 1;\n");
    const commit = await workspace.commitToBranch("prd-bot/shallow-push", ["src/new.ts"], "add n");
    await workspace.push(remote(), "prd-bot/shallow-push");
    const bare = (...args: string[]) => runGit(repo.remote as string, args);
    expect(await bare("rev-parse", "refs/heads/prd-bot/shallow-push")).toBe(commit);
    expect(await bare("rev-parse", `${commit}^`)).toBe(history[0]);
    expect(await bare("show", `${commit}:src/new.ts`)).toBe("export const n = 1;");
    expect(await bare("log", "-1", "--format=%an <%ae>", commit)).toBe("prd-bot <prd-bot@users.noreply.github.com>");
    expect(await bare("fsck", "--no-dangling")).toBe("");
    await bare("update-ref", "-d", "refs/heads/prd-bot/shallow-push");
  });

  it("says what went wrong, without the token: a refused token, a missing branch, a folder in the way, a bad name", async () => {
    const wrong = "gitea_wrongToken_9876543210";
    const refused = await cloneRepository(remote(wrong), "main", path.join(scratch, "a")).catch((error: Error) => error.message);
    expect(refused).toMatch(/^cloning main of http:\/\/127\.0\.0\.1:\d+\/acme\/app\.git into .*\/a failed: .*\(the token was refused: check that it may read the repository's contents\)$/s);
    expect(refused).not.toContain(wrong);
    expect(refused).not.toContain(Buffer.from(`x-access-token:${wrong}`).toString("base64"));

    await expect(cloneRepository(remote(), "nope", path.join(scratch, "b"))).rejects.toThrow(/\(the repository has no branch nope: pass its default branch\)$/);

    await mkdir(path.join(scratch, "c"));
    await writeFile(path.join(scratch, "c", "keep.txt"), "mine\n");
    await expect(cloneRepository(remote(), "main", path.join(scratch, "c"))).rejects.toThrow(/\(clone into a new or empty folder\)$/);
    expect(await readFile(path.join(scratch, "c", "keep.txt"), "utf8")).toBe("mine\n");

    await expect(cloneRepository(remote(), "--upload-pack=touch /tmp/x", path.join(scratch, "d"))).rejects.toThrow('cloneRepository: "--upload-pack=touch /tmp/x" is not a branch name');
    await expect(cloneRepository(remote(), "main", path.join(scratch, "e"), { depth: -1 })).rejects.toThrow("depth must be a whole number >= 0");
  });
});
