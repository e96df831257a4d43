import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
import {
  loadCycleRecords
} from "./chunk-BYGMBUYC.js";
import {
  openLocal
} from "./chunk-VEPGM2LT.js";
import "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-CI6V2LSR.js";
import {
  OUTCOMES
} from "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/core/stats.ts
function computeStats(records) {
  const ordered = [...records].sort(byTime);
  const outcomeCounts = /* @__PURE__ */ new Map();
  const gaps = /* @__PURE__ */ new Map();
  const tokens = /* @__PURE__ */ new Map();
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
      row.text = record.gap.text;
      row.last_outcome = record.outcome;
      row.last_at = record.started_at;
      gaps.set(record.gap.id, row);
    }
    if (record.calls > 0 || record.tokens.total > 0) {
      const day = utcDay(record.started_at);
      const model = record.model ?? "(unknown model)";
      const key = `${day}\0${model}`;
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
  const outcomes = [...outcomeCounts].map(([outcome, count]) => ({ outcome, count, share: count / cycles })).sort((a, b) => b.count - a.count || OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome));
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
    last_at: ordered.at(-1)?.started_at ?? null
  };
}
function renderStatsTable(stats, options = {}) {
  if (stats.cycles === 0) return "No cycles recorded yet. Run `prd-bot cycle` to start one.\n";
  const maxGaps = options.maxGaps ?? 20;
  const maxText = options.maxTextLength ?? 60;
  const span = stats.first_at === stats.last_at ? `on ${shortTime(stats.first_at)}` : `from ${shortTime(stats.first_at)} to ${shortTime(stats.last_at)}`;
  const lines = [
    `${plural(stats.cycles, "cycle")} ${span}: ${stats.ok} ok (${percent(stats.ok_share)}); ${stats.attempted} called a model, ${percent(stats.ok_share_of_attempted)} of those ok.`,
    `Tokens: ${thousands(stats.totals.total)} in ${plural(stats.totals.calls, "model call")}.`,
    "",
    ...formatTable(
      ["outcome", "cycles", "share"],
      stats.outcomes.map((o) => [o.outcome, String(o.count), percent(o.share)]),
      [false, true, true]
    )
  ];
  if (stats.gaps.length > 0) {
    const shown = stats.gaps.slice(0, maxGaps);
    lines.push(
      "",
      ...formatTable(
        ["gap", "cycles", "ok", "last outcome", "last run", "text"],
        shown.map((g) => [g.id, String(g.cycles), String(g.ok), g.last_outcome, shortTime(g.last_at), truncate(g.text, maxText)]),
        [false, true, true, false, false, false]
      )
    );
    if (stats.gaps.length > shown.length) lines.push(`\u2026 and ${plural(stats.gaps.length - shown.length, "more gap")}`);
  }
  if (stats.tokens.length > 0) {
    lines.push(
      "",
      ...formatTable(
        ["day (UTC)", "model", "cycles", "calls", "prompt", "completion", "total"],
        stats.tokens.map((t) => [t.day, t.model, String(t.cycles), String(t.calls), thousands(t.prompt), thousands(t.completion), thousands(t.total)]),
        [false, false, true, true, true, true, true]
      )
    );
  }
  return `${lines.join("\n")}
`;
}
function formatTable(headers, rows, right) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((cell, i) => right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}
function byTime(a, b) {
  return timeOf(a.started_at) - timeOf(b.started_at) || a.finished_at.localeCompare(b.finished_at) || a.cycle_id.localeCompare(b.cycle_id);
}
function timeOf(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}
function utcDay(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "unknown" : new Date(t).toISOString().slice(0, 10);
}
function shortTime(iso) {
  if (iso === null) return "-";
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 16).replace("T", " ");
}
function percent(share) {
  return `${Math.round(share * 100)}%`;
}
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

// src/cli/commands/stats.ts
var STATS_HELP = `Usage: prd-bot stats [options]

Outcomes by count, the share of cycles that produced a branch or PR, per-gap history, and tokens
per model per UTC day, from the records in the state directory.

Options:
  --root DIR         the checkout (default: the current directory)
  --config FILE      configuration file relative to the root
  --state-dir DIR    where records live (default: <git dir>/prd-bot)
  --json             print the statistics as JSON
  -h, --help         this help`;
async function statsCommand(argv, io) {
  const { values } = parseCommandArgs("stats", argv, {
    root: { type: "string" },
    config: { type: "string" },
    "state-dir": { type: "string" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(STATS_HELP);
    return 0;
  }
  const local = await openLocal({ root: values.root ?? io.cwd, config: values.config, stateDir: values["state-dir"] });
  const stats = computeStats(await loadCycleRecords(local.state));
  io.out(values.json ? JSON.stringify(stats) : renderStatsTable(stats));
  return 0;
}
export {
  STATS_HELP,
  statsCommand
};
