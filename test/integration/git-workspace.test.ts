import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import { execGit, GitError, redactUrls } from "../../src/adapters/workspace/exec-git.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

const repos: TestRepo[] = [];
const extraDirs: string[] = [];

afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
  await Promise.all(extraDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function setup(files: Record<string, string> = {}, withRemote = false) {
  const repo = await makeRepo(
    { "README.md": "# demo\n", "src/a.ts": "export const a = 1;\n", ".gitignore": "node_modules/\ndist/\n", ...files },
    { withRemote },
  );
  repos.push(repo);
  return { repo, ws: await openGitWorkspace(repo.root) };
}

describe("makeRepo", () => {
  it("commits the files on main and pushes to a bare origin", async () => {
    const { repo } = await setup({}, true);
    expect(await repo.git("rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
    expect((await repo.git("ls-files")).split("\n")).toEqual([".gitignore", "README.md", "src/a.ts"]);
    expect(repo.remote).toBeDefined();
    expect(await repo.git("rev-parse", "origin/main")).toBe(await repo.git("rev-parse", "HEAD"));
    expect(await repo.git("status", "--porcelain")).toBe("");
  });
});

describe("openGitWorkspace", () => {
  it("reports root, git dir, branch and head, and refuses a folder that is not a checkout", async () => {
    const { repo, ws } = await setup();
    expect(ws.root).toBe(repo.root);
    expect(await ws.gitDir()).toBe(path.join(repo.root, ".git"));
    expect(await ws.currentBranch()).toBe("main");
    expect(await ws.headSha()).toBe(await repo.git("rev-parse", "HEAD"));
    expect(await ws.listFiles()).toEqual([".gitignore", "README.md", "src/a.ts"]);
    await repo.git("checkout", "-q", "--detach");
    expect(await ws.currentBranch()).toBeNull();

    const plain = await mkdtemp(path.join(os.tmpdir(), "prd-bot-plain-"));
    extraDirs.push(plain);
    await expect(openGitWorkspace(plain)).rejects.toThrow(/not inside a git work tree/);
  });
});

describe("dirtyPaths", () => {
  it("sees tracked changes and untracked files, not ignored files, and honours excluded prefixes", async () => {
    const { repo, ws } = await setup();
    expect(await ws.dirtyPaths()).toEqual([]);
    await writeFile(path.join(repo.root, "README.md"), "changed\n");
    await mkdir(path.join(repo.root, "new/deep"), { recursive: true });
    await writeFile(path.join(repo.root, "new/deep/file.txt"), "x");
    await mkdir(path.join(repo.root, "node_modules/pkg"), { recursive: true });
    await writeFile(path.join(repo.root, "node_modules/pkg/index.js"), "x");
    await mkdir(path.join(repo.root, ".prd-bot/cycles"), { recursive: true });
    await writeFile(path.join(repo.root, ".prd-bot/cycles/1.json"), "{}");
    await writeFile(path.join(repo.root, ".prd-bot-other"), "not under the prefix");

    expect(await ws.dirtyPaths()).toEqual([".prd-bot-other", ".prd-bot/cycles/1.json", "README.md", "new/deep/file.txt"]);
    expect(await ws.dirtyPaths([".prd-bot/"])).toEqual([".prd-bot-other", "README.md", "new/deep/file.txt"]);
    expect(await ws.dirtyPaths([path.join(repo.root, ".prd-bot")])).toEqual([".prd-bot-other", "README.md", "new/deep/file.txt"]);
  });

  it("counts a deleted file and a staged rename (both sides)", async () => {
    const { repo, ws } = await setup();
    await repo.git("mv", "src/a.ts", "src/b.ts");
    await rm(path.join(repo.root, "README.md"));
    expect(await ws.dirtyPaths()).toEqual(["README.md", "src/a.ts", "src/b.ts"]);
  });
});

describe("resolveInside", () => {
  it("accepts new and existing paths inside the root", async () => {
    const { repo, ws } = await setup();
    expect(await ws.resolveInside("src/a.ts")).toEqual({ ok: true, absolute: path.join(repo.root, "src/a.ts") });
    expect(await ws.resolveInside("src/new/dir/b.ts")).toEqual({ ok: true, absolute: path.join(repo.root, "src/new/dir/b.ts") });
    expect(await ws.resolveInside("src/../README.md")).toEqual({ ok: true, absolute: path.join(repo.root, "README.md") });
  });

  it("refuses traversal, absolute paths, .git, symlinked folders leading out and symlinked files", async () => {
    const { repo, ws } = await setup();
    const outside = await mkdtemp(path.join(os.tmpdir(), "prd-bot-outside-"));
    extraDirs.push(outside);
    await symlink(outside, path.join(repo.root, "out"));
    await symlink(path.join(repo.root, "src"), path.join(repo.root, "src-link"));
    await symlink("README.md", path.join(repo.root, "readme-link"));
    await symlink(path.join(repo.root, ".git"), path.join(repo.root, "gitlink"));
    await symlink(path.join(outside, "missing"), path.join(repo.root, "dangling"));

    const reason = async (p: string) => {
      const check = await ws.resolveInside(p);
      expect(check.ok, `${p} should be refused`).toBe(false);
      return check.ok ? "" : check.reason;
    };
    expect(await reason("../escape.txt")).toMatch(/leaves the repository/);
    expect(await reason("src/../../escape.txt")).toMatch(/leaves the repository/);
    expect(await reason("/etc/passwd")).toMatch(/absolute/);
    expect(await reason(".git/config")).toMatch(/\.git/);
    expect(await reason("sub/.git/hooks/pre-commit")).toMatch(/\.git/);
    expect(await reason("gitlink/hooks/pre-commit")).toMatch(/git directory/);
    expect(await reason("out/evil.txt")).toMatch(/outside the repository/);
    expect(await reason("out/new/deeper/evil.txt")).toMatch(/outside the repository/);
    expect(await reason("readme-link")).toMatch(/symlink/);
    expect(await reason("src-link")).toMatch(/symlink/);
    expect(await reason("dangling")).toMatch(/symlink/);
    expect(await reason("dangling/x.txt")).toMatch(/dangling symlink/);
    expect(await reason("README.md/x")).toMatch(/file as if it were a folder/);
    expect(await reason("")).toMatch(/empty/);
    expect(await reason("..\\x")).toMatch(/backslash/);
    // A symlinked folder that stays inside the root is fine: the write lands in src/.
    expect(await ws.resolveInside("src-link/c.ts")).toEqual({ ok: true, absolute: path.join(repo.root, "src/c.ts") });

    await expect(ws.writeFile("out/evil.txt", "x")).rejects.toThrow(/outside the repository/);
    await expect(ws.writeFile("readme-link", "x")).rejects.toThrow(/symlink/);
    expect(await readFile(path.join(repo.root, "README.md"), "utf8")).toBe("# demo\n");
  });
});

describe("readFile / writeFile / readFileAt", () => {
  it("writes with parent folders, reads back, and returns undefined for absent files", async () => {
    const { repo, ws } = await setup();
    await ws.writeFile("deep/new/file.ts", "export {};\n");
    expect(await readFile(path.join(repo.root, "deep/new/file.ts"), "utf8")).toBe("export {};\n");
    expect(await ws.readFile("deep/new/file.ts")).toBe("export {};\n");
    expect(await ws.readFile("nope.txt")).toBeUndefined();
    await expect(ws.readFile("src")).rejects.toThrow(/is a directory/);
    await expect(ws.readFile("../x")).rejects.toThrow(/leaves the repository/);
  });

  it("reads a file at a revision, undefined when absent there, and names a bad revision", async () => {
    const { repo, ws } = await setup();
    const first = await ws.headSha();
    await writeFile(path.join(repo.root, "src/a.ts"), "export const a = 2;\n");
    await repo.git("commit", "-q", "-am", "second");
    expect(await ws.readFileAt(first, "src/a.ts")).toBe("export const a = 1;\n");
    expect(await ws.readFileAt("HEAD", "src/a.ts")).toBe("export const a = 2;\n");
    expect(await ws.readFileAt("main", "missing.ts")).toBeUndefined();
    await expect(ws.readFileAt("no-such-branch", "src/a.ts")).rejects.toThrow(/unknown revision "no-such-branch"/);
    await expect(ws.readFileAt("HEAD", "src")).rejects.toThrow(/is a tree, not a file/);
  });
});

describe("readTrackedFiles", () => {
  it("reads regular tracked files at HEAD in bulk, skipping symlinks and what keep() refuses", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "prd-bot-outside-"));
    extraDirs.push(outside);
    await writeFile(path.join(outside, "secret.txt"), "TOP SECRET");
    const big = "x".repeat(5000);
    const { repo, ws } = await setup({ "src/ünï.ts": "const s = \"héllo ✓\";\n", "big.txt": big, "notes/empty.md": "" });
    await symlink(path.join(outside, "secret.txt"), path.join(repo.root, "link.txt"));
    await repo.git("add", "link.txt");
    await repo.git("commit", "-qm", "a tracked symlink leading out");
    const seen: [string, number][] = [];
    const files = await ws.readTrackedFiles((p, bytes) => {
      seen.push([p, bytes]);
      return bytes <= 1000;
    });
    expect(seen.map(([p]) => p)).not.toContain("link.txt");
    expect(seen).toContainEqual(["big.txt", 5000]);
    expect(Object.fromEntries(files.map((f) => [f.path, f.content]))).toEqual({
      ".gitignore": "node_modules/\ndist/\n",
      "README.md": "# demo\n",
      "notes/empty.md": "",
      "src/a.ts": "export const a = 1;\n",
      "src/ünï.ts": 'const s = "héllo ✓";\n',
    });
    expect(JSON.stringify(files)).not.toContain("TOP SECRET");
  });
});

describe("commitToBranch", () => {
  it("commits working-tree content onto a branch without moving HEAD, the index, the tree or main", async () => {
    const { repo, ws } = await setup({}, true);
    const head = await ws.headSha();
    const indexBefore = await readFile(path.join(repo.root, ".git/index"));
    await ws.writeFile("src/a.ts", "export const a = 42;\n");
    await ws.writeFile("src/new.ts", "export const n = 1;\n");
    await ws.writeFile("dist/built.js", "// ignored, but named on purpose\n");
    const statusBefore = await repo.git("status", "--porcelain");

    const sha = await ws.commitToBranch("prd-bot/gap-1", ["src/a.ts", "src/new.ts", "dist/built.js"], "feat: gap 1\n\nbody");

    expect(await repo.git("rev-parse", "prd-bot/gap-1")).toBe(sha);
    expect(await repo.git("rev-parse", `${sha}^`)).toBe(head);
    expect(await repo.git("show", `${sha}:src/a.ts`)).toBe("export const a = 42;");
    expect(await repo.git("show", `${sha}:src/new.ts`)).toBe("export const n = 1;");
    expect(await repo.git("show", `${sha}:dist/built.js`)).toBe("// ignored, but named on purpose");
    expect(await repo.git("show", `${sha}:README.md`)).toBe("# demo");
    expect(await repo.git("log", "-1", "--format=%an <%ae>|%s", sha)).toBe("Test User <test@example.com>|feat: gap 1");

    expect(await ws.headSha()).toBe(head);
    expect(await ws.currentBranch()).toBe("main");
    expect(await repo.git("rev-parse", "main")).toBe(head);
    expect(await repo.git("rev-parse", "origin/main")).toBe(head);
    expect(await readFile(path.join(repo.root, ".git/index"))).toEqual(indexBefore);
    expect(await repo.git("status", "--porcelain")).toBe(statusBefore);
    expect(await ws.readFile("src/a.ts")).toBe("export const a = 42;\n");
  });

  it("uses prd-bot's identity when the repository has none", async () => {
    const { repo, ws } = await setup();
    await repo.git("config", "--unset", "user.name");
    await repo.git("config", "--unset", "user.email");
    await ws.writeFile("x.txt", "x\n");
    const saved = { ...process.env };
    for (const key of ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"]) delete process.env[key];
    // The machine's global git config must not leak in: point git at an empty one for this call.
    process.env.GIT_CONFIG_GLOBAL = os.devNull;
    process.env.GIT_CONFIG_NOSYSTEM = "1";
    try {
      const sha = await ws.commitToBranch("bot", ["x.txt"], "add x");
      expect(await repo.git("log", "-1", "--format=%an <%ae>/%cn <%ce>", sha)).toBe(
        "prd-bot <prd-bot@users.noreply.github.com>/prd-bot <prd-bot@users.noreply.github.com>",
      );
    } finally {
      process.env = saved;
    }
  });

  it("refuses bad branch names, the checked-out branch, missing paths and an empty message", async () => {
    const { repo, ws } = await setup();
    await ws.writeFile("x.txt", "x\n");
    await expect(ws.commitToBranch("bad..name", ["x.txt"], "m")).rejects.toThrow(/invalid branch name "bad\.\.name"/);
    await expect(ws.commitToBranch("@{-1}", ["x.txt"], "m")).rejects.toThrow(/invalid branch name/);
    await expect(ws.commitToBranch("-x", ["x.txt"], "m")).rejects.toThrow(/invalid branch name/);
    await expect(ws.commitToBranch("main", ["x.txt"], "m")).rejects.toThrow(/checked-out branch/);
    await expect(ws.commitToBranch("ok", ["gone.txt"], "m")).rejects.toThrow(/"gone.txt" is not a file/);
    await expect(ws.commitToBranch("ok", ["x.txt"], "  ")).rejects.toThrow(/message is empty/);
    expect(await repo.git("branch", "--list")).toBe("* main");
  });
});

describe("restore", () => {
  it("restores tracked files, removes new untracked files and folders, leaves ignored and kept paths and the index", async () => {
    const { repo, ws } = await setup({ "docs/guide.md": "guide\n" });
    const head = await ws.headSha();
    const indexBefore = await readFile(path.join(repo.root, ".git/index"));
    await ws.writeFile("src/a.ts", "broken\n");
    await rm(path.join(repo.root, "docs/guide.md"));
    await ws.writeFile("brand/new/dir/file.ts", "x");
    await ws.writeFile("top.txt", "x");
    await ws.writeFile("node_modules/pkg/index.js", "kept: ignored");
    await ws.writeFile("state/events.jsonl", "kept: keep path\n");
    await ws.writeFile("keep-me.txt", "kept: keep file\n");

    await ws.restore(["state", "keep-me.txt"]);

    expect(await ws.readFile("src/a.ts")).toBe("export const a = 1;\n");
    expect(await ws.readFile("docs/guide.md")).toBe("guide\n");
    expect(await ws.readFile("brand/new/dir/file.ts")).toBeUndefined();
    expect(await ws.readFile("top.txt")).toBeUndefined();
    await expect(readFile(path.join(repo.root, "brand"))).rejects.toThrow(/ENOENT/);
    expect(await ws.readFile("node_modules/pkg/index.js")).toBe("kept: ignored");
    expect(await ws.readFile("state/events.jsonl")).toBe("kept: keep path\n");
    expect(await ws.readFile("keep-me.txt")).toBe("kept: keep file\n");
    expect(await ws.dirtyPaths(["state", "keep-me.txt"])).toEqual([]);
    expect(await ws.headSha()).toBe(head);
    expect(await readFile(path.join(repo.root, ".git/index"))).toEqual(indexBefore);
  });

  it("puts back a tracked file that was replaced by a folder", async () => {
    const { ws } = await setup();
    await rm(path.join(ws.root, "README.md"));
    await ws.writeFile("README.md/inner.txt", "x");
    await ws.restore();
    expect(await ws.readFile("README.md")).toBe("# demo\n");
    expect(await ws.dirtyPaths()).toEqual([]);
  });
});

describe("git errors", () => {
  it("name the command and git's message, with credentials in URLs redacted", async () => {
    const { repo } = await setup();
    await expect(execGit(repo.root, ["rev-parse", "--verify", "no-such-ref"])).rejects.toThrow(
      /git rev-parse --verify no-such-ref failed with exit code 128 in .*: fatal: Needed a single revision/,
    );
    // Port 9 on loopback refuses the connection at once; the URL carries a fake token that must not show.
    const failure = await execGit(repo.root, ["ls-remote", "https://user:s3cr3t-token@127.0.0.1:9/x.git"]).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(GitError);
    expect(failure?.message).toContain("git ls-remote https://***@127.0.0.1:9/x.git failed");
    expect(failure?.message).not.toContain("s3cr3t");
    expect(redactUrls("fatal: unable to access 'https://user:s3cr3t-token@host/x.git/'")).toBe(
      "fatal: unable to access 'https://***@host/x.git/'",
    );
    expect(redactUrls("http://tok@h/ and ssh://git@h/ and https://h/")).toBe("http://***@h/ and ssh://***@h/ and https://h/");
    const ws = await openGitWorkspace(repo.root);
    await expect(ws.readFileAt("-rf", "x")).rejects.toThrow(/not a revision/);
  });
});
