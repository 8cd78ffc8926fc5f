import { analyzeFrench } from '../search/analyzer.js';
import type { AnalyzedQuery } from '../search/analyze-query.js';
import type { RetrievedPassage } from '../search/retriever.js';
import { linesOf } from '../ingest/text-builder.js';
import type { Passage } from '../types.js';
import { quotableSpans } from './sentences.js';

/** A quote chosen to support the answer, with its exact source lines. */
export interface Evidence {
  passage: Passage;
  quote: string;
  lines: [number, number];
  /** Query groups (by index) this quote speaks to. */
  covers: Set<number>;
  score: number;
}

const MAX_QUOTES = 3;
const RANK_DECAY = [1, 0.8, 0.65, 0.5];

/**
 * Picks the sentences that best answer the question from the top passages: the best one first,
 * then others only when they add words of the question the first did not cover.
 */
export function selectEvidence(
  query: AnalyzedQuery,
  retrieved: readonly RetrievedPassage[],
  weightOf: (group: string[]) => number,
  naming?: (text: string) => boolean,
): Evidence[] {
  const candidates = retrieved.slice(0, RANK_DECAY.length).flatMap((hit, rank) =>
    candidatesOf(hit.passage).map((candidate) => {
      const covers = coveredGroups(query, candidate.quote);
      const covered = [...covers].reduce((sum, g) => sum + weightOf(query.groups[g] ?? []), 0);
      return { ...candidate, covers, score: covered * (RANK_DECAY[rank] ?? 0.5) };
    }),
  );
  candidates.sort((a, b) => b.score - a.score);
  const chosen: Evidence[] = [];
  const covered = new Set<number>();
  for (const candidate of candidates) {
    if (chosen.length >= MAX_QUOTES) break;
    const adds = [...candidate.covers].some((g) => !covered.has(g));
    const first = chosen[0];
    if (first && (!adds || candidate.score < first.score * 0.45)) continue;
    if (candidate.score <= 0) break;
    chosen.push(candidate);
    candidate.covers.forEach((g) => covered.add(g));
  }
  return naming ? withName(chosen, naming) : chosen;
}

/**
 * A who-question's answer must quote the name: when no chosen quote holds one, the first span after the best quote in
 * its passage that does is cited too (a signature below a letter's closing words).
 */
function withName(chosen: Evidence[], naming: (text: string) => boolean): Evidence[] {
  const first = chosen[0];
  if (!first || chosen.some((item) => naming(item.quote))) return chosen;
  const spans = candidatesOf(first.passage);
  const at = spans.findIndex((span) => span.quote === first.quote);
  const named = spans.slice(at + 1).find((span) => naming(span.quote));
  if (!named) return chosen;
  return [first, { ...named, covers: new Set(), score: 0 }, ...chosen.slice(1, MAX_QUOTES - 1)];
}

function candidatesOf(passage: Passage): Omit<Evidence, 'covers' | 'score'>[] {
  return quotableSpans(passage.text, passage.kind).map((span) => ({
    passage,
    quote: span.text,
    lines: span.start === 0 && span.end === passage.text.length ? passage.lines : linesOf(passage.lineMap, span.start, span.end),
  }));
}

function coveredGroups(query: AnalyzedQuery, quote: string): Set<number> {
  const terms = new Set(analyzeFrench(quote));
  const covers = new Set<number>();
  query.groups.forEach((group, g) => {
    if (group.some((term) => terms.has(term))) covers.add(g);
  });
  return covers;
}
