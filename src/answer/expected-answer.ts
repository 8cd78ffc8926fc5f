import type { AnalyzedQuery } from '../search/analyze-query.js';
import { frenchTerm } from '../search/analyzer.js';
import { holdsAnswerType, placesIn } from './answer-type.js';
import { isCountryName } from './countries.js';
import { namesSomeoneNew } from './who.js';

/** True for a word the corpus writes as a name (by its index term). */
export type IsCorpusName = (term: string) => boolean;

/** True when a text names a person or body the question does not (see `who.ts`). */
export function namesSomeoneNewTo(query: AnalyzedQuery, isCorpusName: IsCorpusName): (text: string) => boolean {
  const questionTerms = new Set(query.groups.flat());
  // Asked for the holder of a post, a country is no one: "République de Singapour" names no minister.
  const isCountry = (word: string) => query.intent.asksPerson && isCountryName(word);
  const isName = (word: string) => isCorpusName(frenchTerm(word)) && !isCountry(word);
  const inQuestion = (word: string) => questionTerms.has(frenchTerm(word));
  return (text) => namesSomeoneNew(text, isName, inQuestion, !query.intent.asksPerson);
}

/**
 * What a text must hold to answer the question's form, or null when its form asks for nothing in particular: for a
 * who-question someone it does not name, else the amount, share, date or country it asks for.
 */
export function expectedAnswer(query: AnalyzedQuery, isCorpusName: IsCorpusName): ((text: string) => boolean) | null {
  const { asksWho, answerType, numbers, countries } = query.intent;
  if (asksWho) return namesSomeoneNewTo(query, isCorpusName);
  if (answerType) return (text) => holdsAnswerType(text, answerType, numbers, countries);
  return null;
}

/**
 * True when a text names a place the question does not: "Where was it held?" is answered by "à Kobe, au Japon". For
 * quotes only: as a ranking feature it lost questions (every passage names some place).
 */
export function namesNewPlaceTo(query: AnalyzedQuery): (text: string) => boolean {
  const given = new Set(query.groups.flat());
  return (text) => placesIn(text).some((place) => !given.has(frenchTerm(place)));
}
