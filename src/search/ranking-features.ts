import type { RankedHit } from './lexical-index.js';

/** How far apart (in index terms) two consecutive question words may stand and still count as said together. */
const NEAR = 4;
/** The stretch of text, in index terms, over which `densestShare` looks for the question's words together. */
const STRETCH = 30;

/** A retriever's hits by passage ordinal: score over the best one's, and reciprocal rank. */
export interface RetrieverView {
  relative: (ordinal: number) => number;
  reciprocalRank: (ordinal: number) => number;
}

export function viewOf(hits: readonly RankedHit[]): RetrieverView {
  const best = hits[0]?.score ?? 0;
  const byOrdinal = new Map(hits.map((hit, rank) => [hit.ordinal, { score: hit.score, rank }]));
  return {
    relative: (ordinal) => {
      const hit = byOrdinal.get(ordinal);
      return hit && best > 0 ? hit.score / best : 0;
    },
    reciprocalRank: (ordinal) => {
      const hit = byOrdinal.get(ordinal);
      return hit ? 1 / (1 + hit.rank) : 0;
    },
  };
}

/** Positions in `sequence` of each group's terms, in order: what `proximity` and `densestShare` read. */
export function positionsOf(sequence: readonly string[], groups: readonly (readonly string[])[]): number[][] {
  const groupsOf = new Map<string, number[]>();
  groups.forEach((group, g) => group.forEach((term) => groupsOf.set(term, [...(groupsOf.get(term) ?? []), g])));
  const positions: number[][] = groups.map(() => []);
  sequence.forEach((term, at) => groupsOf.get(term)?.forEach((g) => positions[g]?.push(at)));
  return positions;
}

/** Share of the question's consecutive word pairs found within `NEAR` terms of each other. */
export function proximity(positions: readonly (readonly number[])[]): number {
  if (positions.length < 2) return 0;
  let near = 0;
  for (let g = 0; g + 1 < positions.length; g += 1) {
    const next = positions[g + 1] ?? [];
    if ((positions[g] ?? []).some((a) => next.some((b) => a !== b && Math.abs(a - b) <= NEAR))) near += 1;
  }
  return near / (positions.length - 1);
}

/** The largest weighted share of the groups that any `STRETCH` consecutive terms hold together. */
export function densestShare(positions: readonly (readonly number[])[], weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return 0;
  const hits = positions
    .flatMap((positions, g) => positions.map((at) => ({ at, g })))
    .sort((a, b) => a.at - b.at);
  const inWindow = new Map<number, number>();
  let held = 0;
  let best = 0;
  let first = 0;
  for (const hit of hits) {
    while ((hits[first]?.at ?? hit.at) <= hit.at - STRETCH) {
      const g = hits[first]?.g ?? 0;
      const left = (inWindow.get(g) ?? 0) - 1;
      inWindow.set(g, left);
      if (left === 0) held -= weights[g] ?? 0;
      first += 1;
    }
    const count = (inWindow.get(hit.g) ?? 0) + 1;
    inWindow.set(hit.g, count);
    if (count === 1) held += weights[hit.g] ?? 0;
    best = Math.max(best, held);
  }
  return best / total;
}
