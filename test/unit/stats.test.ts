import { describe, expect, it } from "vitest";
import type { Outcome } from "../../src/core/outcomes.js";
import { computeStats, renderStatsTable } from "../../src/core/stats.js";
import type { CycleRecord } from "../../src/core/types.js";

let n = 0;
function record(outcome: Outcome, startedAt: string, options: { gap?: string; text?: string; model?: string | null; calls?: number; prompt?: number; completion?: number } = {}): CycleRecord {
  n++;
  const prompt = options.prompt ?? 0;
  const completion = options.completion ?? 0;
  return {
    cycle_id: `c${String(n).padStart(3, "0")}`,
    version: "0.1.0",
    started_at: startedAt,
    finished_at: startedAt,
    outcome,
    reason: "",
    gap: options.gap ? { id: options.gap, text: options.text ?? `gap ${options.gap}`, line: 1, section: [] } : null,
    files: [],
    tokens: { prompt, completion, total: prompt + completion },
    model: options.model === undefined ? null : options.model,
    calls: options.calls ?? 0,
    attempts: 0,
    test: null,
    branch: outcome === "ok" ? `prd-bot/${options.gap}` : null,
    commit: null,
    base: null,
    pr_url: null,
    dry_run: false,
    transcript: null,
    timings: {},
  };
}

const GPT = "default/gpt-4o-mini";
const LLAMA = "ollama/llama3";

// Given out of order on purpose: the aggregation must not depend on the order records are read in.
const records: CycleRecord[] = [
  record("tests_failed", "2025-03-02T09:00:00Z", { gap: "aaaa1111", text: "Add a --json flag", model: GPT, calls: 2, prompt: 1000, completion: 200 }),
  record("ok", "2025-03-01T23:30:00Z", { gap: "aaaa1111", text: "Add a --json flag", model: GPT, calls: 1, prompt: 800, completion: 100 }),
  record("skipped_no_gap", "2025-03-03T08:00:00Z"),
  record("ok", "2025-03-02T10:00:00+02:00", { gap: "bbbb2222", text: "Validate the port number", model: LLAMA, calls: 1, prompt: 500, completion: 50 }),
  record("skipped_cost", "2025-03-02T12:00:00Z", { gap: "bbbb2222", text: "Validate the port number (edited)" }),
  record("model_failed", "2025-03-02T13:00:00Z", { gap: "cccc3333", model: GPT, calls: 2, prompt: 300, completion: 0 }),
];

describe("computeStats", () => {
  const stats = computeStats(records);

  it("counts outcomes, most frequent first, with their shares", () => {
    expect(stats.cycles).toBe(6);
    expect(stats.outcomes).toEqual([
      // Ties keep the order of OUTCOMES.
      { outcome: "ok", count: 2, share: 2 / 6 },
      { outcome: "skipped_cost", count: 1, share: 1 / 6 },
      { outcome: "skipped_no_gap", count: 1, share: 1 / 6 },
      { outcome: "model_failed", count: 1, share: 1 / 6 },
      { outcome: "tests_failed", count: 1, share: 1 / 6 },
    ]);
  });

  it("gives the share of cycles that produced a branch, overall and among cycles that called a model", () => {
    expect(stats.ok).toBe(2);
    expect(stats.ok_share).toBeCloseTo(1 / 3);
    expect(stats.attempted).toBe(4);
    expect(stats.ok_share_of_attempted).toBe(0.5);
  });

  it("builds one row per gap with its latest outcome and text, most recent first", () => {
    expect(stats.gaps).toEqual([
      { id: "cccc3333", text: "gap cccc3333", cycles: 1, ok: 0, last_outcome: "model_failed", last_at: "2025-03-02T13:00:00Z" },
      { id: "bbbb2222", text: "Validate the port number (edited)", cycles: 2, ok: 1, last_outcome: "skipped_cost", last_at: "2025-03-02T12:00:00Z" },
      { id: "aaaa1111", text: "Add a --json flag", cycles: 2, ok: 1, last_outcome: "tests_failed", last_at: "2025-03-02T09:00:00Z" },
    ]);
  });

  it("sums tokens per model per UTC day, by the day the cycle started", () => {
    // 2025-03-02T10:00+02:00 is 08:00 UTC on the 2nd; 23:30Z on the 1st stays on the 1st.
    expect(stats.tokens).toEqual([
      { day: "2025-03-01", model: GPT, cycles: 1, calls: 1, prompt: 800, completion: 100, total: 900 },
      { day: "2025-03-02", model: GPT, cycles: 2, calls: 4, prompt: 1300, completion: 200, total: 1500 },
      { day: "2025-03-02", model: LLAMA, cycles: 1, calls: 1, prompt: 500, completion: 50, total: 550 },
    ]);
    expect(stats.totals).toEqual({ calls: 6, prompt: 2600, completion: 350, total: 2950 });
    expect(stats.first_at).toBe("2025-03-01T23:30:00Z");
    expect(stats.last_at).toBe("2025-03-03T08:00:00Z");
  });

  it("is all zeros for no records, without dividing by zero", () => {
    const empty = computeStats([]);
    expect(empty).toMatchObject({ cycles: 0, ok: 0, ok_share: 0, attempted: 0, ok_share_of_attempted: 0, outcomes: [], gaps: [], tokens: [], first_at: null, last_at: null });
  });

  it("puts records with an unreadable time on an `unknown` day instead of failing", () => {
    const odd = computeStats([record("model_failed", "yesterday", { model: null, calls: 1, prompt: 10 })]);
    expect(odd.tokens).toEqual([{ day: "unknown", model: "(unknown model)", cycles: 1, calls: 1, prompt: 10, completion: 0, total: 10 }]);
  });
});

describe("renderStatsTable", () => {
  it("prints a summary and aligned outcome, gap and token tables", () => {
    const text = renderStatsTable(computeStats(records));
    const lines = text.split("\n");
    expect(lines[0]).toBe("6 cycles from 2025-03-01 23:30 to 2025-03-03 08:00: 2 ok (33%); 4 called a model, 50% of those ok.");
    expect(lines[1]).toBe("Tokens: 2,950 in 6 model calls.");
    expect(text).toContain("outcome         cycles  share\n--------------  ------  -----\nok                   2    33%\n");
    expect(text).toContain("aaaa1111       2   1  tests_failed  2025-03-02 09:00  Add a --json flag\n");
    expect(text).toContain("2025-03-02  ollama/llama3             1      1     500          50    550\n");
    // Columns line up: every row of a table has its cells at the header's offsets.
    const header = lines.findIndex((l) => l.startsWith("day (UTC)"));
    const modelColumn = lines[header]!.indexOf("model");
    for (const row of lines.slice(header + 2, header + 5)) expect(row.slice(modelColumn, modelColumn + 8)).toMatch(/^(default|ollama)\//);
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });

  it("cuts long gap text and limits the gap rows", () => {
    const many = Array.from({ length: 5 }, (_, i) => record("ok", `2025-01-0${i + 1}T00:00:00Z`, { gap: `g${i}`, text: "x".repeat(100) }));
    const text = renderStatsTable(computeStats(many), { maxGaps: 2, maxTextLength: 10 });
    expect(text).toContain(`${"x".repeat(9)}…`);
    expect(text).not.toContain("x".repeat(10));
    expect(text).toContain("… and 3 more gaps");
    expect(text.match(/^g\d /gm)).toEqual(["g4 ", "g3 "]);
    // No model calls: no token table.
    expect(text).not.toContain("day (UTC)");
  });

  it("says so when there is nothing to show", () => {
    expect(renderStatsTable(computeStats([]))).toBe("No cycles recorded yet. Run `prd-bot cycle` to start one.\n");
  });
});
