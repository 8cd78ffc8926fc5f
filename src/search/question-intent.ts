import { asksWhere, countedWord, expectedAnswerType, numbersStated, type AnswerType } from '../answer/answer-type.js';
import { countriesIn } from '../answer/countries.js';
import { asksForPerson, asksWho } from '../answer/who.js';
import { frenchTerm, ordinalsIn, words } from './analyzer.js';

/**
 * What a question asks for and what it is pinned to, read once from its text (`analyzeQuery`); the answering checks
 * use this and never the raw question.
 */
export interface QuestionIntent {
  /** The kind of answer its form asks for (a number, a sum of money, a date, a country), or null. */
  answerType: AnswerType | null;
  /** The word a "how many" counts, as typed ("Visa" in "combien de French Tech Visa"), or null. */
  counted: string | null;
  /**
   * The noun a "which X" or "quel X" asks for, as typed ("city" in "Which city hosted…"), or null: the kind of answer,
   * which the passage holding it need not name.
   */
  askedFor: string | null;
  /**
   * The word naming the kind of statement asked for, as typed ("position" in "What is France's position on
   * encryption?", "avis"), or null: what the documents say is the answer, so it is no more the subject than a "which
   * X" noun is, and a passage on France's positions in general does not deal with encryption.
   */
  statementKind: string | null;
  asksWho: boolean;
  /** It asks where: its quotes should name a place. */
  asksWhere: boolean;
  /** A who-question about the holder of a post ("who is the director…"): a person answers it, not a body. */
  asksPerson: boolean;
  /** Words holding a capital past the first, by index term: the names it gives ("singapour" → "Singapore"). */
  names: ReadonlyMap<string, string>;
  /** The years it gives ("2019"), and the numbers of the names it gives ("19" of "CMR-19", which "CMR-15" is not). */
  years: ReadonlySet<string>;
  /** The ranks it gives: "3" for "the third dialogue" or "la 3e réunion". */
  ranks: ReadonlySet<string>;
  /** The numbers it states: a passage repeating them gives no new amount. */
  numbers: ReadonlySet<string>;
  /** The countries it names (ISO codes): a passage naming only them gives no other country. */
  countries: ReadonlySet<string>;
  /** Its words by index term, to show a term as the user typed it. */
  typed: ReadonlyMap<string, string>;
}

export function readIntent(question: string): QuestionIntent {
  const answerType = expectedAnswerType(question);
  const capitalised = [...question.matchAll(/\p{L}*\p{Lu}\p{L}*/gu)].filter(
    (match) => match.index > 0 && !COMPASS.test(match[0]),
  );
  const typed = new Map<string, string>();
  for (const word of words(question)) if (!typed.has(frenchTerm(word))) typed.set(frenchTerm(word), asWritten(question, word));
  const numbered = [...question.matchAll(NUMBERED_NAME)];
  for (const [name, number] of numbered) if (number) typed.set(number, name);
  return {
    answerType,
    counted: answerType === 'amount' ? countedWord(question) : null,
    askedFor: askedNoun(question),
    statementKind: STATEMENT_KIND.exec(question)?.[0] ?? null,
    asksWho: asksWho(question),
    asksWhere: asksWhere(question),
    asksPerson: asksForPerson(question),
    names: new Map(capitalised.map((match) => [frenchTerm(match[0]), match[0]])),
    years: new Set([...yearsIn(question), ...numbered.flatMap((match) => match[1] ?? [])]),
    ranks: ordinalsIn(question),
    numbers: numbersStated(question),
    countries: countriesIn(question),
    typed,
  };
}

/** The years a question gives ("2019"), not a decade ("the mid-2000s"). */
const yearsIn = (question: string): string[] => question.match(/(?<!\d)(?:19|20)\d\d(?![\d\p{L}])/gu) ?? [];

/** An acronym numbered by a hyphen: "CMR-19", "WRC-19", "COP-21". */
const NUMBERED_NAME = /(?<![\p{L}\p{N}])\p{Lu}{2,}[-‑–](\d{1,4})(?![\p{L}\p{N}])/gu;

/** Points of the compass name no place on their own: "West African", "Southeast Asian", "Afrique de l'Ouest". */
const COMPASS =
  /^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|eastern|western|central|nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)$/iu;

/** "which city", "what year", "quels partenariats", "quelle ville": not "what is", "quelle est", "which have". */
const ASKED = /\b(?:which|what|quel|quelle|quels|quelles)\s+(\p{L}[\p{L}-]*)/iu;
const VERB_AFTER = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|est|sont|était|étaient|a|ont|avait|avaient|sera|seront|fut|peut|peuvent|doit|doivent)$/iu;

/** Words for a stated position, in either language ("stance" is a question word already, `analyzer.ts`). */
const STATEMENT_KIND = /(?<![\p{L}\p{N}])(?:positions?|views?|viewpoints?|opinions?|avis)(?![\p{L}\p{N}])/iu;

function askedNoun(question: string): string | null {
  const word = ASKED.exec(question)?.[1];
  return word && !VERB_AFTER.test(word) ? word : null;
}

/** A word of `words(question)` with the capitals the question gives it ("StationF", not "stationf"). */
function asWritten(question: string, word: string): string {
  const at = question.toLowerCase().indexOf(word);
  const written = at < 0 ? word : question.slice(at, at + word.length);
  return written.toLowerCase() === word ? written : word;
}

/** The question's own word behind an index term ("singapouriennes" for "singapourien"), or the term. */
export const typedWord = (intent: QuestionIntent, term: string): string => intent.typed.get(term) ?? term;
