import { describe, expect, it } from "vitest";
import { applyEdits, countChangedLines, planFiles, summarizeModes, type PlanResult } from "../../src/core/edits/edits.js";
import type { Proposal, ProposalFile } from "../../src/core/types.js";

function proposal(...files: ProposalFile[]): Proposal {
  return { summary: "s", rationale: "r", estimated_loc: 1, files };
}

function failure(result: PlanResult): { path: string; reason: string } {
  if (result.ok) throw new Error("expected the plan to fail");
  return result;
}

const tree = new Map<string, string | undefined>([
  ["src/a.ts", "export const a = 1;\nexport const b = 2;\n"],
  ["src/dup.ts", "x();\nx();\n"],
  ["src/crlf.ts", "one\r\ntwo\r\nthree\r\n"],
  ["src/gone.ts", undefined],
]);

describe("planFiles", () => {
  it("classifies ADD, UPDATE and NOOP, keeping before and after", () => {
    const result = planFiles(
      proposal(
        { path: "src/new.ts", is_new: true, content: "new\n" },
        { path: "src/a.ts", is_new: false, edits: [{ old_string: "a = 1", new_string: "a = 10" }] },
        { path: "src/dup.ts", is_new: false, content: "x();\nx();\n" },
      ),
      tree,
    );
    expect(result).toEqual({
      ok: true,
      files: [
        { path: "src/new.ts", mode: "ADD", before: undefined, after: "new\n" },
        { path: "src/a.ts", mode: "UPDATE", before: tree.get("src/a.ts"), after: "export const a = 10;\nexport const b = 2;\n" },
        { path: "src/dup.ts", mode: "NOOP", before: "x();\nx();\n", after: "x();\nx();\n" },
      ],
    });
    if (result.ok) expect(summarizeModes(result.files)).toEqual({ ADD: 1, UPDATE: 1, NOOP: 1 });
  });

  it("treats edits that change nothing as NOOP", () => {
    const result = planFiles(proposal({ path: "src/a.ts", is_new: false, edits: [{ old_string: "b = 2", new_string: "b = 2" }] }), tree);
    expect(result.ok && result.files[0]?.mode).toBe("NOOP");
  });

  it("fails is_new on an existing file, and a change to a missing one (undefined or absent key)", () => {
    const exists = failure(planFiles(proposal({ path: "src/a.ts", is_new: true, content: "x" }), tree));
    expect(exists.path).toBe("src/a.ts");
    expect(exists.reason).toContain("files[0] (src/a.ts): is_new is true but the file already exists");
    expect(failure(planFiles(proposal({ path: "src/gone.ts", is_new: false, content: "x" }), tree)).reason).toContain(
      "is_new is false but the file does not exist",
    );
    const missing = failure(planFiles(proposal({ path: "nowhere.ts", is_new: false, edits: [{ old_string: "a", new_string: "b" }] }), tree));
    expect(missing.reason).toContain("files[0] (nowhere.ts): is_new is false but the file does not exist");
  });

  it("fails an old_string that matches zero or several times, naming the edit and the count", () => {
    const none = failure(planFiles(proposal({ path: "src/a.ts", is_new: false, edits: [{ old_string: "c = 3", new_string: "" }] }), tree));
    expect(none.reason).toContain("edits[0].old_string matches 0 times");
    const two = failure(planFiles(proposal({ path: "src/dup.ts", is_new: false, edits: [{ old_string: "x();", new_string: "y();" }] }), tree));
    expect(two.reason).toBe("files[0] (src/dup.ts): edits[0].old_string matches 2 times (it must match exactly once); include more surrounding lines so it matches exactly once");
  });

  it("applies edits in order, each against the text as edited so far", () => {
    const ok = applyEdits("x();\nx();\n", [
      { old_string: "x();\nx();", new_string: "x();\ny();" },
      { old_string: "y();", new_string: "z();" },
    ]);
    expect(ok).toEqual({ ok: true, text: "x();\nz();\n", tolerant: [] });
    // The second edit's old_string only exists after the first edit, and the third no longer exists.
    const later = applyEdits("a\n", [{ old_string: "a", new_string: "b b" }, { old_string: "b b", new_string: "c" }, { old_string: "a", new_string: "d" }]);
    expect(later).toEqual({ ok: false, reason: expect.stringContaining("edits[2].old_string matches 0 times") });
    // The first edit creates a second occurrence, so the second edit becomes ambiguous.
    const ambiguous = applyEdits("k = 1\n", [{ old_string: "k = 1", new_string: "k = 1\nk = 1" }, { old_string: "k = 1", new_string: "k = 2" }]);
    expect(ambiguous).toEqual({ ok: false, reason: expect.stringContaining("edits[1].old_string matches 2 times") });
  });

  it("counts overlapping occurrences as ambiguous and refuses an empty old_string", () => {
    expect(applyEdits("aaa", [{ old_string: "aa", new_string: "b" }])).toEqual({ ok: false, reason: expect.stringContaining("matches 2 times") });
    expect(applyEdits("abc", [{ old_string: "", new_string: "x" }])).toEqual({ ok: false, reason: expect.stringContaining("edits[0].old_string is empty") });
  });

  it("matches LF old_strings against a CRLF file and keeps its line endings", () => {
    const result = planFiles(proposal({ path: "src/crlf.ts", is_new: false, edits: [{ old_string: "one\ntwo", new_string: "one\n2" }] }), tree);
    expect(result.ok && result.files[0]?.after).toBe("one\r\n2\r\nthree\r\n");
  });

  it("refuses the same path twice", () => {
    const twice = failure(planFiles(proposal({ path: "x.ts", is_new: true, content: "1" }, { path: "x.ts", is_new: true, content: "2" }), tree));
    expect(twice.reason).toContain("files[1] (x.ts): the path appears more than once");
  });
});

// The plain O(N·M) dynamic programme, as the reference the fast count must agree with.
function referenceCount(before: string, after: string): number {
  const a = before === "" ? [] : before.split(/(?<=\n)/);
  const b = after === "" ? [] : after.split(/(?<=\n)/);
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return a.length + b.length - 2 * row[b.length]!;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("countChangedLines", () => {
  it("counts added plus removed lines like git --numstat", () => {
    expect(countChangedLines(undefined, "a\nb\nc\n")).toBe(3);
    expect(countChangedLines("a\nb\nc\n", "a\nb\nc\n")).toBe(0);
    expect(countChangedLines("a\nb\nc\n", "a\nB\nc\n")).toBe(2);
    expect(countChangedLines("a\nb\nc\n", "a\nc\n")).toBe(1);
    expect(countChangedLines("a\nb\n", "a\nb\nc\nd\n")).toBe(2);
    expect(countChangedLines("a\nb", "a\nb\n")).toBe(2);
    expect(countChangedLines("", "")).toBe(0);
    expect(countChangedLines("x\ny\n", "")).toBe(2);
  });

  it("agrees with a plain LCS on random edits of small alphabets (repeats, moves, rewrites)", () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const lines = (count: number) => Array.from({ length: count }, () => `${"abcde"[Math.floor(next() * 5)]}\n`);
      const before = lines(Math.floor(next() * 30)).join("");
      const after = lines(Math.floor(next() * 30)).join("");
      expect(countChangedLines(before, after), `${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(referenceCount(before, after));
    }
  });

  it("with a limit, is exact up to it and above it past it", () => {
    const next = random(3);
    for (let round = 0; round < 200; round++) {
      const lines = (count: number) => Array.from({ length: count }, () => `${"abcdef"[Math.floor(next() * 6)]}\n`);
      const before = lines(Math.floor(next() * 40)).join("");
      const after = lines(Math.floor(next() * 40)).join("");
      const limit = Math.floor(next() * 30);
      const exact = referenceCount(before, after);
      const bounded = countChangedLines(before, after, limit);
      if (exact <= limit) expect(bounded).toBe(exact);
      else {
        expect(bounded).toBeGreaterThan(limit);
        expect(bounded).toBeLessThanOrEqual(exact);
      }
    }
  });

  it("counts 5,000-line files changed a little, rewritten, or shuffled (speed: bench/core-parsing.ts)", () => {
    const next = random(7);
    const original = Array.from({ length: 5000 }, (_, i) => `line ${i} ${Math.floor(next() * 1000)}\n`);
    const edited = original.map((line, i) => (i % 50 === 0 ? `changed ${i}\n` : line));
    const shuffled = [...original].sort(() => next() - 0.5);
    expect(countChangedLines(original.join(""), edited.join(""))).toBe(200);
    expect(countChangedLines(original.join(""), original.map((line) => `x${line}`).join(""))).toBe(10_000);
    expect(countChangedLines(original.join(""), shuffled.join(""), 200)).toBeGreaterThan(200);
    // The unbounded worst case (every line moved) is O(N·D), about half a second; only its result is checked.
    const moved = countChangedLines(original.join(""), shuffled.join(""));
    expect(moved).toBeGreaterThan(9000);
    expect(moved).toBeLessThanOrEqual(10_000);
  });
});
