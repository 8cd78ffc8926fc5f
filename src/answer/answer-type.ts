import { countriesIn } from './countries.js';

/**
 * Expected answer types: a "how much" question is answered only by a passage holding an amount, a "what share" or
 * "what rate" one only by one stating a part of a whole (a percentage, "six sur dix", "la moitié"), a "when" question
 * only by one holding a date, a "which country" one only by one naming a country, a "what was finally decided" one
 * only by one stating something done (a verb in a past tense: the documents announce many events they predate). A
 * passage about the right topic but without one is a near miss, and quoting it would look like an answer while giving
 * none; abstaining is the honest reply.
 */
export type AnswerType = 'money' | 'amount' | 'share' | 'date' | 'country' | 'outcome';

const MONEY_WORDS = wordPattern(
  'sommes?|montants?|budgets?|euros?|financ\\p{L}*|invest\\p{L}*|co[uû]t\\p{L}*|dollars?|money|fund\\p{L}*|spend\\p{L}*|allocat\\p{L}*|allou\\p{L}*|amendes?|fines?|pénalités?|penalt(y|ies)',
);
const AMOUNT_CUES = wordPattern(
  'combien|how (many|much)|quel(le)?s? (est |sont |était |étaient |sera |seront )?(le |la |les )?(nombre|somme|montant|budget|amendes?)|what (is|was|will be)? ?(the )?([\\p{L}-]+ ){0,2}(number|amount|sum|budget|fines?|penalt(y|ies))',
);
/** "What share of…", "quel taux…", "quelle proportion…": a part of a whole, stated as one. */
const SHARE_CUES = wordPattern(
  'quel(le)?s? (est |sont |était |étaient |sera |seront )?(le |la |les )?(part|pourcentage|proportion|taux)|what (is|was|will be)? ?(the )?([\\p{L}-]+ ){0,2}(share|percentage|proportion|rate)',
);
/** "45 %", "vingt pour cent", "six personnes sur dix", "one in three", "la moitié", "a third". */
const SHARE_STATED = wordPattern(
  '\\d+(?:[.,]\\d+)?\\s?%|pour\\s?cent|per\\s?cent|percent|(?:sur|out of)\\s+(?:10|100|1000|dix|cent|mille|ten|hundred|thousand)|(?:un|deux|trois|le|du|au)\\s+(?:tiers|quarts?)|moitié|half|(?:a|one|two)\\s+(?:thirds?|quarters?)',
);
const DATE_CUES = wordPattern('date|(en |depuis )?quelle année|(what|which|since what) year|(en )?quel mois|(which|what) month');
/**
 * "When" and "quand" ask for a date where they open the question or one of its parts ("Where and when…", "…, and when
 * did he start?", "depuis quand", "c'était quand ?"); elsewhere they join two clauses ("…backdoors when police need
 * access", "Que fait la France quand un État…") and ask nothing.
 */
const ASKING_WHEN = /(?:^|[,;:(]\s*|(?<![\p{L}\p{N}])(?:and|or|since|until|till|from|et|ou|depuis|jusqu['’]à|de|dès)\s+)(?:when|quand)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])quand\s*(?:[,;:?!.]|$|et\b|exactement\b)/iu;
/** "Which country…", "With which countries…", "Quels pays…", "Avec quel État…". */
const COUNTRY_CUES = wordPattern('(which|what) (partner )?(countr(y|ies)|nations?|states?)|quel(le)?s? (pays|[ée]tats?|nations?)');
/** "What was finally decided", "quels résultats", "what came out of": what an event produced, once it took place. */
const OUTCOME_CUES = wordPattern(
  'finalement|r[ée]sultats?|abouti\\p{L}*|(a|ont|a-t-(il|elle|on)|ont-(ils|elles)) (finalement )?d[ée]cid[ée]\\p{L}*|finally|outcomes?|results?|came out of|(was|were) (finally )?decided|did (\\S+ ){1,6}decide',
);
/**
 * Something stated as done: an auxiliary in a past or present tense and a past participle ("a permis", "ont été
 * adoptées", "n'a pas signé", "s'est tenue"). A passage saying only what an event "traitera" states no outcome.
 */
const DONE_STATED = wordPattern(
  "(?:a|ont|avait|avaient|eut|eurent|est|sont|était|étaient|fut|furent)(?:\\s+(?:pas|jamais|plus|déjà|ainsi|notamment|également|aussi|bien|enfin|finalement|officiellement|récemment|été|su|pu|dû))*\\s+\\p{L}+(?:é|ée|és|ées|i|ie|is|ies|ise|ises|it|ite|its|u|ue|us|ues|ert|erte|erts|eint|einte|int)",
);
const MONTHS = wordPattern(
  'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|june|july|august|september|october|november|december',
);
/**
 * Fractions count only as such: "un tiers des États", not the "États tiers" (third countries) of a treaty. The
 * approximate numerals ("une cinquantaine d'agents", "une vingtaine") are counts too.
 */
const NUMBER_WORDS = wordPattern(
  'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cents?|mille|millions?|milliards?|dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|soixantaines?|centaines?|milliers?|moitié',
);
/** "23 avril", "1er juin", "25-29 novembre", "les 27 et 28 juin", "3, 4 et 5 mai", "July 3" (with the month's own pattern). */
const DAY_OF_MONTH = new RegExp(
  `\\d{1,2}(?:er)?(?:\\s*(?:[-–,]|et|and|au|to)\\s*\\d{1,2}(?:er)?)*\\s+${MONTHS.source}|${MONTHS.source}\\s+\\d{1,2}(?!\\d)`,
  'giu',
);
/** "64 ème forum", "la 3e réunion", "3<sup>e</sup>", "27th summit": a rank, not a count. */
const ORDINAL_NUMBER = /(?<![\p{L}\d])\d+\s?(?:<sup>)?(?:e|er|re|ère|ème|eme|ieme|ième|th|st|nd|rd)(?:<\/sup>)?(?![\p{L}\d])/giu;
/** "les deux parties", "nos deux pays": numbers that point back at the partners rather than count anything. */
const ANAPHORIC_NUMBER = /(?<![\p{L}])(?:les|des|nos|vos|ces|leurs|aux|both)\s+(?:deux|trois|two|three)(?![\p{L}])/giu;
const CURRENCY = /€|\$|(?<![\p{L}\p{N}])(euros?|dollars?)(?![\p{L}\p{N}])/iu;
/** A number standing alone: the digits of a name ("G7", "5G", "3WF") count nothing. */
const NUMBER = /(?<![\p{L}\d])\d(?:[\d.,]|\s(?=\d))*(?![\p{L}\d])/gu;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/gu;
/** `03.06.19`, `3/6/2019`, `2019-06-03`. */
const NUMERIC_DATE = /\b(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\b/u;

/** "Where…", "…, et où ?", "in which city", "dans quelle ville": a place is asked for. */
const ASKING_WHERE =
  /(?:^|[,;:(]\s*|(?<![\p{L}\p{N}])(?:and|or|et|ou)\s+)(?:where|où)(?![\p{L}\p{N}])|(?<![\p{L}])(?:in|at|dans|en)\s+(?:which|what|quelle|quel)\s+(?:city|town|place|venue|ville|lieu|endroit)(?![\p{L}])/iu;

/** True when the question asks where (a place, which quotes must then name). */
export function asksWhere(question: string): boolean {
  return ASKING_WHERE.test(question.trim());
}

/** A place a text names: a capitalised name after "à", "au", "en", "in" or "at" ("à Kobe", "au Japon"). */
const PLACE = /(?<![\p{L}])(?:à|au|aux|en|in|at)\s+(\p{Lu}[\p{L}-]+)/gu;
/** A table cell of one to three capitalised words: the "Lieu" column ("| Strasbourg |", "| New York |"). */
const PLACE_CELL = /\|\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*(?=\|)/gu;

/** The places a text names ("Kobe", "Japon" for "à Kobe, au Japon"; a table row's place cell). */
export function placesIn(text: string): string[] {
  return [...text.matchAll(PLACE), ...text.matchAll(PLACE_CELL)].map((match) => match[1] ?? '');
}

/** The type of answer a question asks for, or `null` when its form says nothing about it. */
export function expectedAnswerType(question: string): AnswerType | null {
  if (SHARE_CUES.test(question)) return 'share';
  if (AMOUNT_CUES.test(question)) return MONEY_WORDS.test(question) ? 'money' : 'amount';
  if (COUNTRY_CUES.test(question)) return 'country';
  if (DATE_CUES.test(question) || ASKING_WHEN.test(question.trim())) return 'date';
  if (OUTCOME_CUES.test(question)) return 'outcome';
  return null;
}

/**
 * True when `text` holds an answer of `type` beyond what the question itself states: the numbers it gives (`given`),
 * the countries it names (`givenCountries`, ISO codes).
 */
export function holdsAnswerType(
  text: string,
  type: AnswerType,
  given: ReadonlySet<string>,
  givenCountries: ReadonlySet<string> = new Set(),
): boolean {
  const fresh = numbersIn(text).some((number) => !given.has(number));
  switch (type) {
    case 'money':
      return CURRENCY.test(text) && (fresh || NUMBER_WORDS.test(text));
    case 'amount': {
      const undated = countingText(text);
      const counts = numbersIn(undated).some((number) => !given.has(number));
      return counts || NUMBER_WORDS.test(undated) || undated.includes('%');
    }
    case 'share':
      return SHARE_STATED.test(text.replace(/\u00a0|\u202f/gu, ' '));
    case 'date':
      return MONTHS.test(text) || NUMERIC_DATE.test(text) || yearsIn(text).some((year) => !given.has(year));
    case 'country':
      return [...countriesIn(text)].some((code) => !givenCountries.has(code));
    case 'outcome':
      return DONE_STATED.test(text);
  }
}

/** A count of people, however the question words it: "how many people", "combien de monde", "combien de personnes". */
const PEOPLE = /^(?:people|persons?|individuals?|personnes?|gens|monde|individus?)$/iu;
/** The nouns a text counts people by: "plus de 10 000 participants", "près de 3 000 personnes". */
const PEOPLE_NOUNS = /^(?:personnes?|participant(?:e|s|es)?|visiteu(?:r|rs|se|ses)|délégué(?:e|s|es)?|individus?)$/iu;

/** True when the counted word asks for a number of people. */
export function countsPeople(counted: string): boolean {
  return PEOPLE.test(counted);
}

/** True for a noun a text counts people by. */
export function isPeopleNoun(word: string): boolean {
  return PEOPLE_NOUNS.test(word);
}

const COUNTED = /(?<![\p{L}])(?:combien\s+(?:de\s+|d['’]\s*)|how\s+(?:many|much)\s+)(\p{L}+)/iu;
/** The rest of a name, after its first word (no `i` flag: it would let `\p{Lu}` match any letter). */
const NAME_REST = /^(?:\s+\p{Lu}\p{L}*)*/u;

/**
 * The word a "how many" question counts (`incidents` in "combien d'incidents…"), or `null`. Of a name, its last word:
 * "combien de French Tech Visa" counts visas, not the French Tech Tickets beside them.
 */
export function countedWord(question: string): string | null {
  const match = COUNTED.exec(question);
  const first = match?.[1];
  if (!match || !first) return null;
  if (!/^\p{Lu}/u.test(first)) return first;
  const rest = NAME_REST.exec(question.slice(match.index + match[0].length))?.[0].trim();
  return rest ? (rest.split(/\s+/u).at(-1) ?? first) : first;
}

/** A count and the noun it counts sit this close: "35 missions à l'étranger", "visas délivrés : 350". */
const COUNT_REACH = 3;

/**
 * True when the text states a number next to the counted noun (within a few words either side), beyond the numbers
 * the question gives: "trois piliers : … le French Tech Visa" counts pillars, not visas.
 */
export function countsNear(text: string, isCounted: (word: string) => boolean, given: ReadonlySet<string>): boolean {
  const tokens = countingText(text).match(/[\p{L}\p{N}%]+/gu) ?? [];
  return tokens.some((token, i) => {
    const counts = (/^\d+$/u.test(token) && !given.has(token)) || token === '%' || NUMBER_WORDS.test(token);
    if (!counts) return false;
    const around = [...tokens.slice(Math.max(0, i - COUNT_REACH), i), ...tokens.slice(i + 1, i + 1 + COUNT_REACH)];
    return around.some(isCounted);
  });
}

/** The numbers a text states, as written without spaces ("2 557" → "2557"). */
export function numbersStated(text: string): Set<string> {
  return new Set(numbersIn(text));
}

function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((match) => match.replace(/[\s.,]+$/u, '').replace(/\s/gu, ''));
}

/**
 * What may count something: the text without its dates ("23 avril 2019"), its ranks ("64 ème forum") and its "les
 * deux parties".
 */
function countingText(text: string): string {
  return withoutDates(text).replace(ORDINAL_NUMBER, ' ').replace(ANAPHORIC_NUMBER, ' ');
}

/** The text with its dates blanked: days with their month, month–year pairs, numeric dates and years. */
function withoutDates(text: string): string {
  return text
    .replace(DAY_OF_MONTH, ' ')
    .replace(new RegExp(NUMERIC_DATE.source, 'gu'), ' ')
    .replace(YEAR, ' ');
}

function yearsIn(text: string): string[] {
  return text.match(YEAR) ?? [];
}

/** Alternatives matched as whole words; `\b` is ASCII-only and would split French words at accents. */
function wordPattern(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
}
