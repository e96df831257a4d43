// The run's job summary (GITHUB_STEP_SUMMARY): one table row per cycle, the budget left today, and the
// gaps when listed. Gap text and issue titles are other people's words, so every cell is HTML-escaped;
// the runner masks secrets in logs but not in summaries, so known secrets are removed here as well.
import type { summary as coreSummary } from "@actions/core";
import { OUTCOME_MEANING } from "../core/outcomes.js";
import type { CycleRecord } from "../core/types.js";
import { outcomeOf, type ActionResult } from "./action-result.js";
import { redactSecrets } from "../core/redact-secrets.js";

type Summary = typeof coreSummary;
type Cell = { data: string; header?: boolean };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

export { redactSecrets };

const header = (...names: string[]): Cell[] => names.map((data) => ({ data, header: true }));
const cell = (text: string): Cell => ({ data: escapeHtml(text) });
const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function fillJobSummary(summary: Summary, result: ActionResult): Summary {
  summary.addHeading("prd-bot", 2);
  summary.addRaw(`<p><b>${escapeHtml(result.job)}</b>: ${escapeHtml(result.reason)} → <code>${escapeHtml(outcomeOf(result))}</code></p>`, true);

  if (result.records.length > 0) {
    summary.addTable([header("Outcome", "Gap", "Files", "Tests", "Tokens", "Pull request"), ...result.records.map(cycleRow)]);
    summary.addList(result.records.map((r) => escapeHtml(`${r.cycle_id}: ${r.outcome} — ${r.reason}${r.outcome in OUTCOME_MEANING ? ` (${OUTCOME_MEANING[r.outcome]})` : ""}`)));
  }
  if (result.gaps) {
    const rows = result.gaps.map((gap) => [cell(gap.id), cell(gap.checked ? "done" : "open"), cell(String(gap.line)), cell(short(gap.text, 120))]);
    if (rows.length > 0) summary.addTable([header("Gap", "State", "Line", "Text"), ...rows]);
    else summary.addRaw("<p>No gaps in the PRD.</p>", true);
  }
  if (result.budget) {
    const { calls, tokens, day } = result.budget;
    const left = (x: { used: number; limit: number }) => String(Math.max(0, x.limit - x.used));
    summary.addHeading(`Budget left today (UTC ${escapeHtml(day)})`, 3);
    summary.addTable([
      header("Budget", "Used", "Limit", "Left"),
      [cell("Model calls"), cell(String(calls.used)), cell(String(calls.limit)), cell(left(calls))],
      [cell("Tokens"), cell(String(tokens.used)), cell(String(tokens.limit)), cell(left(tokens))],
    ]);
  }
  if (result.notes.length > 0) summary.addList(result.notes.map(escapeHtml));
  if (result.stateDescription) summary.addRaw(`<p>Records: ${escapeHtml(result.stateDescription)}</p>`, true);
  return summary;
}

function cycleRow(record: CycleRecord): Cell[] {
  const gap = record.gap ? `${record.gap.id}: ${short(record.gap.text)}` : "—";
  const files = record.files.length > 0 ? record.files.map((f) => `${f.path} (${f.mode})`).join(", ") : "—";
  const test = record.test
    ? `${record.test.passed ? "passed" : record.test.timed_out ? "timed out" : `failed (exit ${record.test.exit_code})`} in ${(record.test.duration_ms / 1000).toFixed(1)} s`
    : "not run";
  const tokens = record.tokens.total > 0 ? `${record.tokens.total} (${record.tokens.prompt} in, ${record.tokens.completion} out)` : "0";
  const pr = record.pr_url && /^https?:\/\//.test(record.pr_url) ? { data: `<a href="${escapeHtml(record.pr_url)}">${escapeHtml(record.pr_url)}</a>` } : cell(record.branch ?? "—");
  return [{ data: `<code>${escapeHtml(record.outcome)}</code>` }, cell(gap), cell(files), cell(test), cell(tokens), pr];
}

/** Fills the summary, removes secrets from it, and writes it (appending to GITHUB_STEP_SUMMARY). */
export async function writeJobSummary(summary: Summary, result: ActionResult, secrets: readonly string[]): Promise<void> {
  const text = redactSecrets(fillJobSummary(summary.emptyBuffer(), result).stringify(), secrets);
  await summary.emptyBuffer().addRaw(text).write();
}
