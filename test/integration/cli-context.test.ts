// `prd-bot context` through dist/cli.js (so the bundle finds its tree-sitter grammars in dist/grammars),
// and the apply step refusing a whole-content rewrite of a file the prompt showed only in part.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openGitWorkspace } from "../../src/adapters/workspace/git-workspace.js";
import { configSchema } from "../../src/config/schema.js";
import { applyProposal } from "../../src/jobs/propose/apply-proposal.js";
import { jsonOf, runCli } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let repo: TestRepo | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

// A Python package: a large sessions module (over the budget whole), a small helper, its test, docs.
const steps = Array.from({ length: 220 }, (_, i) => `    def step_${i}(self, value):\n        """Step ${i} of the pipeline."""\n        return value + ${i}\n`).join("\n");
const FILES: Record<string, string> = {
  "docs/PRD.md": "# PRD\n\n## Redirects\n\n- [ ] Keep the fragment when `resolve_redirects` follows a redirect in sessions.py [bot-eligible]\n",
  "src/pkg/sessions.py": `import os\n\n\nclass Session:\n${steps}\n    def resolve_redirects(self, response, fragment):\n        """Follow redirects, keeping the URL fragment."""\n        location = response.headers["location"]\n        return location + fragment\n`,
  "src/pkg/utils.py": "def requote_uri(uri):\n    return uri\n",
  "tests/test_sessions.py": "from pkg.sessions import Session\n\n\ndef test_redirect():\n    assert Session().resolve_redirects\n",
  "docs/redirects.md": "# Redirects\n\nRedirects keep the fragment of the URL. The documentation of redirects explains redirects.\n",
  ".github/prd-bot.yml": "context:\n  max_tokens: 2500\n",
};

interface ContextJson {
  files: { path: string; shown: string; ranges: { start: number; end: number }[]; tokens: number; source: string; reasons: string[] }[];
  context_tokens: number;
  budget: number;
  parsers: string[];
  indexed: { parsed: number; fallback: number };
  terms: { identifiers: string[] };
}

describe("prd-bot context", () => {
  it("shows a large named file in part with its matching definition, brings its test, and caches the symbol index", async () => {
    repo = await makeRepo(FILES);
    const result = await runCli(["context", "--root", repo.root, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const first = jsonOf<ContextJson>(result);
    expect(first.parsers).toContain("python");
    expect(first.terms.identifiers).toContain("resolve_redirects");
    const [sessions, test] = first.files;
    expect(sessions?.path).toBe("src/pkg/sessions.py");
    expect(sessions?.shown).toBe("partial");
    expect(sessions?.reasons).toEqual(expect.arrayContaining(["named by sessions.py", "defines resolve_redirects"]));
    const lines = (FILES["src/pkg/sessions.py"] as string).split("\n");
    const definition = lines.findIndex((line) => line.includes("def resolve_redirects")) + 1;
    // The whole method is shown, from its def to its return.
    expect(sessions?.ranges.some((range) => range.start <= definition && definition + 3 <= range.end)).toBe(true);
    expect(test).toMatchObject({ path: "tests/test_sessions.py", shown: "whole", source: "test", reasons: ["covers src/pkg/sessions.py"] });
    // The docs page says "redirects" most, but code comes first: docs only take room that is left over.
    expect(first.files.map((file) => file.path).indexOf("docs/redirects.md")).not.toBe(0);
    expect(first.files.map((file) => file.path).indexOf("docs/redirects.md")).not.toBe(1);
    expect(first.context_tokens).toBeLessThanOrEqual(first.budget);
    expect(first.indexed.parsed).toBeGreaterThan(0);

    const stored = JSON.parse(await readFile(path.join(repo.root, ".git/prd-bot/context/symbol-index.json"), "utf8")) as { v: number; tree: string; blobs: Record<string, unknown> };
    expect(stored.v).toBe(1);
    expect(stored.tree).toBe(await repo.git("rev-parse", "HEAD"));
    expect(Object.keys(stored.blobs).length).toBeGreaterThanOrEqual(3);
    const again = jsonOf<ContextJson>(await runCli(["context", "--root", repo.root, "--json"]));
    expect(again.indexed).toEqual({ parsed: 0, fallback: 0 });
    expect(again.files).toEqual(first.files);

    const text = await runCli(["context", "--root", repo.root, "--prompt"]);
    expect(text.stdout).toContain("src/pkg/sessions.py  (partial: lines ");
    expect(text.stdout).toContain("--- src/pkg/sessions.py (partial: outline and lines ");
    expect(text.stdout).toContain("change it with edits only");
    expect(text.stdout).toContain("Repository map (what else exists):");
  });

  it("says which gap ids exist when --gap matches none", async () => {
    repo = await makeRepo(FILES);
    const result = await runCli(["context", "--root", repo.root, "--gap", "ffffffff"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no open gap with id ffffffff in docs/PRD.md");
  });
});

describe("apply step and partial files", () => {
  it("refuses whole content for a file shown in part and accepts edits to it", async () => {
    repo = await makeRepo(FILES);
    const workspace = await openGitWorkspace(repo.root);
    const config = configSchema.parse({});
    const rules = { policy: { ...config.policy, require_test: false }, protectedGlobs: ["docs/PRD.md"], prdPath: "docs/PRD.md", partialPaths: ["src/pkg/sessions.py"] };
    const whole = { summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "src/pkg/sessions.py", is_new: false, content: "class Session:\n    pass\n" }] };
    const refused = await applyProposal(workspace, whole, rules, false);
    expect(refused).toMatchObject({ ok: false, outcome: "proposal_rejected" });
    expect(refused.ok ? "" : refused.reason).toContain("src/pkg/sessions.py: the prompt showed this file only in part");
    const edits = {
      summary: "s",
      rationale: "r",
      estimated_loc: 1,
      files: [{ path: "src/pkg/sessions.py", is_new: false as const, edits: [{ old_string: "return location + fragment", new_string: "return location + (fragment or '')" }] }],
    };
    expect(await applyProposal(workspace, edits, rules, false)).toMatchObject({ ok: true, files: [{ path: "src/pkg/sessions.py", mode: "UPDATE" }] });
  });
});
