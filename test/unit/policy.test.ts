import { describe, expect, it } from "vitest";
import { configSchema, DEFAULT_PROTECTED } from "../../src/config/schema.js";
import { planFiles } from "../../src/core/edits/edits.js";
import { checkProposal, checkProposalPaths, isTestChange, shouldRunCycle, type Policy, type PolicyResult } from "../../src/core/propose/policy.js";
import { isTestCode as isTestPath, isTestLocation } from "../../src/core/test-files.js";
import type { PlannedFile, Proposal, ProposalFile } from "../../src/core/types.js";

const policy: Policy = configSchema.parse({}).policy;
const rules = { protectedGlobs: DEFAULT_PROTECTED, prdPath: "docs/PRD.md", maxFileBytes: policy.max_file_bytes };

function proposal(...files: ProposalFile[]): Proposal {
  return { summary: "s", rationale: "r", estimated_loc: 1, files };
}

function reason(result: PolicyResult): string {
  if (result.ok) throw new Error("expected policy to refuse");
  return result.reason;
}

const current = new Map<string, string | undefined>([
  ["src/a.ts", "export const a = 1;\n"],
  ["docs/PRD.md", "# PRD\n"],
  ["yarn.lock", "lock\n"],
]);

/** Plan against `current` and run the policy, as the propose cycle does. */
function judge(p: Proposal, overrides: Partial<Policy> = {}): PolicyResult {
  const planned = planFiles(p, current);
  if (!planned.ok) throw new Error(planned.reason);
  return checkProposal(p, planned.files, { ...policy, ...overrides }, rules);
}

const testFile: ProposalFile = { path: "test/a.test.ts", is_new: true, content: "expect(a).toBe(2);\n" };
const change: ProposalFile = { path: "src/a.ts", is_new: false, edits: [{ old_string: "= 1", new_string: "= 2" }] };

describe("checkProposal", () => {
  it("accepts a small change with a test", () => {
    expect(judge(proposal(change, testFile))).toEqual({ ok: true });
  });

  it("applies the guardrails to every file: protected paths, the PRD, traversal", () => {
    expect(reason(judge(proposal(change, testFile, { path: "docs/PRD.md", is_new: false, content: "# PRD\nmore\n" })))).toContain("is the PRD");
    expect(reason(judge(proposal(testFile, { path: "yarn.lock", is_new: false, content: "lock\n" })))).toContain("protected by the glob");
    expect(reason(checkProposalPaths(proposal(testFile, { path: "a/../../x", is_new: true, content: "x" }), rules))).toContain('".." segment');
  });

  it("refuses a deletion attempt, a huge file and binary content", () => {
    expect(reason(judge(proposal(testFile, { path: "src/a.ts", is_new: false, content: "" })))).toContain("files are never deleted");
    const huge = proposal(testFile, { path: "src/big.ts", is_new: true, content: "x\n".repeat(150_000) });
    expect(reason(judge(huge, { max_changed_lines: 1_000_000 }))).toContain("300000 bytes, over the limit of 200000");
    expect(reason(judge(proposal(testFile, { path: "src/x.bin", is_new: true, content: "\u0000\u0001" })))).toContain("looks binary");
  });

  it("refuses too many files, counting every proposed file", () => {
    const files = Array.from({ length: 5 }, (_, i): ProposalFile => ({ path: `src/f${i}.ts`, is_new: true, content: `${i}\n` }));
    expect(judge(proposal(...files.slice(0, 4), testFile))).toEqual({ ok: true });
    expect(reason(judge(proposal(...files, testFile)))).toContain("touches 6 files; policy.max_files allows 5");
    expect(reason(judge(proposal(change, testFile), { max_files: 1 }))).toContain("touches 2 files; policy.max_files allows 1");
  });

  it("refuses too many changed lines, summed over the written files", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}\n`).join("");
    const p = proposal({ path: "src/b.ts", is_new: true, content: lines(150) }, { path: "test/b.test.ts", is_new: true, content: lines(50) });
    expect(judge(p)).toEqual({ ok: true });
    expect(reason(judge(p, { max_changed_lines: 199 }))).toBe(
      "the proposal changes more than 199 lines (at least 200 once test/b.test.ts is counted); policy.max_changed_lines allows 199. Make a smaller change",
    );
    // Counting stops past the limit: the number shown is a lower bound above it, never above the truth.
    const counted = Number(/at least (\d+) once src\/b\.ts is counted/.exec(reason(judge(p, { max_changed_lines: 100 })))?.[1]);
    expect(counted).toBeGreaterThan(100);
    expect(counted).toBeLessThanOrEqual(150);
  });

  it("requires a written test file when policy.require_test, and a NOOP test does not count", () => {
    expect(reason(judge(proposal(change)))).toContain("no test code among the written files (src/a.ts); policy.require_test asks for a new or changed test");
    expect(judge(proposal(change), { require_test: false })).toEqual({ ok: true });
    const unchangedTest: PlannedFile = { path: "test/a.test.ts", mode: "NOOP", before: "t", after: "t" };
    const updated: PlannedFile = { path: "src/a.ts", mode: "UPDATE", before: "a", after: "b" };
    const p = proposal(change, { path: "test/a.test.ts", is_new: false, content: "t" });
    expect(reason(checkProposal(p, [updated, unchangedTest], policy, rules))).toContain("no test code among the written files (src/a.ts)");
  });
});

describe("isTestPath", () => {
  it("recognizes the common conventions", () => {
    const tests = [
      "src/a.test.ts", "src/a.spec.tsx", "lib/a.test.mjs", "src/__tests__/a.ts", "test/a.js", "tests/integration.rs",
      "packages/x/test/util.ts", "tests/test_api.py", "app/test_models.py", "app/models_test.py", "pkg/server_test.go",
      "src/test/java/com/x/FooTest.java", "spec/models/user_spec.rb", "lib/user_spec.rb", "Tests/Unit.cs",
    ];
    for (const path of tests) expect(isTestPath(path), path).toBe(true);
  });

  it("does not mistake ordinary files for tests", () => {
    const plain = ["src/index.ts", "src/testing.ts", "src/contest.py", "src/latest/a.ts", "pkg/server.go", "src/main/java/Foo.java", "docs/spec.md", "attestation.rb"];
    for (const path of plain) expect(isTestPath(path), path).toBe(false);
  });

  it("counts only test code: data, snapshots and backups under test/ are not tests", () => {
    for (const path of ["test/fixture.json", "a.test.js.bak", "test/__snapshots__/a.test.ts.snap", "tests/data.csv", "test/README.md", "spec/x.yml"]) {
      expect(isTestPath(path), path).toBe(false);
      expect(isTestLocation(path) || path === "a.test.js.bak", path).toBe(true);
    }
    for (const path of ["t/basic.t", "test/cli.bats", "src/FooTests.cs", "app/src/test/kotlin/BarSpec.kt"]) expect(isTestPath(path), path).toBe(true);
  });

  it("counts a new or changed Rust #[cfg(test)] module, not an untouched one", () => {
    const body = "fn f() -> u8 { 1 }\n";
    const module = "#[cfg(test)]\nmod tests {\n    #[test]\n    fn one() { assert_eq!(super::f(), 1); }\n}\n";
    expect(isTestChange({ path: "src/lib.rs", before: undefined, after: body + module })).toBe(true);
    expect(isTestChange({ path: "src/lib.rs", before: body, after: body + module })).toBe(true);
    expect(isTestChange({ path: "src/lib.rs", before: body + module, after: body + module.replace("1);", "1u8);") })).toBe(true);
    expect(isTestChange({ path: "src/lib.rs", before: body + module, after: body.replace("1 }", "2 }") + module })).toBe(false);
    expect(isTestChange({ path: "src/lib.rs", before: body, after: body + "// more\n" })).toBe(false);
    expect(isTestChange({ path: "src/lib.ts", before: undefined, after: module })).toBe(false);
  });
});

describe("shouldRunCycle", () => {
  it("gives up after N consecutive failures, naming the last one", () => {
    const history = [{ outcome: "tests_failed" as const }, { outcome: "apply_failed" as const }, { outcome: "model_failed" as const }];
    expect(reason(shouldRunCycle(history, 3))).toBe(
      "the gap failed 3 cycles in a row (last: model_failed); policy.give_up_after_failures is 3. Reword the gap or raise the limit to try again",
    );
    expect(shouldRunCycle(history, 4)).toEqual({ ok: true });
    expect(shouldRunCycle([], 1)).toEqual({ ok: true });
  });

  it("resets on success or noop, and ignores skipped cycles", () => {
    expect(shouldRunCycle([{ outcome: "tests_failed" }, { outcome: "tests_failed" }, { outcome: "ok" }, { outcome: "tests_failed" }], 2)).toEqual({ ok: true });
    expect(shouldRunCycle([{ outcome: "tests_failed" }, { outcome: "cycle_noop" }, { outcome: "tests_failed" }], 2)).toEqual({ ok: true });
    expect(reason(shouldRunCycle([{ outcome: "tests_failed" }, { outcome: "skipped_cost" }, { outcome: "pr_failed" }], 2))).toContain("failed 2 cycles in a row");
  });

  it("orders by time when every entry has one (newest-first input is fine)", () => {
    const newestFirst = [
      { outcome: "ok" as const, at: "2026-05-03T00:00:00Z" },
      { outcome: "tests_failed" as const, at: "2026-05-02T00:00:00Z" },
      { outcome: "tests_failed" as const, at: "2026-05-01T00:00:00Z" },
    ];
    expect(shouldRunCycle(newestFirst, 2)).toEqual({ ok: true });
    const failedLast = newestFirst.map((entry, i) => ({ ...entry, at: `2026-05-0${i + 1}T00:00:00Z` }));
    expect(reason(shouldRunCycle(failedLast, 2))).toContain("failed 2 cycles in a row");
  });
});
