// The Action's edges: inputs ("" is unset), the runner's environment, the error messages, and the state
// branch URL built from the forge's git remote.
import { describe, expect, it } from "vitest";
import { ActionInputError, DEFAULT_MAX_CYCLES, readActionInputs } from "../../src/action/action-inputs.js";
import { describeActionError } from "../../src/action/describe-action-error.js";
import { readRunnerEnv } from "../../src/action/runner-env.js";
import { ForgeError } from "../../src/ports/forge.js";
import { StateConflictError } from "../../src/ports/state.js";

const getter = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("readActionInputs", () => {
  it("maps every missing or blank input to unset and applies the defaults", () => {
    expect(readActionInputs(getter({ command: "  ", gap: "", "dry-run": "" }))).toEqual({
      command: undefined,
      token: undefined,
      config: undefined,
      model: undefined,
      gap: undefined,
      pr: undefined,
      callsPerDay: undefined,
      tokensPerDay: undefined,
      maxCycles: DEFAULT_MAX_CYCLES,
      dryRun: false,
    });
  });

  it("parses given values", () => {
    const inputs = readActionInputs(getter({ command: "Review", token: "t0ken", pr: "12", "max-cycles": "5", "dry-run": "True", "tokens-per-day": "9000", gap: " ab12 " }));
    expect(inputs).toMatchObject({ command: "review", token: "t0ken", pr: 12, maxCycles: 5, dryRun: true, tokensPerDay: "9000", gap: "ab12" });
  });

  it("names the input and shows a working value when one is wrong", () => {
    expect(() => readActionInputs(getter({ command: "deploy" }))).toThrow(ActionInputError);
    expect(() => readActionInputs(getter({ command: "deploy" }))).toThrow(/input `command`: "deploy" is not a command; use one of cycle, gaps/);
    expect(() => readActionInputs(getter({ "max-cycles": "0" }))).toThrow(/input `max-cycles`: expected a whole number of at least 1, got "0"/);
    expect(() => readActionInputs(getter({ pr: "#12" }))).toThrow(/input `pr`: .*got "#12"/);
    expect(() => readActionInputs(getter({ "dry-run": "yes" }))).toThrow(/input `dry-run`: expected true or false, got "yes"/);
  });
});

describe("readRunnerEnv", () => {
  it("GitHub: defaults for github.com, repository split, RUNNER_TEMP used", () => {
    const env = readRunnerEnv({ GITHUB_REPOSITORY: "acme/app", GITHUB_WORKSPACE: "/w", RUNNER_TEMP: "/t" }, "/cwd");
    expect(env).toEqual({ kind: "github", repo: { owner: "acme", repo: "app" }, apiUrl: "https://api.github.com", serverUrl: "https://github.com", workspaceDir: "/w", tempDir: "/t" });
  });

  it("Gitea: GITEA_ACTIONS=true, API URL derived from the server URL when absent", () => {
    const env = readRunnerEnv({ GITEA_ACTIONS: "true", GITHUB_REPOSITORY: "o/r", GITHUB_SERVER_URL: "https://git.example/" }, "/cwd");
    expect(env).toMatchObject({ kind: "gitea", apiUrl: "https://git.example/api/v1", serverUrl: "https://git.example", workspaceDir: "/cwd" });
    expect(() => readRunnerEnv({ GITEA_ACTIONS: "true", GITHUB_REPOSITORY: "o/r" }, "/cwd")).toThrow(/GITHUB_SERVER_URL is not set/);
    expect(readRunnerEnv({ GITEA_ACTIONS: "true", GITHUB_REPOSITORY: "o/r", GITHUB_SERVER_URL: "http://h", GITHUB_API_URL: "http://h/api/v1" }, "/").apiUrl).toBe("http://h/api/v1");
  });

  it("says what is wrong with GITHUB_REPOSITORY or a URL", () => {
    expect(() => readRunnerEnv({}, "/")).toThrow(/GITHUB_REPOSITORY is not set; the runner sets it to "owner\/repo"/);
    expect(() => readRunnerEnv({ GITHUB_REPOSITORY: "just-a-name" }, "/")).toThrow(/"just-a-name"/);
    expect(() => readRunnerEnv({ GITHUB_REPOSITORY: "a/b", GITHUB_API_URL: "api.github.com" }, "/")).toThrow(/GITHUB_API_URL is "api.github.com", which is not an http\(s\) URL/);
  });
});

describe("describeActionError", () => {
  it("turns forge statuses into how-to-fix messages", () => {
    expect(describeActionError(new ForgeError("defaultBranch", "Bad credentials", 401))).toMatch(/refused the token .*with: token:/);
    expect(describeActionError(new ForgeError("openDraftPullRequest", "Resource not accessible", 403))).toMatch(/contents: write, pull-requests: write/);
    expect(describeActionError(new ForgeError("defaultBranch", "Not Found", 404))).toMatch(/GITHUB_REPOSITORY/);
    expect(describeActionError(new StateConflictError("gave up after 20 retries"))).toMatch(/concurrency: prd-bot-/);
  });

  it("recognises a refused push of the state branch", () => {
    const error = Object.assign(new Error("git push failed: The requested URL returned error: 403"), { name: "BranchStoreError" });
    expect(describeActionError(error)).toMatch(/token needs contents: write/);
    expect(describeActionError("plain")).toBe("prd-bot failed: plain");
  });
});
