// The replay guard: each delivery id once, bounded by count and by age.
import { describe, expect, it } from "vitest";
import { createDeliveryDedup } from "../../src/app/delivery-dedup.js";

describe("createDeliveryDedup", () => {
  it("claims an id once, and again after forget()", () => {
    const dedup = createDeliveryDedup();
    expect(dedup.claim("a")).toBe(true);
    expect(dedup.claim("a")).toBe(false);
    expect(dedup.claim("b")).toBe(true);
    dedup.forget("a");
    expect(dedup.claim("a")).toBe(true);
    expect(dedup.size).toBe(2);
  });

  it("keeps at most maxEntries ids, evicting the oldest", () => {
    const dedup = createDeliveryDedup({ maxEntries: 3 });
    for (const id of ["1", "2", "3", "4"]) expect(dedup.claim(id)).toBe(true);
    expect(dedup.size).toBe(3);
    expect(dedup.claim("1")).toBe(true); // evicted, so accepted again (and "2" goes)
    expect(dedup.claim("4")).toBe(false);
    expect(dedup.claim("2")).toBe(true);
  });

  it("forgets ids older than the TTL", () => {
    let now = 1_000;
    const dedup = createDeliveryDedup({ ttlMs: 100, now: () => now });
    dedup.claim("old");
    now += 50;
    dedup.claim("newer");
    now += 60; // "old" is 110 ms old, "newer" 60 ms
    expect(dedup.claim("old")).toBe(true);
    expect(dedup.claim("newer")).toBe(false);
  });

  it("stays bounded under a flood of distinct ids", () => {
    const dedup = createDeliveryDedup({ maxEntries: 1000 });
    for (let i = 0; i < 50_000; i++) dedup.claim(`id-${i}`);
    expect(dedup.size).toBe(1000);
    expect(dedup.claim("id-49999")).toBe(false);
    expect(dedup.claim("id-0")).toBe(true);
  });

  it("refuses a useless bound", () => {
    expect(() => createDeliveryDedup({ maxEntries: 0 })).toThrow(/maxEntries must be a positive whole number, got 0/);
  });
});
