// Guesses the command that runs a repository's tests, for when the config sets no `test.command`.
// Pure: the caller lists the repository's paths and supplies the text of the few marker files in
// TEST_MARKER_FILES that exist. Only the repository root is considered; a monorepo whose tests run
// from a subfolder needs `test.command` in the config.

/** Files whose content (not just presence) decides the answer; read these when they exist. */
export const TEST_MARKER_FILES = ["package.json", "Makefile", "makefile", "GNUmakefile", "pyproject.toml", "setup.cfg", "tox.ini"] as const;

/** The content of a marker file, or undefined when it is absent or was not read. */
export type MarkerSource = ((path: string) => string | undefined) | ReadonlyMap<string, string> | Readonly<Record<string, string>>;

interface Repo {
  has(path: string): boolean;
  hasUnder(dir: string): boolean;
  some(test: (path: string) => boolean): boolean;
  read(path: string): string | undefined;
}

type Check = (repo: Repo) => string | undefined;

// A project's own manifest is the strongest signal, so the language checks come first. A Makefile
// `test:` target is the fallback: it often wraps docker or setup steps that a CI runner may not have.
const CHECKS: readonly Check[] = [node, cargo, go, python, elixir, ruby, maven, gradle, make];

/**
 * The test command for a repository, or undefined when none is evident.
 * @param paths repository-relative paths (`src/a.ts`), as `git ls-files` prints them
 * @param markers the content of the TEST_MARKER_FILES that exist (a function, Map or object)
 */
export function detectTestCommand(paths: readonly string[], markers: MarkerSource): string | undefined {
  const repo = makeRepo(paths, markers);
  for (const check of CHECKS) {
    const command = check(repo);
    if (command !== undefined) return command;
  }
  return undefined;
}

// npm init writes `echo "Error: no test specified" && exit 1`: a script that only fails.
const NPM_STUB = /no test specified/i;

function node(repo: Repo): string | undefined {
  if (!repo.has("package.json")) return undefined;
  const manifest = parseJson(repo.read("package.json"));
  const scripts = manifest?.scripts;
  const test = isRecord(scripts) ? scripts.test : undefined;
  if (typeof test !== "string" || test.trim() === "" || NPM_STUB.test(test)) return undefined;
  // `packageManager` is what corepack enforces, so it wins over whichever lock file is lying around.
  const declared = typeof manifest?.packageManager === "string" ? manifest.packageManager.split("@")[0] : undefined;
  const manager =
    declared === "pnpm" || declared === "yarn" || declared === "bun" || declared === "npm"
      ? declared
      : repo.has("pnpm-lock.yaml")
        ? "pnpm"
        : repo.has("yarn.lock")
          ? "yarn"
          : repo.has("bun.lock") || repo.has("bun.lockb")
            ? "bun"
            : "npm";
  // `bun test` would run bun's own test runner instead of the script; `bun run test` runs the script.
  return manager === "bun" ? "bun run test" : `${manager} test`;
}

function cargo(repo: Repo): string | undefined {
  return repo.has("Cargo.toml") ? "cargo test" : undefined;
}

function go(repo: Repo): string | undefined {
  return repo.has("go.mod") ? "go test ./..." : undefined;
}

const PYTHON_PROJECT = ["pyproject.toml", "setup.cfg", "setup.py", "tox.ini", "pytest.ini", "requirements.txt"];
const PYTHON_TEST_FILE = /(^|\/)(tests?\/.*\.py|test_[^/]*\.py|[^/]*_test\.py|conftest\.py)$/;

function python(repo: Repo): string | undefined {
  if (!PYTHON_PROJECT.some((file) => repo.has(file))) return undefined;
  const configured =
    repo.has("pytest.ini") ||
    /^\[tool\.pytest/m.test(repo.read("pyproject.toml") ?? "") ||
    /^\[tool:pytest\]/m.test(repo.read("setup.cfg") ?? "") ||
    /^\[pytest\]/m.test(repo.read("tox.ini") ?? "");
  return configured || repo.some((path) => PYTHON_TEST_FILE.test(path)) ? "pytest" : undefined;
}

function elixir(repo: Repo): string | undefined {
  return repo.has("mix.exs") ? "mix test" : undefined;
}

function ruby(repo: Repo): string | undefined {
  return repo.has("Gemfile") && repo.hasUnder("spec") ? "bundle exec rspec" : undefined;
}

function maven(repo: Repo): string | undefined {
  if (!repo.has("pom.xml")) return undefined;
  // The wrapper pins the Maven version the project was built with, as gradlew does for Gradle.
  return repo.has("mvnw") ? "./mvnw -q test" : "mvn -q test";
}

function gradle(repo: Repo): string | undefined {
  const build = repo.has("build.gradle") || repo.has("build.gradle.kts");
  return build && repo.has("gradlew") ? "./gradlew test" : undefined;
}

function make(repo: Repo): string | undefined {
  const makefile = ["GNUmakefile", "makefile", "Makefile"].find((name) => repo.has(name));
  if (makefile === undefined) return undefined;
  return hasMakeTarget(repo.read(makefile) ?? "", "test") ? "make test" : undefined;
}

/** True when a rule line (`test:`, `test: deps`, `unit test::`) declares the target. */
export function hasMakeTarget(makefile: string, target: string): boolean {
  for (const line of makefile.split(/\r?\n/)) {
    // A rule starts at column 0; `x := 1` and `x ::= 1` are variable assignments, not rules.
    const rule = /^([^\s#:=][^:=#]*?)\s*(?:::(?!=)|:(?![:=]))/.exec(line);
    if (rule && rule[1]!.split(/\s+/).includes(target)) return true;
  }
  return false;
}

function makeRepo(paths: readonly string[], markers: MarkerSource): Repo {
  const files = new Set(paths.map((p) => p.replace(/\\/g, "/").replace(/^\.\//, "")));
  const read =
    typeof markers === "function"
      ? markers
      : markers instanceof Map
        ? (path: string) => markers.get(path)
        : (path: string) => (Object.hasOwn(markers, path) ? (markers as Record<string, string>)[path] : undefined);
  return {
    has: (path) => files.has(path),
    hasUnder: (dir) => [...files].some((p) => p.startsWith(`${dir}/`)),
    some: (test) => [...files].some(test),
    read: (path) => (files.has(path) ? read(path) : undefined),
  };
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined; // A broken package.json runs no tests either.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
