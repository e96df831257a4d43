import { describe, expect, it } from "vitest";
import { buildQuery, identifiersIn, namedPaths } from "../../src/core/retrieval/gap-query.js";
import { SymbolIndex } from "../../src/core/retrieval/symbol-index.js";
import { selectContext } from "../../src/core/retrieval/retrieval.js";

const PATHS = ["src/requests/sessions.py", "src/requests/models.py", "src/requests/__init__.py", "tests/test_sessions.py", "lib/a/index.ts", "lib/b/index.ts", "source/core/Ky.ts"];

describe("buildQuery", () => {
  it("weights the tagged text over the section over the surrounding text, and an issue's title over its body", () => {
    const query = buildQuery({ text: "Keep cookies on redirect", section: ["Sessions"], files: [], context: "## Sessions\n- Keep cookies on redirect\nThe jar is merged." }, PATHS);
    const weight = (term: string) => query.terms.find((t) => t.term === term)?.weight;
    expect(weight("cook")).toBe(3); // "cookies" stemmed; the index matches prefixes
    expect(weight("session")).toBe(2.25); // the section (2), and the surrounding text's heading line
    expect(weight("jar")).toBe(1);
    const issue = buildQuery({ text: "Issue #4: Proxy auth lost — the header vanishes after a redirect", section: ["Issues labelled for prd-bot"], files: [] }, PATHS);
    expect(issue.terms.slice(0, 3).map((t) => [t.term, t.weight])).toEqual([["proxy", 3], ["auth", 3], ["lost", 3]]);
    expect(issue.terms.find((t) => t.term === "header")?.weight).toBe(1.5);
    // The heading an issue gap sits under is prd-bot's, not the code's.
    expect(issue.terms.map((t) => t.term)).not.toContain("labell");
  });

  it("finds named files anywhere in the gap: full, partial and module paths; ambiguous names name nothing", () => {
    const text = "In requests/sessions.py the merge fails; see also models.py, requests.sessions.Session, index.ts and source/core/Ky.ts";
    expect(namedPaths({ files: [] }, text, PATHS)).toEqual([
      { path: "src/requests/sessions.py", by: "requests/sessions.py" },
      { path: "src/requests/models.py", by: "models.py" },
      { path: "source/core/Ky.ts", by: "source/core/Ky.ts" },
    ]);
    expect(namedPaths({ files: [] }, "the requests.models module", PATHS)).toEqual([{ path: "src/requests/models.py", by: "requests.models" }]);
  });

  it("takes code-like names as identifiers: snake_case, camelCase, dotted, calls, backticks", () => {
    expect(identifiersIn("merge_setting drops `Session.request` when parseCsvRow() or HTTPAdapter.send() runs; e.g. Plain words stay out")).toEqual([
      "Session.request",
      "request",
      "merge_setting",
      "parseCsvRow",
      "HTTPAdapter.send",
      "send",
    ]);
  });
});

describe("selectContext ranking", () => {
  const filler = (name: string, words: string) => Array.from({ length: 30 }, (_, i) => `def ${name}_${i}(x):\n    return "${words}"\n`).join("\n");
  const files = [
    { path: "src/pkg/cookies.py", content: `def merge_cookies(jar, cookies):\n    return jar\n\n${filler("jar", "cookie jar")}` },
    { path: "src/pkg/other.py", content: filler("other", "cookies cookies cookies jar") },
    { path: "docs/cookies.md", content: "# Cookies\n\nCookies cookies cookies: merging cookie jars, cookies everywhere.\n" },
    { path: "tests/test_cookies.py", content: "from pkg.cookies import merge_cookies\n\ndef test_merge():\n    assert merge_cookies([], [])\n" },
  ];

  it("puts the file that defines a named identifier first, brings its test, and puts docs after code", () => {
    const selection = selectContext({ text: "merge_cookies loses cookies", section: [], files: [] }, files, { maxTokens: 4000, maxFiles: 4, mapShare: 0 });
    expect(selection.files.map((file) => [file.path, file.source]).slice(0, 3)).toEqual([
      ["src/pkg/cookies.py", "search"],
      ["tests/test_cookies.py", "test"],
      ["docs/cookies.md", "search"],
    ]);
    expect(selection.files[0]?.reasons).toContain("defines merge_cookies");
  });

  it("lets docs lead when the gap is about documentation", () => {
    const selection = selectContext({ text: "Document how cookies are merged in the docs", section: [], files: [] }, files, { maxTokens: 4000, maxFiles: 2, mapShare: 0 });
    expect(selection.files.map((file) => file.path)).toEqual(["src/pkg/cookies.py", "docs/cookies.md"]);
    const plain = selectContext({ text: "How cookies are merged", section: [], files: [] }, files, { maxTokens: 4000, maxFiles: 2, mapShare: 0 });
    expect(plain.files.map((file) => file.path)).toEqual(["src/pkg/cookies.py", "tests/test_cookies.py"]);
  });

  it("puts pinned files (a localization's choice) first, with their reason", () => {
    const selection = selectContext({ text: "merge_cookies loses cookies", section: [], files: [] }, files, {
      maxTokens: 4000,
      maxFiles: 2,
      mapShare: 0,
      pinned: [{ path: "src/pkg/other.py", why: "picked by the model" }, { path: "src/missing.py", why: "gone" }],
    });
    expect(selection.files.map((file) => [file.path, file.source, file.reasons])).toEqual([
      ["src/pkg/other.py", "pinned", ["picked by the model"]],
      ["src/pkg/cookies.py", "search", expect.arrayContaining(["defines merge_cookies"])],
    ]);
  });

  it("adds a repository map within its share", () => {
    const selection = selectContext({ text: "merge_cookies loses cookies", section: [], files: [] }, files, { maxTokens: 4000, maxFiles: 1, mapShare: 0.1 });
    expect(selection.map.tokens).toBeGreaterThan(0);
    expect(selection.map.tokens).toBeLessThanOrEqual(400);
    expect(selection.map.text).toContain("4 files. Folders");
    expect(selection.map.text).toContain("src/pkg/: cookies.py, other.py");
    expect(selection.tokens).toBeLessThanOrEqual(4000);
  });
});

describe("SymbolIndex", () => {
  it("parses each blob once, survives a save and load, keeps only the current tree's blobs, and rebuilds a damaged cache", () => {
    const index = new SymbolIndex();
    const a = { path: "a.py", content: "def alpha():\n    pass\n" };
    const b = { path: "b.py", content: "class Beta:\n    def gamma(self):\n        pass\n" };
    expect(index.update([a, b], [], 1000)).toEqual({ parsed: 2, fallback: 0 });
    expect(index.update([a, b], [], 1000)).toEqual({ parsed: 0, fallback: 0 });
    const loaded = SymbolIndex.load(index.save([b], "tree1"));
    expect(loaded.tree).toBe("tree1");
    expect(loaded.size).toBe(1);
    expect(loaded.symbols(b)).toEqual([
      { name: "Beta", kind: "class", startLine: 1, endLine: 3 },
      { name: "gamma", kind: "method", startLine: 2, endLine: 3, container: "Beta" },
    ]);
    expect(loaded.changed).toBe(0);
    expect(SymbolIndex.load("{not json").size).toBe(0);
  });

  it("uses the fallback once the time budget is spent and parses those files properly on a later run", () => {
    let clock = 0;
    const now = () => (clock += 10);
    const index = new SymbolIndex();
    const files = Array.from({ length: 5 }, (_, i) => ({ path: `m${i}.py`, content: `def f${i}():\n    pass\n` }));
    const first = index.update(files, [], 25, now);
    expect(first.parsed + first.fallback).toBe(5);
    expect(first.fallback).toBeGreaterThan(0);
    clock = 0;
    expect(index.update(files, [], 1000, now).parsed).toBe(first.fallback);
  });
});
