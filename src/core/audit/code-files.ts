// What kind of file a path is, for the auditor: code in a language it understands, a test, documentation.

export type CodeLanguage = "ts" | "python" | "rust" | "go";

const LANGUAGE_BY_EXTENSION: Record<string, CodeLanguage> = {
  ts: "ts",
  tsx: "ts",
  mts: "ts",
  cts: "ts",
  js: "ts",
  jsx: "ts",
  mjs: "ts",
  cjs: "ts",
  py: "python",
  pyi: "python",
  rs: "rust",
  go: "go",
};

// Other source files: code changes for `missing_tests` and "docs only" claims, though not parsed.
const OTHER_CODE = /\.(java|kt|kts|scala|rb|php|cs|c|cc|cpp|cxx|h|hpp|swift|m|mm|ex|exs|erl|hs|lua|pl|sh|bash|zsh|dart|vue|svelte|sql|zig|nim|clj|fs|r|jl)$/i;
const DOCS = /(^|\/)(docs?|documentation)\/|\.(md|mdx|markdown|rst|txt|adoc)$|(^|\/)(README|CHANGELOG|CHANGES|HISTORY|LICENSE|NOTICE|AUTHORS|CONTRIBUTING)[^/]*$/i;
const TEST_PATH =
  /(^|\/)(tests?|__tests__|spec|specs|testdata|test_data|fixtures|e2e)\/|(^|\/)test_[^/]*\.py$|_test\.(py|go|rs)$|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)conftest\.py$|_spec\.rb$|Test\.(java|kt)$/i;
const GENERATED = /(^|\/)(vendor|node_modules|dist|build|target|third_party)\/|\.min\.js$|\.(lock|sum)$|(^|\/)package-lock\.json$/i;

export function languageOfPath(path: string): CodeLanguage | undefined {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return undefined;
  return LANGUAGE_BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

export function isDocsPath(path: string): boolean {
  return DOCS.test(path) && !isCodePath(path);
}

export function isGeneratedPath(path: string): boolean {
  return GENERATED.test(path);
}

/** Source code (any language), not generated or vendored. */
export function isCodePath(path: string): boolean {
  if (isGeneratedPath(path)) return false;
  return languageOfPath(path) !== undefined || OTHER_CODE.test(path);
}
