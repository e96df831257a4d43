// Aggregates cycle records for `prd-bot stats`: what happened, to which gap, at what token cost.
// Pure: records in, numbers and a plain-text table out.
import { OUTCOMES } from "./outcomes.js";
import type { Outcome } from "./outcomes.js";
import type { CycleRecord } from "./types.js";

export interface OutcomeCount {
  outcome: Outcome;
  count: number;
  /** count / all cycles, 0..1. */
  share: number;
}

export interface GapStats {
  id: string;
  /** The gap's text in its most recent cycle. */
  text: string;
  cycles: number;
  ok: number;
  last_outcome: Outcome;
  last_at: string;
}

/** Tokens a model spent on one UTC day (the day a cycle started). */
export interface DailyModelTokens {
  day: string;
  model: string;
  cycles: number;
  calls: number;
  prompt: number;
  completion: number;
  total: number;
}

export interface Stats {
  cycles: number;
  /** Cycles that ended `ok`: a tested branch (and a draft PR when a forge is configured). */
  ok: number;
  ok_share: number;
  /** Cycles that made at least one model call; skipped cycles are not attempts. */
  attempted: number;
  ok_share_of_attempted: number;
  /** Most frequent first. */
  outcomes: OutcomeCount[];
  /** Most recently worked on first. */
  gaps: GapStats[];
  /** Oldest day first, then by model. */
  tokens: DailyModelTokens[];
  totals: { calls: number; prompt: number; completion: number; total: number };
  first_at: string | null;
  last_at: string | null;
}

export function computeStats(records: readonly CycleRecord[]): Stats {
  const ordered = [...records].sort(byTime);
  const outcomeCounts = new Map<Outcome, number>();
  const gaps = new Map<string, GapStats>();
  const tokens = new Map<string, DailyModelTokens>();
  const totals = { calls: 0, prompt: 0, completion: 0, total: 0 };
  let attempted = 0;
  let attemptedOk = 0;

  for (const record of ordered) {
    outcomeCounts.set(record.outcome, (outcomeCounts.get(record.outcome) ?? 0) + 1);
    if (record.calls > 0) {
      attempted++;
      if (record.outcome === "ok") attemptedOk++;
    }
    if (record.gap) {
      const row = gaps.get(record.gap.id) ?? { id: record.gap.id, text: "", cycles: 0, ok: 0, last_outcome: record.outcome, last_at: "" };
      row.cycles++;
      if (record.outcome === "ok") row.ok++;
      // Records are in time order, so the last one seen is the latest.
      row.text = record.gap.text;
      row.last_outcome = record.outcome;
      row.last_at = record.started_at;
      gaps.set(record.gap.id, row);
    }
    if (record.calls > 0 || record.tokens.total > 0) {
      const day = utcDay(record.started_at);
      const model = record.model ?? "(unknown model)";
      const key = `${day}\u0000${model}`;
      const row = tokens.get(key) ?? { day, model, cycles: 0, calls: 0, prompt: 0, completion: 0, total: 0 };
      row.cycles++;
      row.calls += record.calls;
      row.prompt += record.tokens.prompt;
      row.completion += record.tokens.completion;
      row.total += record.tokens.total;
      tokens.set(key, row);
      totals.calls += record.calls;
      totals.prompt += record.tokens.prompt;
      totals.completion += record.tokens.completion;
      totals.total += record.tokens.total;
    }
  }

  const cycles = records.length;
  const ok = outcomeCounts.get("ok") ?? 0;
  const outcomes = [...outcomeCounts]
    .map(([outcome, count]) => ({ outcome, count, share: count / cycles }))
    .sort((a, b) => b.count - a.count || OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome));
  return {
    cycles,
    ok,
    ok_share: cycles === 0 ? 0 : ok / cycles,
    attempted,
    ok_share_of_attempted: attempted === 0 ? 0 : attemptedOk / attempted,
    outcomes,
    gaps: [...gaps.values()].sort((a, b) => timeOf(b.last_at) - timeOf(a.last_at) || a.id.localeCompare(b.id)),
    tokens: [...tokens.values()].sort((a, b) => a.day.localeCompare(b.day) || a.model.localeCompare(b.model)),
    totals,
    first_at: ordered[0]?.started_at ?? null,
    last_at: ordered.at(-1)?.started_at ?? null,
  };
}

export interface RenderOptions {
  /** Gap rows shown; the rest are counted in one line. */
  maxGaps?: number;
  /** Longest gap text shown before it is cut with "…". */
  maxTextLength?: number;
}

/** A plain-text report for the terminal: a summary line, then outcome, gap and token tables. */
export function renderStatsTable(stats: Stats, options: RenderOptions = {}): string {
  if (stats.cycles === 0) return "No cycles recorded yet. Run `prd-bot cycle` to start one.\n";
  const maxGaps = options.maxGaps ?? 20;
  const maxText = options.maxTextLength ?? 60;
  const span = stats.first_at === stats.last_at ? `on ${shortTime(stats.first_at)}` : `from ${shortTime(stats.first_at)} to ${shortTime(stats.last_at)}`;
  const lines = [
    `${plural(stats.cycles, "cycle")} ${span}: ${stats.ok} ok (${percent(stats.ok_share)}); ` +
      `${stats.attempted} called a model, ${percent(stats.ok_share_of_attempted)} of those ok.`,
    `Tokens: ${thousands(stats.totals.total)} in ${plural(stats.totals.calls, "model call")}.`,
    "",
    ...formatTable(
      ["outcome", "cycles", "share"],
      stats.outcomes.map((o) => [o.outcome, String(o.count), percent(o.share)]),
      [false, true, true],
    ),
  ];
  if (stats.gaps.length > 0) {
    const shown = stats.gaps.slice(0, maxGaps);
    lines.push(
      "",
      ...formatTable(
        ["gap", "cycles", "ok", "last outcome", "last run", "text"],
        shown.map((g) => [g.id, String(g.cycles), String(g.ok), g.last_outcome, shortTime(g.last_at), truncate(g.text, maxText)]),
        [false, true, true, false, false, false],
      ),
    );
    if (stats.gaps.length > shown.length) lines.push(`… and ${plural(stats.gaps.length - shown.length, "more gap")}`);
  }
  if (stats.tokens.length > 0) {
    lines.push(
      "",
      ...formatTable(
        ["day (UTC)", "model", "cycles", "calls", "prompt", "completion", "total"],
        stats.tokens.map((t) => [t.day, t.model, String(t.cycles), String(t.calls), thousands(t.prompt), thousands(t.completion), thousands(t.total)]),
        [false, false, true, true, true, true, true],
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Columns padded to their widest cell; `right` marks numeric columns. Trailing spaces trimmed. */
function formatTable(headers: string[], rows: string[][], right: boolean[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

function byTime(a: CycleRecord, b: CycleRecord): number {
  return timeOf(a.started_at) - timeOf(b.started_at) || a.finished_at.localeCompare(b.finished_at) || a.cycle_id.localeCompare(b.cycle_id);
}

// Unparsable times sort first instead of poisoning the order with NaN.
function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

function utcDay(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "unknown" : new Date(t).toISOString().slice(0, 10);
}

function shortTime(iso: string | null): string {
  if (iso === null) return "-";
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 16).replace("T", " ");
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

// Not toLocaleString: the output must not depend on the machine's locale.
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
