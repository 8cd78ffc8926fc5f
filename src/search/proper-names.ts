import { frenchTerm, isFrenchStopword } from './analyzer.js';

/** A term written with a capital this often is a name (Singapour, ANSSI), not a word that opens sentences. */
const CAPITALISED_SHARE = 0.75;

/** How often the corpus writes each term, and how often with a capital: `[term, capitalised, total]`. */
export type NameCounts = [string, number, number][];

/**
 * The index terms the corpus itself writes as names: mostly capitalised wherever they occur. Lets the core tell
 * "Singapore" (a name the documents use) from "Trust" (a title-cased word of "Paris Call for Trust").
 */
export function properNameTerms(texts: Iterable<string>): Set<string> {
  return namesIn(countNameUses(texts));
}

export function namesIn(counts: NameCounts): Set<string> {
  return new Set(counts.flatMap(([term, capitalised, total]) => (capitalised >= CAPITALISED_SHARE * total ? [term] : [])));
}

/**
 * `counts` with the uses of the texts added (`sign` 1) or taken out (`sign` -1): an index adding or removing a
 * document updates its counts from that document's passages alone, not from the whole corpus again.
 */
export function countNameUses(texts: Iterable<string>, counts: NameCounts = [], sign: 1 | -1 = 1): NameCounts {
  const byTerm = new Map(counts.map(([term, capitalised, total]) => [term, { capitalised, total }]));
  // Each word's term, or null for a stop word, once per word: a corpus repeats its words.
  const termOf = new Map<string, string | null>();
  for (const text of texts) {
    for (const [token] of text.matchAll(/\p{L}+/gu)) {
      const lower = token.toLowerCase();
      let term = termOf.get(lower);
      if (term === undefined) {
        term = lower.length < 2 || isFrenchStopword(lower) ? null : frenchTerm(lower);
        termOf.set(lower, term);
      }
      if (term === null) continue;
      const count = byTerm.get(term) ?? { capitalised: 0, total: 0 };
      count.total += sign;
      if (token !== lower) count.capitalised += sign;
      byTerm.set(term, count);
    }
  }
  return [...byTerm].flatMap(([term, { capitalised, total }]): NameCounts => (total > 0 ? [[term, capitalised, total]] : []));
}
