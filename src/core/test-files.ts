// Which repository paths are tests, by the common conventions of each language. Two questions:
// isTestLocation — is it anywhere a test suite keeps things (fixtures and data included)? — and
// isTestCode — is it test code: a test location or test name *and* a source extension, so that
// `test/fixture.json` or `a.test.js.bak` never satisfy policy.require_test.

const TEST_DIRS = new Set(["test", "tests", "__tests__", "spec", "specs", "testing", "e2e"]);

// Source extensions of the languages whose test conventions are recognised below.
const SOURCE_EXTENSIONS = new Set([
  "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte",
  "py", "go", "rs", "rb", "java", "kt", "kts", "scala", "groovy", "cs", "fs", "vb", "swift", "m", "mm",
  "c", "cc", "cpp", "cxx", "h", "hpp", "php", "ex", "exs", "erl", "hs", "ml", "clj", "cljs", "dart", "lua",
  "pl", "t", "r", "jl", "zig", "nim", "sh", "bash", "bats", "ps1", "elm",
]);

/** Whether `path` has a source-code extension of a language prdbot knows the test conventions of. */
export function isSourcePath(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 && SOURCE_EXTENSIONS.has(name.slice(dot + 1));
}

/**
 * A name that says "test" by a convention: JS/TS `*.test.*`, `*.spec.*`; Python `test_*.py`, `*_test.py`;
 * Go `*_test.go`; Ruby `*_spec.rb`, `*_test.rb`; Java/Kotlin/C# `FooTest.java`, `FooTests.cs`, `FooSpec.scala`;
 * Perl `*.t`; shell `*.bats`.
 */
export function hasTestName(path: string): boolean {
  const original = baseName(path, false);
  const name = original.toLowerCase();
  if (/\.(test|spec)\.[a-z0-9]+$/.test(name)) return true;
  if (/^test_.+\.[a-z0-9]+$/.test(name) || /_(test|spec)\.[a-z0-9]+$/.test(name)) return true;
  if (/\.(t|bats)$/.test(name)) return true;
  return /[a-z0-9](Test|Tests|Spec|IT)\.[A-Za-z0-9]+$/.test(original);
}

/** Anywhere a test suite keeps things: a test folder (test/, tests/, __tests__/, spec/, src/test/) or a test name. */
export function isTestLocation(path: string): boolean {
  const segments = path.replace(/\\/g, "/").split("/");
  segments.pop();
  return segments.some((dir) => TEST_DIRS.has(dir.toLowerCase())) || hasTestName(path);
}

/** Test code: in a test location or named as a test, with a source extension. */
export function isTestCode(path: string): boolean {
  return isSourcePath(path) && isTestLocation(path);
}

function baseName(path: string, lower = true): string {
  const name = path.replace(/\\/g, "/").split("/").pop() ?? "";
  return lower ? name.toLowerCase() : name;
}
