import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { splitTermOf } from './stem-splits.js';

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/u;
const FRENCH_STOP = new Set(frenchStopwords.map(fold));
const ENGLISH_STOP = new Set(englishStopwords.map((word) => word.toLowerCase()));
const EXTRA_STOP = new Set(['ainsi', 'afin', 'etre', 'cette', 'dont', 'tout', 'tous', 'toute', 'toutes', 'plus', 'entre']);
/** "64th", "3rd", "27e", "66ème", "1er": an ordinal is indexed as its number, so the languages meet. */
const ORDINAL = /^(\d+)(?:st|nd|rd|th|e|er|re|ère|eme|ème|ieme|ième)$/u;
/** Spelt ordinals, folded ("troisieme", "third"); "premier" and "second" are left alone, being common words too. */
const ORDINAL_WORDS = new Map([
  ['deuxieme', '2'],
  ['third', '3'],
  ['troisieme', '3'],
  ['fourth', '4'],
  ['quatrieme', '4'],
  ['fifth', '5'],
  ['cinquieme', '5'],
  ['sixth', '6'],
  ['sixieme', '6'],
  ['seventh', '7'],
  ['septieme', '7'],
  ['eighth', '8'],
  ['huitieme', '8'],
  ['ninth', '9'],
  ['neuvieme', '9'],
  ['tenth', '10'],
  ['dixieme', '10'],
]);

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|e|er|re|ère|eme|ème|ieme|ième)$/u;

/** "first", "première": a rank for the rank check, though no index term (they are common words too). */
const FIRST = /^(?:first|premier|première|premiere|premiers|premières)$/iu;
const ARTICLE = /^(?:the|its|their|la|le|les|sa|son|leur|leurs)$/iu;
/** Idioms of "first" that rank nothing: "in the first place", "for the first time", "la première fois". */
const NOT_RANKED = /^(?:place|time|times|half|fois|moitié)$/iu;

/** "the first dialogue", "la première édition": a rank, where "news first" or "in the first place" is none. */
function isFirstOf(tokens: readonly string[], i: number): boolean {
  return FIRST.test(tokens[i] ?? '') && ARTICLE.test(tokens[i - 1] ?? '') && !NOT_RANKED.test(tokens[i + 1] ?? '');
}

/** The ranks a text states: "3" for "la troisième édition", "la 3 ème réunion" or "le 3<sup>e</sup> forum". */
export function ordinalsIn(text: string): Set<string> {
  const tokens = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((token) => token !== 'sup');
  const ranks = new Set<string>();
  tokens.forEach((token, i) => {
    const rank = ordinalNumber(token) ?? (isFirstOf(tokens, i) ? '1' : null);
    if (rank) ranks.add(rank);
    else if (/^\d+$/u.test(token) && ORDINAL_SUFFIX.test(tokens[i + 1] ?? '')) ranks.add(token);
  });
  return ranks;
}

/** The number an ordinal stands for ("3" for "3rd", "3ème", "third", "troisième"), or `null`. */
export function ordinalNumber(word: string): string | null {
  return ORDINAL.exec(word)?.[1] ?? ORDINAL_WORDS.get(fold(word)) ?? null;
}
/** Words that shape a French question but never name what it is about. */
const FRENCH_QUESTION_WORDS = new Set([
  ...['combien', 'quand', 'quel', 'quelle', 'quels', 'quelles', 'ou', 'comment', 'pourquoi', 'selon', 'quoi', 'lequel', 'laquelle'],
  ...['veut', 'veulent', 'voudrait', 'voudraient', 'va', 'vont', 'somme'],
]);
/** The same for an English question. */
const ENGLISH_QUESTION_WORDS = new Set([
  ...['how', 'much', 'many', 'what', 'which', 'when', 'where', 'who', 'whom', 'whose', 'why', 'according', 'per', 'every'],
  ...['let', 'since', 'does', 'did', 'do', 'say', 'says', 'said', 'still', 'way', 'whether', 'there'],
  ...['get', 'gets', 'got', 'think', 'thinks', 'stance'],
]);
const isQuestionWord = (word: string): boolean => FRENCH_QUESTION_WORDS.has(word) || ENGLISH_QUESTION_WORDS.has(word);

/** Lower case without diacritics: `États` and `Etats` must meet. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*(?:-[\p{L}\p{N}]+)*/gu;

/** Words of a text, lower-cased, elisions (l', d', qu') removed, PDF soft hyphens ignored. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).flatMap(wordsOfToken);
}

function wordsOfToken(token: string): string[] {
  return token
    .replace(ELISION, '')
    .replace(/['’]s?$/u, '')
    .split('-')
    .map((word) => ordinalNumber(word) ?? word)
    .filter(Boolean);
}

export function isFrenchStopword(word: string): boolean {
  const folded = fold(word);
  return FRENCH_STOP.has(folded) || EXTRA_STOP.has(folded) || isQuestionWord(folded);
}

export function isEnglishStopword(word: string): boolean {
  const lower = word.toLowerCase();
  return ENGLISH_STOP.has(lower) || isQuestionWord(lower);
}

/**
 * True when the word is French rather than English, or the other way round, for telling a question's language: a
 * question word of one language ("what", "combien") is a stop word in both, but tells only its own.
 */
export function isFunctionWordOf(lang: 'fr' | 'en', word: string): boolean {
  if (lang === 'fr') {
    const folded = fold(word);
    return FRENCH_STOP.has(folded) || EXTRA_STOP.has(folded) || FRENCH_QUESTION_WORDS.has(folded);
  }
  const lower = word.toLowerCase();
  return ENGLISH_STOP.has(lower) || ENGLISH_QUESTION_WORDS.has(lower);
}

/**
 * Index term of a French word: Snowball stem, then accents folded, unless the word is of a family the stemmer would
 * merge with an unrelated word (`stem-splits.ts`). Numbers and acronyms stay whole.
 */
export function frenchTerm(word: string): string {
  if (/\d/u.test(word)) return word;
  const lower = withLikelyAccents(word.toLowerCase());
  return splitTermOf(lower) ?? fold(frenchStem(lower));
}

/**
 * A word typed (or set in capitals) without any accent gets the accent its ending most likely had, so that it stems
 * like the accented word: "securite" and "SECURITE" like "sécurité", "donnees" like "données". The stemmer strips
 * "-ité" and "-ée" but not "-ite" and "-ee".
 */
function withLikelyAccents(word: string): string {
  if (/[^\p{ASCII}]/u.test(word)) return word;
  return word.replace(/ite(s?)$/u, 'ité$1').replace(/ee(s?)$/u, 'ée$1');
}

export function englishTerm(word: string): string {
  return englishStem(word.toLowerCase());
}

/** The French analyser used for every indexed passage: words, stop words out, stemmed and folded. */
export function analyzeFrench(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).flatMap(termsOfToken);
}

/**
 * Index terms of one lower-cased token, remembered: a corpus says the same few thousand words again and again, and
 * stemming each occurrence anew was most of the time spent analysing a large one. Bounded, for a long-lived process.
 */
const tokenTerms = new Map<string, string[]>();
const MAX_REMEMBERED_TOKENS = 200_000;

function termsOfToken(token: string): string[] {
  let terms = tokenTerms.get(token);
  if (!terms) {
    terms = wordsOfToken(token)
      .filter((word) => !isFrenchStopword(word) && (word.length > 1 || /\d/u.test(word)))
      .map(frenchTerm);
    if (tokenTerms.size >= MAX_REMEMBERED_TOKENS) tokenTerms.clear();
    tokenTerms.set(token, terms);
  }
  return terms;
}
