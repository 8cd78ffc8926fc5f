import type { Lang } from '../types.js';
import { analyzeFrench, frenchTerm, isEnglishStopword, isFrenchStopword, isFunctionWordOf, words } from './analyzer.js';
import type { Lexicon } from './lexicon.js';
import { readIntent, type QuestionIntent } from './question-intent.js';

/** Weights of query-expansion sources, relative to a word the user typed. */
export interface ExpansionWeights {
  translation: number;
  glossary: number;
  frenchSynonym: number;
  /** The domain thesaurus's term for an English rendering it lists (`lexicon/thesaurus.tsv`). */
  thesaurus: number;
}

/**
 * `thesaurus` was chosen by 5-fold cross-validation (20 shuffles) over the 108 answerable questions of the three
 * development sets, from 0, 0.2, 0.35, 0.5 and 0.7 by MRR@10: cross-validated r@1 0.759 → 0.781, MRR 0.833 → 0.843,
 * r@5 0.944 → 0.935 (one question), against no thesaurus.
 */
export const defaultExpansionWeights: ExpansionWeights = { translation: 0.7, glossary: 1, frenchSynonym: 0.2, thesaurus: 0.35 };

/** A question turned into weighted French index terms. */
export interface AnalyzedQuery {
  lang: Lang;
  /** Index term → weight (the user's own words weigh 1). */
  terms: Map<string, number>;
  /** One group per content word of the question: the terms any of which answers for that word. */
  groups: string[][];
  /** The question's terms as French text, for corpus-derived vector embedders. */
  expandedText: string;
  /** What it asks for (answer type, who) and is pinned to (names, years, ranks). */
  intent: QuestionIntent;
  /**
   * The groups (by first term) of English words the dictionary renders only in words the documents never use: a
   * topic they lack, not a dictionary gap, so such a word counts fully against coverage.
   */
  absent: ReadonlySet<string>;
}

/** English when English function words outnumber French ones (an English possessive's "s" is no French "s'"). */
export function detectLanguage(question: string): Lang {
  // A word in capitals is an acronym, not a function word ("AI consortium" holds no French "ai"), unless the whole
  // question is in capitals.
  const written = question.replace(/(?<=\p{L})['’]s\b/gu, '').match(/\p{L}+/gu) ?? [];
  const acronym = (token: string) => /^\p{Lu}{2,}$/u.test(token) && /\p{Ll}/u.test(question);
  const tokens = written.filter((token) => !acronym(token)).map((token) => token.toLowerCase());
  const english = tokens.filter((token) => isFunctionWordOf('en', token)).length;
  const french = tokens.filter((token) => isFunctionWordOf('fr', token)).length;
  if (english !== french) return english > french ? 'en' : 'fr';
  return /[àâçéèêëîïôûùüœ]/iu.test(question) ? 'fr' : 'en';
}

export function analyzeQuery(
  question: string,
  lexicon: Lexicon,
  weights: ExpansionWeights = defaultExpansionWeights,
): AnalyzedQuery {
  const lang = detectLanguage(question);
  const terms = new Map<string, number>();
  const groups: string[][] = [];
  const absent = new Set<string>();
  const add = (term: string, weight: number): void => {
    if (weight > 0) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  };
  const intent = readIntent(question);
  // The kind of statement asked for ("position") names nothing the question is about: a passage on France's
  // positions in general answers no question on one of them. Like a French synonym, it helps rank the passages that
  // state a position as such, and covers nothing.
  const statementKind = intent.statementKind?.toLowerCase();
  if (statementKind) add(frenchTerm(statementKind), weights.frenchSynonym);
  const content = words(question).filter(
    (word) => !isFrenchStopword(word) && !isEnglishStopword(word) && word !== statementKind,
  );
  for (const word of content) {
    const own = frenchTerm(word);
    const group = new Set([own]);
    add(own, 1);
    if (lang === 'en' && lexicon.isAbsentTopic(word)) absent.add(own);
    const expansions = lang === 'en' ? lexicon.translate(word) : lexicon.frenchSynonyms(word);
    const weight = lang === 'en' ? weights.translation : weights.frenchSynonym;
    for (const target of expansions) {
      for (const term of analyzeFrench(target)) {
        // A French synonym helps rank passages but does not count as the word being covered: thesaurus neighbours
        // are loose ("protection" for "sécurité"), and counting them let unanswerable questions through.
        if (weight > 0 && lang === 'en') group.add(term);
        add(term, weight);
      }
    }
    groups.push([...group]);
  }
  if (lang === 'fr') mergeFrenchEquivalents(question, lexicon, groups, add);
  if (lang === 'en') {
    // Thesaurus renderings help rank but do not count as covering a word: they are many and broad ("state" → "état").
    for (const entry of lexicon.thesaurusMatches(question.toLowerCase())) {
      entry.fr.flatMap((fr) => analyzeFrench(fr)).forEach((term) => add(term, weights.thesaurus));
    }
    for (const entry of lexicon.glossaryMatches(question.toLowerCase())) {
      const phraseTerms = entry.fr.flatMap((fr) => analyzeFrench(fr));
      phraseTerms.forEach((term) => add(term, weights.glossary));
      if (phraseTerms.length) mergePhraseGroup(groups, words(entry.en).map(frenchTerm), phraseTerms);
    }
  }
  mergeNameAliases(question, lang, lexicon, groups);
  return { lang, terms, groups, expandedText: [...terms.keys()].join(' '), intent, absent };
}

/**
 * An English phrase the glossary renders ("roadmap" → "feuille de route") answers for its own words: their groups
 * join the phrase's, so a word the dictionaries lack is not counted missing beside the phrase that renders it. The
 * user's own terms stay first: a group is known by its first term (a name to anchor, the noun a "how many" counts).
 */
function mergePhraseGroup(groups: string[][], ownTerms: string[], phraseTerms: string[]): void {
  const own = new Set(ownTerms);
  const merged = groups.filter((group) => own.has(group[0] ?? ''));
  const kept = groups.filter((group) => !own.has(group[0] ?? ''));
  groups.splice(0, groups.length, ...kept, [...new Set([...merged.flat(), ...phraseTerms])]);
}

/**
 * A name the documents write differently ("Singaporean", "Quai d'Orsay") joins its words' groups with the documents'
 * wording, so that either one answers for it and the name is known. The wording is not searched for: measured, its
 * terms at any weight (1, 0.5, 0.2) lowered cross-validated r@1 (0.709 → 0.700 at 1), as long renderings ("ministère
 * de l'Europe et des affaires étrangères") outweighed the rest of the question.
 */
function mergeNameAliases(question: string, lang: Lang, lexicon: Lexicon, groups: string[][]): void {
  for (const entry of lexicon.nameAliases(question, lang)) {
    const renderings = entry.renderings.flatMap((rendering) => analyzeFrench(rendering));
    if (renderings.length) mergePhraseGroup(groups, words(entry.phrase).map(frenchTerm), renderings);
  }
}

/**
 * A phrase the documents word differently ("Bruxelles" for the EU, "TVA" for "taxe sur la valeur ajoutée") becomes
 * one group holding the phrase's own terms and the documents' wording, so either one answers for it.
 */
function mergeFrenchEquivalents(
  question: string,
  lexicon: Lexicon,
  groups: string[][],
  add: (term: string, weight: number) => void,
): void {
  for (const entry of lexicon.frenchEquivalents(question)) {
    const own = new Set(analyzeFrench(entry.phrase));
    const renderings = entry.renderings.flatMap((rendering) => analyzeFrench(rendering));
    renderings.forEach((term) => add(term, 1));
    const kept = groups.filter((group) => !own.has(group[0] ?? ''));
    groups.splice(0, groups.length, ...kept, [...new Set([...own, ...renderings])]);
  }
}
