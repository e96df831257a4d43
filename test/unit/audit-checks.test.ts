// The other deterministic checks and the verdict: secrets (and look-alikes), protected paths, deleted files,
// missing tests, which issues block, and a summary that never hides what was not read.
import { describe, expect, it } from "vitest";
import { DEFAULT_PROTECTED } from "../../src/config/schema.js";
import { buildReport, renderDetails } from "../../src/core/audit/render-audit.js";
import { runChecks, type AuditSettings } from "../../src/core/audit/run-checks.js";
import { pullRequest, type FileChange } from "../support/audit-fixtures.js";

const SETTINGS: AuditSettings = {
  blocking: ["incomplete_rename", "protected_path", "deleted_file", "secret", "claim_contradicted", "claim_not_backed"],
  protectedPathsBlock: "bot",
  requireTests: false,
  protectedGlobs: DEFAULT_PROTECTED,
};
// Built at run time so that no scanner (and no reader) mistakes this file for a leak.
const AWS_KEY = ["AKIA", "Z7Q4", "M2XW", "3PLK", "T3VB"].join("");
const GITHUB_TOKEN = ["ghp_", "R8mQ2vX9kLp4Tz7Wn3Yb6Hc1Jd5Fg0Se2Ua8"].join("");

async function audit(changes: FileChange[], options: { byBot?: boolean; settings?: Partial<AuditSettings>; title?: string } = {}) {
  const { files, tree } = pullRequest(changes);
  return runChecks({ text: { title: options.title ?? "", body: "", commits: [] }, files, tree, ci: "unknown", byBot: options.byBot ?? false, settings: { ...SETTINGS, ...options.settings } });
}

describe("secrets", () => {
  it("an added cloud key or token blocks, and the message never repeats it", async () => {
    const after = `import os\n\nREGION = "us-east-1"\nAWS_ACCESS_KEY_ID = "${AWS_KEY}"\nclient = Github("${GITHUB_TOKEN}")\n`;
    const { issues } = await audit([{ path: "deploy/upload.py", before: 'import os\n\nREGION = "us-east-1"\n', after }]);
    const secrets = issues.filter((i) => i.kind === "secret");
    expect(secrets.map((i) => [i.path, i.line, i.blocking])).toEqual([
      ["deploy/upload.py", 4, true],
      ["deploy/upload.py", 5, true],
    ]);
    const all = JSON.stringify(issues);
    expect(all).not.toContain(AWS_KEY);
    expect(all).not.toContain(GITHUB_TOKEN.slice(4, 20));
  });

  it("placeholders, env lookups, fixtures and removed lines are not secrets", async () => {
    const after = 'API_KEY = os.environ["API_KEY"]\nTOKEN = "<your-token-here>"\npassword = "changeme"\nsecret_key = "xxxxxxxxxxxxxxxx"\n';
    const { issues } = await audit([
      { path: "app/settings.py", before: `OLD = "${AWS_KEY}"\n`, after },
      { path: "tests/fixtures/aws.json", after: `{"key": "${AWS_KEY}"}\n` },
    ]);
    expect(issues.filter((i) => i.kind === "secret")).toEqual([]);
  });

  it("an added credential file is reported by its name", async () => {
    const { issues } = await audit([{ path: "deploy/id_rsa", after: "not really a key\n" }]);
    expect(issues.find((i) => i.kind === "secret")?.message).toContain("deploy/id_rsa");
  });
});

describe("paths and tests", () => {
  const workflow: FileChange = { path: ".github/workflows/ci.yml", before: "on: push\n", after: "on: [push, pull_request]\n" };
  const deleted: FileChange = { path: "src/old.ts", before: "export const a = 1;\n" };
  const code: FileChange = { path: "src/new.ts", before: "export const b = 1;\n", after: "export const b = 2;\n" };

  it("a protected path is advice for people and blocks prd-bot's own PRs (configurable)", async () => {
    expect((await audit([workflow])).issues.find((i) => i.kind === "protected_path")).toMatchObject({ blocking: false, path: ".github/workflows/ci.yml" });
    expect((await audit([workflow], { byBot: true })).issues.find((i) => i.kind === "protected_path")?.blocking).toBe(true);
    expect((await audit([workflow], { settings: { protectedPathsBlock: "everyone" } })).issues.find((i) => i.kind === "protected_path")?.blocking).toBe(true);
    expect((await audit([workflow], { byBot: true, settings: { blocking: [] } })).issues.find((i) => i.kind === "protected_path")?.blocking).toBe(false);
  });

  it("deleted files count only in prd-bot's PRs", async () => {
    expect((await audit([deleted])).issues.some((i) => i.kind === "deleted_file")).toBe(false);
    expect((await audit([deleted], { byBot: true })).issues.find((i) => i.kind === "deleted_file")).toMatchObject({ blocking: true, path: "src/old.ts" });
  });

  it("code without tests is advice unless audit.require_tests; Rust inline tests count", async () => {
    expect((await audit([code])).issues.find((i) => i.kind === "missing_tests")?.blocking).toBe(false);
    expect((await audit([code], { settings: { requireTests: true } })).issues.find((i) => i.kind === "missing_tests")?.blocking).toBe(true);
    const rust: FileChange = { path: "src/lib.rs", before: "pub fn a() {}\n", after: "pub fn a() {}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn a_works() {}\n}\n" };
    expect((await audit([rust])).issues.some((i) => i.kind === "missing_tests")).toBe(false);
    expect((await audit([{ path: "README.md", before: "a\n", after: "b\n" }])).issues).toEqual([]);
  });
});

describe("the verdict", () => {
  it("names the count and the first blocker; advice alone passes", async () => {
    const { issues, skipped } = await audit([{ path: "src/cfg.ts", before: "export const a = 1;\n", after: `export const a = 1;\nconst token = "${GITHUB_TOKEN}";\n` }], { title: "docs only" });
    const report = buildReport(issues, skipped, { status: "skipped", detail: "no models.audit configured" });
    expect(report.state).toBe("failure");
    expect(report.summary).toMatch(/^2 blocking issues: github/);
    const details = renderDetails(report);
    expect(details).toContain("### Blocking (2)");
    expect(details).toContain("Model check: skipped: no models.audit configured.");
    const advice = buildReport([{ kind: "missing_tests", blocking: false, message: "code changed" }], [], { status: "ran", detail: "m" });
    expect(advice).toMatchObject({ state: "success", summary: "No blocking issues (1 advisory)" });
  });

  it("a partial audit says what it did not read", () => {
    const report = buildReport([], [{ what: "120 files of the diff", reason: "beyond audit.max_files" }], { status: "ran", detail: "m" });
    expect(report.state).toBe("success");
    expect(report.summary).toBe("No blocking issues in what was read (partial audit: 120 files of the diff not read)");
    expect(renderDetails(report)).toContain("### Not audited\n- 120 files of the diff: beyond audit.max_files");
  });
});
