import { describe, expect, it } from "vitest";
import { detectTestCommand, hasMakeTarget, TEST_MARKER_FILES } from "../../src/core/detect-test-command.js";

const pkg = (test?: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name: "x", scripts: test === undefined ? {} : { test }, ...extra });
const NPM_STUB = 'echo "Error: no test specified" && exit 1';

/** Paths plus the content of the marker files among them. */
function detect(files: Record<string, string>): string | undefined {
  return detectTestCommand(Object.keys(files), files);
}

describe("detectTestCommand", () => {
  it("uses package.json's test script with the package manager its lock file names", () => {
    expect(detect({ "package.json": pkg("vitest run") })).toBe("npm test");
    expect(detect({ "package.json": pkg("vitest run"), "package-lock.json": "{}" })).toBe("npm test");
    expect(detect({ "package.json": pkg("jest"), "yarn.lock": "" })).toBe("yarn test");
    expect(detect({ "package.json": pkg("jest"), "pnpm-lock.yaml": "" })).toBe("pnpm test");
    expect(detect({ "package.json": pkg("jest"), "bun.lockb": "" })).toBe("bun run test");
  });

  it("prefers the packageManager field over a stray lock file", () => {
    expect(detect({ "package.json": pkg("jest", { packageManager: "pnpm@9.1.0" }), "yarn.lock": "" })).toBe("pnpm test");
  });

  it("ignores npm's default stub, a missing or empty script, and a broken package.json", () => {
    expect(detect({ "package.json": pkg(NPM_STUB) })).toBeUndefined();
    expect(detect({ "package.json": pkg() })).toBeUndefined();
    expect(detect({ "package.json": pkg("  ") })).toBeUndefined();
    expect(detect({ "package.json": "{ not json" })).toBeUndefined();
    // Present in the listing but not supplied: nothing can be concluded from it.
    expect(detectTestCommand(["package.json"], () => undefined)).toBeUndefined();
  });

  it("falls through a stub package.json to the next signal", () => {
    expect(detect({ "package.json": pkg(NPM_STUB), Makefile: "test:\n\t./run-tests\n" })).toBe("make test");
    expect(detect({ "package.json": pkg(NPM_STUB), "go.mod": "module x" })).toBe("go test ./...");
  });

  it("knows Cargo, Go, Elixir", () => {
    expect(detect({ "Cargo.toml": "[package]" , "src/lib.rs": "" })).toBe("cargo test");
    expect(detect({ "go.mod": "module x", "main.go": "" })).toBe("go test ./...");
    expect(detect({ "mix.exs": "", "lib/app.ex": "" })).toBe("mix test");
  });

  it("uses pytest for a Python project that has tests or pytest configuration", () => {
    expect(detect({ "pyproject.toml": "[project]\nname='x'", "tests/test_app.py": "" })).toBe("pytest");
    expect(detect({ "setup.py": "", "pkg/foo_test.py": "" })).toBe("pytest");
    expect(detect({ "pyproject.toml": "[tool.pytest.ini_options]\naddopts='-q'" })).toBe("pytest");
    expect(detect({ "setup.cfg": "[metadata]\n[tool:pytest]\n" })).toBe("pytest");
    expect(detect({ "tox.ini": "[pytest]\n" })).toBe("pytest");
    expect(detect({ "pytest.ini": "" })).toBe("pytest");
    expect(detect({ "requirements.txt": "", "conftest.py": "" })).toBe("pytest");
  });

  it("does not guess pytest for Python without tests, nor for stray test files without a project", () => {
    expect(detect({ "pyproject.toml": "[project]\nname='x'", "src/app.py": "" })).toBeUndefined();
    expect(detect({ "scripts/test_tool.py": "" })).toBeUndefined();
  });

  it("uses rspec only when a Gemfile comes with spec/", () => {
    expect(detect({ Gemfile: "", "spec/app_spec.rb": "" })).toBe("bundle exec rspec");
    expect(detect({ Gemfile: "", "lib/app.rb": "" })).toBeUndefined();
  });

  it("uses Maven, with its wrapper when present, and Gradle only through its wrapper", () => {
    expect(detect({ "pom.xml": "<project/>" })).toBe("mvn -q test");
    expect(detect({ "pom.xml": "<project/>", mvnw: "" })).toBe("./mvnw -q test");
    expect(detect({ "build.gradle": "", gradlew: "" })).toBe("./gradlew test");
    expect(detect({ "build.gradle.kts": "", gradlew: "" })).toBe("./gradlew test");
    expect(detect({ "build.gradle": "" })).toBeUndefined();
  });

  it("uses a Makefile only when it has a test target", () => {
    expect(detect({ Makefile: "all:\n\tcc x.c\ntest: all\n\t./x --self-test\n" })).toBe("make test");
    expect(detect({ GNUmakefile: "test::\n\ttrue\n" })).toBe("make test");
    expect(detect({ Makefile: ".PHONY: test\nall:\n\tcc x.c\n" })).toBeUndefined();
  });

  it("orders language manifests before the Makefile fallback", () => {
    expect(detect({ "Cargo.toml": "", Makefile: "test:\n\tdocker compose run tests\n" })).toBe("cargo test");
    expect(detect({ "package.json": pkg("vitest run"), "go.mod": "", Makefile: "test:\n" })).toBe("npm test");
  });

  it("looks only at the repository root, and accepts ./ and Windows separators", () => {
    expect(detect({ "web/package.json": pkg("jest"), "tools/Cargo.toml": "" })).toBeUndefined();
    expect(detectTestCommand(["./go.mod"], {})).toBe("go test ./...");
    expect(detectTestCommand(["Gemfile", "spec\\a_spec.rb"], {})).toBe("bundle exec rspec");
  });

  it("reads markers from a function, a Map or an object alike", () => {
    const paths = ["package.json", "yarn.lock"];
    const text = pkg("jest");
    expect(detectTestCommand(paths, (p) => (p === "package.json" ? text : undefined))).toBe("yarn test");
    expect(detectTestCommand(paths, new Map([["package.json", text]]))).toBe("yarn test");
    expect(detectTestCommand(paths, { "package.json": text })).toBe("yarn test");
  });

  it("asks only for the marker files it lists", () => {
    const asked = new Set<string>();
    const all = ["package.json", "Makefile", "pyproject.toml", "setup.cfg", "tox.ini", "yarn.lock", "gradlew", "spec/a_spec.rb", "Gemfile"];
    detectTestCommand(all, (p) => {
      asked.add(p);
      return p === "package.json" ? pkg(NPM_STUB) : "";
    });
    for (const path of asked) expect(TEST_MARKER_FILES as readonly string[]).toContain(path);
  });
});

describe("hasMakeTarget", () => {
  it("finds rule lines and not assignments, recipes or comments", () => {
    expect(hasMakeTarget("unit test lint: deps\n", "test")).toBe(true);
    expect(hasMakeTarget("test : \n", "test")).toBe(true);
    expect(hasMakeTarget("test := 1\ntest ::= 2\n", "test")).toBe(false);
    expect(hasMakeTarget("all:\n\ttest: not a rule\n# test:\n", "test")).toBe(false);
    expect(hasMakeTarget("testing:\ntest-unit:\n", "test")).toBe(false);
  });
});
