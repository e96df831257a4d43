import { describe, expect, it } from "vitest";
import { LedgerError, emptyLedger, ledgerPath, parseLedger, remaining, reserve, settle, utcDay } from "../../src/core/budget.js";

const limits = { calls_per_day: 3, tokens_per_day: 1000 };

describe("budget ledger", () => {
  it("keys the ledger by UTC day, so it resets at UTC midnight whatever the local zone", () => {
    expect(utcDay(new Date("2026-11-21T23:59:59.999Z"))).toBe("2026-11-21");
    expect(utcDay(new Date("2026-11-22T00:00:00.000Z"))).toBe("2026-11-22");
    expect(ledgerPath("2026-11-22")).toBe("budget/2026-11-22.json");
  });

  it("reserves a call and its estimate while both fit", () => {
    const result = reserve(emptyLedger("2026-11-21"), 400, limits);
    expect(result).toEqual({ ok: true, ledger: { date: "2026-11-21", calls: 1, tokens: 400, by_model: {} } });
  });

  it("refuses a call that would pass the token ceiling, even by one token", () => {
    const ledger = { ...emptyLedger("2026-11-21"), calls: 1, tokens: 600 };
    expect(reserve(ledger, 400, limits).ok).toBe(true);
    const refused = reserve(ledger, 401, limits);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain("600 spent + 401 estimated > 1000");
  });

  it("refuses the call after the last allowed one", () => {
    const ledger = { ...emptyLedger("2026-11-21"), calls: 3, tokens: 0 };
    const refused = reserve(ledger, 1, limits);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain("3/3 calls");
  });

  it("settles a reservation to the reported usage and books it to the model", () => {
    const reserved = { ...emptyLedger("2026-11-21"), calls: 1, tokens: 900 };
    const settled = settle(reserved, 900, 250, "local/m");
    expect(settled.tokens).toBe(250);
    expect(settled.calls).toBe(1);
    expect(settled.by_model).toEqual({ "local/m": 250 });
    expect(settle(settled, 100, 0, "local/m").by_model).toEqual({ "local/m": 250 });
    expect(remaining(settled, limits)).toEqual({ calls: 2, tokens: 750 });
  });

  it("reads an absent ledger as empty and rejects a corrupt one by name", () => {
    expect(parseLedger(undefined, "2026-11-21")).toEqual(emptyLedger("2026-11-21"));
    expect(() => parseLedger("{not json", "2026-11-21")).toThrow("budget/2026-11-21.json is not valid JSON");
    expect(() => parseLedger('{"calls":"x"}', "2026-11-21")).toThrow(/numeric "calls"/);
  });

  it("refuses ledgers that would buy calls: negative or fractional counts, another day, a non-object (LedgerError)", () => {
    const day = "2026-11-21";
    for (const bad of ['{"calls":-1,"tokens":0}', '{"calls":0,"tokens":-5}', '{"calls":0.5,"tokens":0}', '{"calls":1e300,"tokens":0}', "[]", "null", '{"date":"2026-11-20","calls":0,"tokens":0}', '{"calls":0,"tokens":0,"by_model":{"m":-3}}']) {
      expect(() => parseLedger(bad, day), bad).toThrow(LedgerError);
    }
    expect(() => parseLedger('{"calls":-1,"tokens":0}', day)).toThrow(/budget\/2026-11-21.json .*no model call/);
    expect(parseLedger('{"date":"2026-11-21","calls":2,"tokens":7,"by_model":{"m":7}}', day)).toEqual({ date: day, calls: 2, tokens: 7, by_model: { m: 7 } });
  });
});
