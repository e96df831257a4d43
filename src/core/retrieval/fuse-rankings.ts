// Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): each ranking gives an item 1 / (k + rank),
// summed over rankings. It needs no score calibration between BM25 and cosine similarity, which is why it is
// used to fuse them; k = 60 is the paper's constant, which damps the weight of the very first places.

/** Ids ordered by fused score; ties keep the order of first appearance (earlier rankings first). */
export function reciprocalRankFusion(rankings: readonly (readonly string[])[], k = 60): string[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    const seen = new Set<string>();
    ranking.forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Cosine similarity of two vectors of the same length (0 when either is all zeros). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
