import { frenchTerm, isFrenchStopword } from './analyzer.js';

/** A term written with a capital this often is a name (Singapour, ANSSI), not a word that opens sentences. */
const CAPITALISED_SHARE = 0.75;

/**
 * The index terms the corpus itself writes as names: mostly capitalised wherever they occur. Lets the core tell
 * "Singapore" (a name the documents use) from "Trust" (a title-cased word of "Paris Call for Trust").
 */
export function properNameTerms(texts: Iterable<string>): Set<string> {
  const counts = new Map<string, { capitalised: number; total: number }>();
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
      const count = counts.get(term) ?? { capitalised: 0, total: 0 };
      count.total += 1;
      if (token !== lower) count.capitalised += 1;
      counts.set(term, count);
    }
  }
  const names = new Set<string>();
  for (const [term, count] of counts) if (count.capitalised >= CAPITALISED_SHARE * count.total) names.add(term);
  return names;
}
