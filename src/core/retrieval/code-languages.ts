// What kind of file a path is, for retrieval: its language (which parser reads it), and whether it is
// source, a test, documentation or something else (ranking prefers source unless the gap is about docs
// or tests).

/** Languages with a tree-sitter grammar shipped in dist/grammars (see src/adapters/parsers/init-parsers.ts). */
export type ParsedLanguage = "typescript" | "tsx" | "javascript" | "python" | "go" | "rust" | "java";

const BY_EXTENSION: Record<string, ParsedLanguage> = {
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  py: "python",
  pyi: "python",
  go: "go",
  rs: "rust",
  java: "java",
};

const CODE_EXTENSIONS = new Set([
  ...Object.keys(BY_EXTENSION),
  "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "cs", "kt", "kts", "scala", "swift", "m", "mm", "rb", "php", "pl", "pm",
  "lua", "dart", "ex", "exs", "erl", "hs", "ml", "mli", "clj", "cljs", "r", "jl", "zig", "nim", "vue", "svelte",
  "sh", "bash", "zsh", "ps1", "sql", "groovy", "gradle", "proto", "graphql", "elm", "fs", "fsx", "v", "sol",
]);
const DOC_EXTENSIONS = new Set(["md", "mdx", "markdown", "rst", "txt", "adoc", "asciidoc", "ipynb", "html", "htm", "tex"]);

function extension(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

export function languageOf(path: string): ParsedLanguage | undefined {
  return BY_EXTENSION[extension(path)];
}

export type FileRole = "source" | "test" | "docs" | "other";

const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|testing|testdata|fixtures?)\//i;
// On the file name: test_x.py, x_test.go, x.test.ts, x.spec.js, x_spec.rb, XTest.java, XTests.cs, conftest.py.
const TEST_NAME = /^test_|^conftest\.|(?:_test|\.test|\.spec|_spec|Tests?)\.[A-Za-z0-9]+$/;
const DOC_PATH = /(^|\/)(docs?|documentation|examples?|site|website)\//i;

/** Source, test, docs or other (config, data, build files). */
export function roleOf(path: string): FileRole {
  const ext = extension(path);
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (DOC_EXTENSIONS.has(ext) || /^(readme|changelog|history|contributing|license|authors|notice)(\.|$)/i.test(name)) return "docs";
  if (CODE_EXTENSIONS.has(ext)) {
    if (TEST_PATH.test(path) || TEST_NAME.test(name)) return "test";
    if (DOC_PATH.test(path)) return "docs";
    return "source";
  }
  return "other";
}

/** True when the words of a gap ask about documentation or tests themselves. */
export function gapWants(text: string): { docs: boolean; tests: boolean } {
  return {
    docs: /\b(docs?|documentation|readme|docstrings?|changelog|tutorial|guide)\b/i.test(text),
    tests: /\b(tests?|testing|test suite|unit tests?|specs?|coverage|fixtures?|pytest|vitest|jest)\b/i.test(text),
  };
}

/** The base name a test file tests: test_foo.py, foo_test.go, foo.test.ts, fooTest.java → foo. */
function testedBase(testPath: string): string {
  const name = testPath.slice(testPath.lastIndexOf("/") + 1).toLowerCase();
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  return base.replace(/^test_|^test-|_test$|-test$|\.test$|\.spec$|_spec$|tests?$/g, "");
}

/** Test files by the base name they test, built once per file list (see coveringTests). */
export function testsByBase(paths: readonly string[]): Map<string, string[]> {
  const byBase = new Map<string, string[]>();
  for (const path of paths) {
    if (roleOf(path) !== "test") continue;
    const base = testedBase(path);
    const list = byBase.get(base);
    if (list) list.push(path);
    else byBase.set(base, [path]);
  }
  return byBase;
}

/**
 * Test files that likely cover `source`: same base name with a test marker (foo.ts → foo.test.ts,
 * foo.py → test_foo.py, foo.go → foo_test.go), nearest first (same folder, then shortest path).
 */
export function coveringTests(source: string, tests: ReadonlyMap<string, readonly string[]>): string[] {
  const name = source.slice(source.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const base = (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
  if (base.length < 2) return [];
  const folder = source.slice(0, source.lastIndexOf("/") + 1);
  return (tests.get(base) ?? [])
    .filter((path) => path !== source)
    .map((path) => ({ path, near: path.startsWith(folder) ? 0 : 1 }))
    .sort((a, b) => a.near - b.near || a.path.length - b.path.length)
    .map((entry) => entry.path);
}
