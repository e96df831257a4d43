import { describe, expect, it } from "vitest";
import { parseCycleEvents, priorAttempts, renderPriorAttempts, type CycleEvent } from "../../src/core/propose/history.js";

function event(at: string, gap: string, outcome: CycleEvent["outcome"], extra: Partial<CycleEvent> = {}): CycleEvent {
  return { type: "cycle", cycle_id: at, at, gap_id: gap, gap_text: "t", outcome, reason: `r-${at}`, files: [], model: "m", tokens: 1, branch: null, pr_url: null, dry_run: false, ...extra };
}

describe("prior attempts", () => {
  const events = [
    event("2026-11-20T01:00:00Z", "g1", "tests_failed", { files: ["src/a.ts"] }),
    event("2026-11-20T03:00:00Z", "g1", "ok", { pr_url: "https://forge/pr/1" }),
    event("2026-11-20T02:00:00Z", "g2", "model_failed"),
    event("2026-11-20T04:00:00Z", "g1", "ok", { dry_run: true }),
    ...Array.from({ length: 6 }, (_, i) => event(`2026-11-19T0${i}:00:00Z`, "g1", "apply_failed")),
  ];

  it("keeps the five most recent real cycles of the gap, newest first", () => {
    const prior = priorAttempts(events, "g1");
    expect(prior.map((e) => e.at)).toEqual([
      "2026-11-20T03:00:00Z",
      "2026-11-20T01:00:00Z",
      "2026-11-19T05:00:00Z",
      "2026-11-19T04:00:00Z",
      "2026-11-19T03:00:00Z",
    ]);
  });

  it("renders outcome, reason, files and PR link, and nothing for a first cycle", () => {
    const text = renderPriorAttempts(priorAttempts(events, "g1", 2));
    expect(text).toContain("Prior attempts on this gap (2 most recent):");
    expect(text).toContain("- 2026-11-20 03:00 UTC: ok https://forge/pr/1");
    expect(text).toContain("reason: r-2026-11-20T01:00:00Z");
    expect(text).toContain("files: src/a.ts");
    expect(renderPriorAttempts([])).toBe("");
  });

  it("parses events.jsonl, skipping other jobs' lines and torn lines", () => {
    const jsonl = [JSON.stringify(events[0]), '{"type":"review","file":"x"}', "{torn", "", JSON.stringify(events[1])].join("\n");
    expect(parseCycleEvents(jsonl).map((e) => e.outcome)).toEqual(["tests_failed", "ok"]);
  });
});
