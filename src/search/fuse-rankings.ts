import type { RankedHit } from './lexical-index.js';

/** Reciprocal rank fusion: robust to the two retrievers' incomparable score scales. */
export function fuseRankings(rankings: readonly { hits: RankedHit[]; weight: number }[], k = 60): RankedHit[] {
  const fused = new Map<number, number>();
  for (const { hits, weight } of rankings) {
    hits.forEach((hit, rank) => fused.set(hit.ordinal, (fused.get(hit.ordinal) ?? 0) + weight / (k + rank + 1)));
  }
  return [...fused]
    .map(([ordinal, score]) => ({ ordinal, score }))
    .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
}
