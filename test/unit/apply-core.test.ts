import { describe, expect, it } from "vitest";
import { applyLine, commitMessage } from "../../src/core/apply/apply-record.js";
import { eligibleFiles } from "../../src/core/apply/eligible-files.js";
import { gatePatches } from "../../src/core/apply/gate-patches.js";
import { parsePatchAnswer } from "../../src/core/apply/patch-answer.js";
import { DEFAULT_APPLY_DENY } from "../../src/config/schema.js";
import { renderTemplate } from "../../src/prompts/templates.js";
import { reviewRecord } from "../support/review-records.js";

const rules = { minConfidence: 90, maxPatches: 2, maxLines: 6 };
const patch = (old_string: string, new_string: string, confidence = 95) => ({ old_string, new_string, rationale: "r", confidence });

describe("gatePatches", () => {
  it("names the gate of every rejected patch and applies the rest in order", () => {
    const text = "a = 1\nb = 2\nc = 3\nc = 3\n";
    const result = gatePatches(text, [
      patch("a = 1", "a = 10"),
      patch("b = 2", "b = 20", 89),
      patch("c = 3", "c = 30"),
      patch("b = 2", "b = 2"),
      patch("1\n2\n3\n4\n5\n6\n7", "x"),
      patch("zzz", "y"),
      patch("b = 2", "b = 21"),
      patch("c = 3\nc = 3", "c = 33"),
    ], rules);
    expect(result.text).toBe("a = 10\nb = 21\nc = 3\nc = 3\n");
    expect(result.applied.map((p) => p.new_string)).toEqual(["a = 10", "b = 21"]);
    expect(result.rejected.map((r) => r.gate)).toEqual(["confidence", "match", "noop", "size", "match", "count"]);
    expect(result.rejected[1]?.reason).toBe("old_string matches 2 places; it must match exactly once");
    expect(result.rejected[0]?.reason).toBe("confidence 89 < 90 (apply.min_confidence)");
    expect(result.rejected[3]?.reason).toBe("7 lines on one side, at most 6 (apply.max_patch_lines)");
  });

  it("refuses every patch of a protected or denied path, and marks tolerant matches", () => {
    expect(gatePatches("x\n", [patch("x", "y")], { ...rules, pathRefusal: "denied by apply.deny (docs/**)" }).rejected).toEqual([
      { gate: "protected", reason: "denied by apply.deny (docs/**)", patch: patch("x", "y") },
    ]);
    const tolerant = gatePatches("def f():\n    return 1\n", [patch("return 1  \n", "return 2\n")], rules);
    expect(tolerant.text).toBe("def f():\n    return 2\n");
    expect(tolerant.applied[0]?.tolerant).toBe(true);
  });

  it("counts a trailing line ending as no extra line for the size gate", () => {
    expect(gatePatches("1\n2\n3\n4\n5\n6\n", [patch("1\n2\n3\n4\n5\n6\n", "6\n")], rules).applied).toHaveLength(1);
  });
});

describe("eligibleFiles", () => {
  it("keeps auto/dry_run files above both confidence floors, not denied or protected, top N by confidence", () => {
    const records = [
      reviewRecord("src/a.ts", "h", { confidence_avg: 92 }),
      reviewRecord("src/b.ts", "h", { confidence_avg: 99 }),
      reviewRecord("src/c.ts", "h", { tier: "simulation" }),
      reviewRecord("src/d.ts", "h", { confidence_avg: 89 }),
      reviewRecord("src/e.ts", "h", { confidence_min: 60 }),
      reviewRecord("src/f.ts", "h", { findings: [] }),
      reviewRecord(".github/workflows/ci.yml", "h"),
      reviewRecord("package-lock.json", "h"),
      reviewRecord("src/g.ts", "h", { confidence_avg: 91 }),
    ];
    const { eligible, skipped } = eligibleFiles(records, { minConfidence: 90, minFindingConfidence: 70, maxFiles: 2, deny: DEFAULT_APPLY_DENY, protectedGlobs: ["**/package-lock.json"] });
    expect(eligible.map((r) => r.path)).toEqual(["src/b.ts", "src/a.ts"]);
    expect(Object.fromEntries(skipped.map((s) => [s.path, s.reason]))).toEqual({
      "src/c.ts": "review tier simulation",
      "src/d.ts": "review confidence_avg 89 < 90 (apply.min_confidence)",
      "src/e.ts": "review confidence_min 60 < 70 (apply.min_finding_confidence)",
      "src/f.ts": "the review has no findings",
      ".github/workflows/ci.yml": "denied by apply.deny (.github/**)",
      "package-lock.json": "protected path (**/package-lock.json)",
      "src/g.ts": "beyond the top 2 files (apply.max_files)",
    });
  });
});

describe("parsePatchAnswer", () => {
  it("finds the object in fences or prose, coerces quoted confidences, and says what is wrong otherwise", () => {
    expect(parsePatchAnswer('Here:\n```json\n{"patches": [{"old_string": "a", "new_string": "b", "confidence": "95"}]}\n```')).toEqual({
      ok: true,
      patches: [{ old_string: "a", new_string: "b", rationale: "", confidence: 95 }],
    });
    expect(parsePatchAnswer('{"patches": []}')).toEqual({ ok: true, patches: [] });
    expect(parsePatchAnswer('{"patches": [{"old_string": 1}]}')).toMatchObject({ ok: false, error: expect.stringContaining("patches.0.old_string") });
    expect(parsePatchAnswer("no json")).toMatchObject({ ok: false, error: expect.stringContaining("no JSON object") });
    expect(parsePatchAnswer("")).toMatchObject({ ok: false, error: expect.stringContaining("empty") });
  });
});

describe("audit line and commit message", () => {
  it("records the gates, the patches and the check tail; the message lists rationale and confidence", () => {
    const applied = [{ ...patch("a", "b\nc"), rationale: "guard  the\nnull", tolerant: true }];
    const line = applyLine(
      { path: "src/a.ts", action: "committed", reason: "ok", applied, rejected: [{ gate: "size", reason: "too big", patch: patch("x", "y", 99) }], commit: "c0ffee", model: "m", tokens: { prompt: 1, completion: 2 } },
      { at: new Date("2026-12-02T00:00:00Z"), headSha: "abc", pr: 7, review: { at: "t", confidence_avg: 95, confidence_min: 90, tier: "auto", model: "r" } },
    );
    expect(line).toMatchObject({ v: 1, action: "committed", file: "src/a.ts", head_sha: "abc", pr: 7, commit: "c0ffee", rejected: [{ gate: "size", reason: "too big", confidence: 99 }] });
    expect(line.patches).toEqual([{ rationale: "guard  the\nnull", confidence: 95, tolerant: true, old_lines: 1, new_lines: 2 }]);
    expect(commitMessage("src/a.ts", applied, { pr: 7, headSha: "0123456789abcdef" })).toBe(
      "prd-bot apply: 1 patch in src/a.ts\n\n- guard the null (confidence 95, matched ignoring whitespace)\n\nFrom the review of #7 at 0123456789ab.",
    );
  });
});

describe("patch prompt templates", () => {
  it("render with every variable (snapshot)", () => {
    expect(renderTemplate("apply-patch-system", { max_lines: 6, max_patches: 2, min_confidence: 90 })).toMatchSnapshot();
    expect(renderTemplate("apply-patch-user", { path: "a.py", file_note: "the whole file", findings: "- line 2: x", source: "a = 1" })).toMatchSnapshot();
  });
});
