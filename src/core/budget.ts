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

/** A ledger that cannot be trusted: the budget cannot be checked, so no model call may be made (fail closed). */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerError";
  }
}

const count = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Parse a stored ledger; anything unreadable or implausible (negative or fractional counts, another day's
 * date, a non-object) is a LedgerError that names the file, never silently zero: a ledger rewritten to
 * negative counts would otherwise buy extra calls.
 */
export function parseLedger(text: string | undefined, date: string): Ledger {
  if (text === undefined || text.trim() === "") return emptyLedger(date);
  const file = ledgerPath(date);
  const bad = (why: string) => new LedgerError(`${file} ${why}; fix or remove it (the budget cannot be checked without it, so no model call is made)`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bad("is not valid JSON");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("is not a JSON object");
  const value = raw as Record<string, unknown>;
  if (!count(value.calls) || !count(value.tokens)) throw bad('lacks numeric "calls" and "tokens" that are whole numbers ≥ 0');
  if (value.date !== undefined && value.date !== date) throw bad(`is dated ${JSON.stringify(value.date)}, not ${date}`);
  const byModel = value.by_model ?? {};
  if (typeof byModel !== "object" || byModel === null || Array.isArray(byModel)) throw bad('has a "by_model" that is not an object');
  for (const [model, tokens] of Object.entries(byModel)) {
    if (!count(tokens)) throw bad(`has by_model ${JSON.stringify(model)} that is not a whole number ≥ 0`);
  }
  return { date, calls: value.calls, tokens: value.tokens, by_model: { ...(byModel as Record<string, number>) } };
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
