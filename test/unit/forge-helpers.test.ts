// Pure parts of the forge adapters: which forge a runner environment names, URLs derived from API URLs,
// Gitea version checks, folding Gitea's per-commit files into a net comparison, and write pacing.
import { describe, expect, it } from "vitest";
import { createForge, detectForge } from "../../src/adapters/forge/create-forge.js";
import { foldCommitFiles } from "../../src/adapters/forge/gitea/fold-commit-files.js";
import { supportsWorkflowDispatch } from "../../src/adapters/forge/gitea/gitea-version.js";
import { githubServerUrl } from "../../src/adapters/forge/github/github-server-url.js";
import { createWritePacer } from "../../src/adapters/forge/write-pacer.js";

describe("detectForge", () => {
  it("reads GitHub's runner variables, with github.com defaults", () => {
    expect(detectForge({})).toEqual({ kind: "github", apiUrl: "https://api.github.com", serverUrl: "https://github.com" });
    expect(detectForge({ GITHUB_API_URL: "https://ghes.example.com/api/v3/" })).toEqual({ kind: "github", apiUrl: "https://ghes.example.com/api/v3", serverUrl: "https://ghes.example.com" });
    expect(detectForge({ GITHUB_API_URL: "https://api.github.com", GITHUB_SERVER_URL: "https://github.com" }).serverUrl).toBe("https://github.com");
  });

  it("recognises Gitea (and Forgejo) Actions and derives the API URL from the server URL", () => {
    expect(detectForge({ GITEA_ACTIONS: "true", GITHUB_SERVER_URL: "https://gitea.example.com/" })).toEqual({ kind: "gitea", apiUrl: "https://gitea.example.com/api/v1", serverUrl: "https://gitea.example.com" });
    expect(detectForge({ FORGEJO_ACTIONS: "true", GITHUB_SERVER_URL: "https://code.example.org", GITHUB_API_URL: "https://code.example.org/api/v1" }).kind).toBe("gitea");
  });

  it("names the variable that is missing or not a URL", () => {
    expect(() => detectForge({ GITEA_ACTIONS: "true" })).toThrow(/GITHUB_SERVER_URL is not set: set it to the Gitea instance's URL/);
    expect(() => detectForge({ GITHUB_API_URL: "api.github.com" })).toThrow(/GITHUB_API_URL is "api.github.com", which is not an http\(s\) URL/);
  });
});

describe("createForge", () => {
  it("picks the adapter for the kind and says what Gitea is missing", () => {
    const repo = { owner: "acme", repo: "app" };
    expect(createForge("github", { repo, token: "t0ken-value" }).kind).toBe("github");
    expect(createForge("gitea", { repo, token: "t0ken-value", apiUrl: "https://gitea.example.com/api/v1" }).gitRemote().url).toBe("https://gitea.example.com/acme/app.git");
    expect(() => createForge("gitea", { repo, token: "t0ken-value" })).toThrow(/Gitea needs its server URL/);
    expect(() => createForge("gitea", { repo, serverUrl: "https://gitea.example.com" })).toThrow(/Gitea needs a token/);
  });
});

describe("githubServerUrl", () => {
  it("maps api.github.com and GHES API roots to their web roots, and leaves other hosts alone", () => {
    expect(githubServerUrl("https://api.github.com")).toBe("https://github.com");
    expect(githubServerUrl("https://ghes.example.com/api/v3")).toBe("https://ghes.example.com");
    expect(githubServerUrl("http://127.0.0.1:4000/")).toBe("http://127.0.0.1:4000");
  });
});

describe("supportsWorkflowDispatch", () => {
  it("needs Gitea 1.24, reads Forgejo's Gitea-compatible version, and does not guess at nonsense", () => {
    expect(["1.24.0", "v1.25.1", "2.0.0", "1.24.0+rc1"].map(supportsWorkflowDispatch)).toEqual([true, true, true, true]);
    expect(["1.22.6", "1.23.8", "11.0.1+gitea-1.22.0"].map(supportsWorkflowDispatch)).toEqual([false, false, false]);
    expect(supportsWorkflowDispatch("development")).toBeUndefined();
  });
});

describe("foldCommitFiles", () => {
  const commit = (sha: string, parent: string | undefined, files: [string, string][]) => ({
    sha,
    parents: parent ? [{ sha: parent }] : [],
    files: files.map(([filename, status]) => ({ filename, status })),
  });

  it("nets out a file added then removed, and a file removed then re-added", () => {
    const commits = [
      commit("c1", "base", [["a.ts", "added"], ["old.ts", "removed"], ["m.ts", "modified"]]),
      commit("c2", "c1", [["a.ts", "modified"], ["tmp.ts", "added"]]),
      commit("c3", "c2", [["tmp.ts", "removed"], ["old.ts", "added"]]),
    ];
    const expected = [
      { path: "a.ts", status: "added" },
      { path: "old.ts", status: "modified" },
      { path: "m.ts", status: "modified" },
    ];
    expect(foldCommitFiles(commits)).toEqual(expected);
    // The same commits listed newest first fold the same way.
    expect(foldCommitFiles([...commits].reverse())).toEqual(expect.arrayContaining(expected));
    expect(foldCommitFiles([...commits].reverse())).toHaveLength(3);
  });
});

describe("createWritePacer", () => {
  it("keeps writes of one key apart and lets other keys run", async () => {
    const pacer = createWritePacer(40);
    const started = performance.now();
    const times: Record<string, number> = {};
    const stamp = (name: string) => () => (times[name] = performance.now() - started);
    await Promise.all([pacer.key("a").schedule({}, stamp("a1")), pacer.key("a").schedule({}, stamp("a2")), pacer.key("b").schedule({}, stamp("b"))]);
    const { a1, a2, b: other } = times as { a1: number; a2: number; b: number };
    expect(a2 - a1).toBeGreaterThanOrEqual(35);
    expect(other).toBeLessThan(30);
  });
});
