// A gap's history: the cycle events recorded for it, fed back into the next prompt so cycles compound
// (the reference bot's "prior attempts" block), and used by policy to give up on a gap that keeps failing.
import type { Outcome } from "../outcomes.js";
import type { CycleRecord } from "../types.js";

/** One line of events.jsonl for a finished cycle: enough for history, policy and stats. */
export interface CycleEvent {
  type: "cycle";
  cycle_id: string;
  at: string;
  gap_id: string | null;
  gap_text: string | null;
  outcome: Outcome;
  reason: string;
  files: string[];
  model: string | null;
  tokens: number;
  branch: string | null;
  pr_url: string | null;
  dry_run: boolean;
}

export function cycleEvent(record: CycleRecord): CycleEvent {
  return {
    type: "cycle",
    cycle_id: record.cycle_id,
    at: record.finished_at,
    gap_id: record.gap?.id ?? null,
    gap_text: record.gap?.text ?? null,
    outcome: record.outcome,
    reason: record.reason,
    files: record.files.map((file) => file.path),
    model: record.model,
    tokens: record.tokens.total,
    branch: record.branch,
    pr_url: record.pr_url,
    dry_run: record.dry_run,
  };
}

/** Parse events.jsonl, skipping lines that are not cycle events (other jobs share the log). */
export function parseCycleEvents(jsonl: string | undefined): CycleEvent[] {
  if (!jsonl) return [];
  const events: CycleEvent[] = [];
  for (const line of jsonl.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line) as Partial<CycleEvent>;
      if (value.type === "cycle" && typeof value.outcome === "string") events.push(value as CycleEvent);
    } catch {
      // A torn or hand-edited line must not stop the bot; it is simply not history.
    }
  }
  return events;
}

/** The most recent cycles on a gap, newest first. */
export function priorAttempts(events: CycleEvent[], gapId: string, limit = 5): CycleEvent[] {
  return events
    .filter((event) => event.gap_id === gapId && !event.dry_run)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit);
}

/** The prompt block for prior attempts; empty on a gap's first cycle. */
export function renderPriorAttempts(attempts: CycleEvent[]): string {
  if (attempts.length === 0) return "";
  const lines = [`Prior attempts on this gap (${attempts.length} most recent):`];
  for (const attempt of attempts) {
    const when = attempt.at.slice(0, 16).replace("T", " ");
    const pr = attempt.pr_url ? ` ${attempt.pr_url}` : "";
    lines.push(`- ${when} UTC: ${attempt.outcome}${pr}`);
    lines.push(`  reason: ${oneLine(attempt.reason, 300)}`);
    if (attempt.files.length > 0) lines.push(`  files: ${attempt.files.join(", ")}`);
  }
  lines.push("Learn from these: build on what worked, avoid what failed.");
  return lines.join("\n");
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
