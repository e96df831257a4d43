// Replayed deliveries are ignored: every delivery id is claimed once. The set is bounded twice over, by a
// count (oldest evicted first) and by age, so a flood of signed deliveries cannot grow memory without end.
// A delivery whose work failed is forgotten again, so that a manual "Redeliver" (which keeps the id on
// GitHub) is not mistaken for a replay.

export interface DeliveryDedupOptions {
  /** Ids remembered at most (default 20,000: about 3 MB). */
  maxEntries?: number;
  /** How long an id is remembered (default 24 hours). */
  ttlMs?: number;
  now?: () => number;
}

export interface DeliveryDedup {
  /** True the first time `id` is seen (within the window); false for a replay. */
  claim(id: string): boolean;
  /** Accept `id` again (its work failed, or was refused before it started). */
  forget(id: string): void;
  readonly size: number;
}

export function createDeliveryDedup(options: DeliveryDedupOptions = {}): DeliveryDedup {
  const maxEntries = options.maxEntries ?? 20_000;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`delivery dedup: maxEntries must be a positive whole number, got ${maxEntries}`);
  // A Map iterates in insertion order, and ids are inserted when claimed, so the first entry is the oldest.
  const seen = new Map<string, number>();

  const expire = (at: number) => {
    for (const [id, claimedAt] of seen) {
      if (at - claimedAt < ttlMs) break;
      seen.delete(id);
    }
  };

  return {
    claim(id) {
      const at = now();
      expire(at);
      if (seen.has(id)) return false;
      seen.set(id, at);
      if (seen.size > maxEntries) seen.delete(seen.keys().next().value as string);
      return true;
    },
    forget(id) {
      seen.delete(id);
    },
    get size() {
      return seen.size;
    },
  };
}
