// claim_not_backed and claim_contradicted against realistic PR texts (modelled on real ones: a live probe, a
// "cargo check clean" verification list, "adds tests", "docs only", "removes X"), backed and not.
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../src/core/audit/check-claims.js";
import { claimPatterns, parseClaimPatterns } from "../../src/core/audit/claim-patterns.js";
import type { AuditText, CiState } from "../../src/core/audit/audit-types.js";
import { pullRequest, type FileChange } from "../support/audit-fixtures.js";

const CODE: FileChange = { path: "observer/escalate.ts", before: "export const MODE = 'code_review';\n", after: "export const MODE = 'chat';\n" };
const TEST: FileChange = { path: "observer/escalate.test.ts", before: undefined, after: "it('routes to chat', () => {});\n" };

async function claims(text: Partial<AuditText>, changes: FileChange[] = [CODE], ci: CiState = "unknown", unchanged: Record<string, string> = {}) {
  const { files, tree } = pullRequest(changes, unchanged);
  return checkClaims({ text: { title: "", body: "", commits: [], ...text }, files, tree, ci });
}

describe("claims", () => {
  it("a live verification with nothing quoted is not backed, and blocks", async () => {
    const found = await claims({ commits: ["observer: fix escalation\n\nRewire to /v1/chat. Journal event verified live (total_events_created 0→1 after probe).\n"] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "claim_not_backed", blocking: true });
    expect(found[0]?.message).toContain('"Journal event verified live (total_events_created 0→1 after probe)."');
    expect(found[0]?.message).toContain("commit 1");
  });

  it("the same claim with the output quoted is backed", async () => {
    const body = "Probe shows the event count moving:\n\n```\n$ curl localhost:3800/stats\n{\"total_events_created\": 1}\n```\n";
    expect(await claims({ body })).toEqual([]);
  });

  it("'all tests pass' is backed by CI on the head, advice when CI is unknown, blocking when CI has no result", async () => {
    const body = "Refactor the router. All tests pass.";
    expect(await claims({ body }, [CODE, TEST], "success")).toEqual([]);
    expect((await claims({ body }, [CODE, TEST], "unknown"))[0]).toMatchObject({ kind: "claim_not_backed", blocking: false });
    expect((await claims({ body }, [CODE, TEST], "none"))[0]).toMatchObject({ kind: "claim_not_backed", blocking: true });
    expect((await claims({ body: "Verification:\n- `cargo check -p gateway --tests` — clean\n" }, [CODE], "none"))[0]?.message).toContain("cargo check -p gateway --tests");
  });

  it("hedged, unticked and template text claims nothing", async () => {
    const body = [
      "<!-- Describe how you verified this live -->",
      "- [ ] Tested on staging",
      "This should be verified live before merging.",
      "Not yet tested on staging?",
    ].join("\n");
    expect(await claims({ body })).toEqual([]);
  });

  it("'adds tests' with no test changed is contradicted; with a test it is not", async () => {
    expect((await claims({ title: "Fix escalation route and add unit tests" }))[0]).toMatchObject({ kind: "claim_contradicted", blocking: true });
    expect(await claims({ title: "Fix escalation route and add unit tests" }, [CODE, TEST])).toEqual([]);
  });

  it("'docs only' with code changes is contradicted; a comment-only code change is still docs", async () => {
    const found = await claims({ title: "docs only: explain the escalation" });
    expect(found[0]).toMatchObject({ kind: "claim_contradicted", path: "observer/escalate.ts" });
    const comment: FileChange = { path: "observer/escalate.ts", before: "// old words\nexport const MODE = 'chat';\n", after: "// new words\nexport const MODE = 'chat';\n" };
    expect(await claims({ title: "docs only: explain the escalation" }, [comment, { path: "README.md", before: "a\n", after: "b\n" }])).toEqual([]);
  });

  it("'removes `X`' while X is still defined in the changed code is contradicted; a real removal is not", async () => {
    const change: FileChange = { path: "src/ladder.py", before: "def rung_two():\n    pass\n\ndef legacy_rung():\n    pass\n", after: "def rung_two():\n    return 2\n\ndef legacy_rung():\n    pass\n" };
    const found = await claims({ body: "Removes the unused `legacy_rung` helper." }, [change]);
    expect(found[0]).toMatchObject({ kind: "claim_contradicted", path: "src/ladder.py", line: 4 });
    const removed: FileChange = { path: "src/ladder.py", before: change.before, after: "def rung_two():\n    pass\n" };
    expect(await claims({ body: "Removes the unused `legacy_rung` helper." }, [removed])).toEqual([]);
    expect((await claims({ body: "Deletes `docs/old-guide.md`." }, [change], "unknown", { "docs/old-guide.md": "x" }))[0]?.kind).toBe("claim_contradicted");
  });

  it("the patterns file is valid, and a broken pattern fails with its id", () => {
    expect(claimPatterns().length).toBeGreaterThanOrEqual(8);
    expect(() => parseClaimPatterns({ version: 1, claims: [{ id: "bad", kind: "verification", blocking: true, pattern: "(" }] })).toThrow(/claim pattern bad/);
  });
});
