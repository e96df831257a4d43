// The daily budget: pure ledger arithmetic. The ledger for a UTC day lives at budget/<YYYY-MM-DD>.json.

export interface BudgetLimits {
  calls_per_day: number;
  tokens_per_day: number;
}

export interface Ledger {
  date: string;
  calls: number;
  tokens: number;
  /** Tokens per model id, for stats. */
  by_model: Record<string, number>;
}

/** The UTC day a moment belongs to: budgets reset at UTC midnight. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function ledgerPath(day: string): string {
  return `budget/${day}.json`;
}

export function emptyLedger(date: string): Ledger {
  return { date, calls: 0, tokens: 0, by_model: {} };
}

/** Parse a stored ledger; anything unreadable is an error that names the file (never silently zero). */
export function parseLedger(text: string | undefined, date: string): Ledger {
  if (text === undefined || text.trim() === "") return emptyLedger(date);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${ledgerPath(date)} is not valid JSON; fix or remove it (the budget cannot be checked without it)`);
  }
  const value = raw as Partial<Ledger>;
  if (typeof value.calls !== "number" || typeof value.tokens !== "number") {
    throw new Error(`${ledgerPath(date)} lacks numeric "calls" and "tokens"; fix or remove it`);
  }
  return { date, calls: value.calls, tokens: value.tokens, by_model: { ...(value.by_model ?? {}) } };
}

export type Reservation = { ok: true; ledger: Ledger } | { ok: false; reason: string };

/**
 * Reserve one call and `tokens` (the estimate: prompt + the maximum output) against the day's limits.
 * Refuses when either limit would be exceeded, so a call that could overspend is never made.
 */
export function reserve(ledger: Ledger, tokens: number, limits: BudgetLimits): Reservation {
  if (ledger.calls + 1 > limits.calls_per_day) {
    return { ok: false, reason: `daily call budget spent: ${ledger.calls}/${limits.calls_per_day} calls on ${ledger.date} (UTC)` };
  }
  if (ledger.tokens + tokens > limits.tokens_per_day) {
    return {
      ok: false,
      reason: `daily token budget would be exceeded: ${ledger.tokens} spent + ${tokens} estimated > ${limits.tokens_per_day} on ${ledger.date} (UTC)`,
    };
  }
  return { ok: true, ledger: { ...ledger, calls: ledger.calls + 1, tokens: ledger.tokens + tokens } };
}

/** Replace a reservation's estimate with what the call really spent (never below zero). */
export function settle(ledger: Ledger, estimated: number, actual: number, model: string): Ledger {
  const tokens = Math.max(0, ledger.tokens - estimated + actual);
  const byModel = actual > 0 ? { ...ledger.by_model, [model]: (ledger.by_model[model] ?? 0) + actual } : ledger.by_model;
  return { ...ledger, tokens, by_model: byModel };
}

export function remaining(ledger: Ledger, limits: BudgetLimits): { calls: number; tokens: number } {
  return {
    calls: Math.max(0, limits.calls_per_day - ledger.calls),
    tokens: Math.max(0, limits.tokens_per_day - ledger.tokens),
  };
}
