/**
 * "Who" questions: answered only by a passage that names someone the question does not, a person ("Mme Heli
 * Tiirmaa-Klaar", "Jean-Yves Le Drian") or a body known by its acronym ("ANFR"). A passage about the right office
 * that names only the person the question already gives ("Who succeeded Henri Verdier?") is no answer.
 */

const WHO_VERBS = [
  ...['is', 'are', 'was', 'were', 'will', 'would', 'did', 'does', 'do', 'has', 'have', 'had'],
  ...['signed', 'leads?', 'led', 'chairs?', 'chaired', 'heads?', 'headed', 'succeeded', 'replaced', 'runs?', 'ran'],
].join('|');
/** Nouns that name a person's post: who holds one is a person, never a body known by its acronym. */
const POSTS = String.raw`(?:ambassadeurs?|ambassadrices?|ministres?|directeurs?|directrices?|présidents?|présidentes?|secrétaires?|fondateurs?|fondatrices?|ambassadors?|ministers?|directors?|presidents?|secretar(?:y|ies)|founders?|executives?|chair(?:wo)?m[ae]n|chairpersons?)`;
const PERSON_POSTS = new RegExp(String.raw`(?<![\p{L}])${POSTS}(?![\p{L}])`, 'iu');
/** "Which minister…", "Quel ministre singapourien…", "Which Singaporean minister…": a post asked for is a who. */
const WHICH_POST = String.raw`^(?:which|quel(?:le)?s?)\s+(?:[\p{L}'’-]+\s+){0,2}?${POSTS}(?![\p{L}])`;
/** Asking for a name is asking who: "comment s'appelle…", "quel est le nom de…", "what is the name of…". */
const NAME_CUES = String.raw`(?<![\p{L}])(?:comment\s+s['’]appel+e|quel(?:le)?\s+est\s+le\s+nom|what\s+(?:is|was)\s+the\s+name)(?![\p{L}])`;
/** "Qui…", "À qui…", "Who is…", "…who did he meet": "qui" inside a French question is a relative pronoun. */
const WHO_CUES = new RegExp(
  String.raw`^(?:(?:à|a|par|de|avec)\s+)?qui(?![\p{L}])|(?<![\p{L}])(?:who|whom)\s+(?:${WHO_VERBS})(?![\p{L}])|^(?:who|whom)(?![\p{L}])|${WHICH_POST}|${NAME_CUES}`,
  'iu',
);

/** True when a who-question asks for the holder of a post ("who is the director of…"): only a person answers it. */
export function asksForPerson(question: string): boolean {
  return asksWho(question) && PERSON_POSTS.test(question);
}

/** True when the question asks who (a person or a body), not what or when. */
export function asksWho(question: string): boolean {
  return WHO_CUES.test(question.trim());
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]*`;
/** "M. Martinon", "Mme Heli Tiirmaa-Klaar", "Monsieur Henri VERDIER". */
const TITLED = new RegExp(
  String.raw`(?<![\p{L}])(?:M\.?|Mme|Mlle|Monsieur|Madame|Dr|Mr|Mrs|Ms)\s+((?:${NAME}\s*){1,3})`,
  'gu',
);
/** "Jean-Yves Le Drian", "David Koh": two or three capitalised words, a particle allowed between. */
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}])${NAME}(?:\s+(?:de|du|le|la|Le|La|van|von))?(?:\s+${NAME}){1,2}`,
  'gu',
);
/** "ANFR", "MeitY"-like acronyms of three capitals or more. */
const ACRONYM = /(?<![\p{L}])\p{Lu}{2,}\p{L}*\p{Lu}(?![\p{L}])/gu;

const HONORIFICS = new Set(['M', 'Mme', 'Mlle', 'Monsieur', 'Madame', 'Dr', 'Mr', 'Mrs', 'Ms']);
const PARTICLES = new Set(['de', 'du', 'le', 'la', 'van', 'von']);

/** The capitalised words of a span, honorifics and particles left out; "Jean-Yves" and "Asie-Europe" stay one word. */
function nameWords(span: string): string[] {
  return span
    .split(/[\s'’.]+/u)
    .filter((word) => /^\p{Lu}/u.test(word) && !HONORIFICS.has(word) && !PARTICLES.has(word.toLowerCase()));
}

const partsOf = (word: string): string[] => word.split('-').filter(Boolean);

/** "Mounir Mahjoubi Secrétaire" → [Mounir, Mahjoubi], [Mahjoubi, Secrétaire]. */
function adjacentPairs(words: string[]): string[][] {
  return words.slice(1).map((word, i) => [words[i] ?? '', word]);
}

/**
 * True when the text names someone new, using `isName` (the corpus writes the word as a name) and `inQuestion`:
 * after an honorific, any name the question lacks; two capitalised words in a row, only when both are names (so
 * "Liberté Égalité Fraternité" or "Digital Ministers Meeting" are no one) and one is new; an acronym the question
 * lacks, unless `bodies` is false (the question asks for the holder of a post).
 */
export function namesSomeoneNew(
  text: string,
  isName: (word: string) => boolean,
  inQuestion: (word: string) => boolean,
  bodies = true,
): boolean {
  const isNew = (word: string) => isName(word) && !inQuestion(word);
  // A hyphenated word is a name when each part is one ("Jean-Yves"), new when a part is: a compound of two names
  // ("France-Singapour", "Asie-Europe") is one word, not a first name and a surname.
  const isNameWord = (word: string) => partsOf(word).every(isName);
  const isNewWord = (word: string) => isNameWord(word) && partsOf(word).some(isNew);
  const titled = [...text.matchAll(TITLED)].some((match) => nameWords(match[1] ?? '').flatMap(partsOf).some(isNew));
  const pairs = [...text.matchAll(FULL_NAME)].flatMap((match) => adjacentPairs(nameWords(match[0])));
  const named = pairs.some((pair) => pair.every(isNameWord) && pair.some(isNewWord));
  return titled || named || (bodies && [...text.matchAll(ACRONYM)].some((match) => isNew(match[0])));
}
