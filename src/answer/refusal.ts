import type { Lang, Refusal, RefusalCode } from '../types.js';

/** A refusal as the answering checks find it: its code and what it is about (names, a year, a rank, a counted word). */
export interface RefusalFacts {
  code: RefusalCode;
  subjects?: string[];
}

type Sentence = (subjects: string) => string;

const DETAIL: Record<Lang, Record<RefusalCode, Sentence>> = {
  fr: {
    'no-passage-covers-question': () => 'Aucun passage ne porte sur l’essentiel de ce qu’elle demande.',
    'names-unknown': (names) => `Ils ne mentionnent jamais ${names}.`,
    'subject-not-found': (words) => `Aucun des passages qui s’en approchent ne parle de ${words}.`,
    'names-elsewhere': (names) => `Le passage qui s’en approche le plus vient d’un document qui ne mentionne pas ${names}.`,
    'year-not-stated': (years) => `Le passage qui s’en approche le plus ne porte pas sur ${years}.`,
    'rank-not-stated': (ranks) => `Le passage qui s’en approche le plus n’indique pas ce rang (${ranks}).`,
    'no-amount-stated': (what) => (what ? `Ils traitent du sujet mais ne donnent aucun nombre de ${what}.` : 'Ils traitent du sujet mais ne donnent pas le nombre demandé.'),
    'no-sum-stated': () => 'Ils traitent du sujet mais ne donnent aucun montant.',
    'no-share-stated': () => 'Ils traitent du sujet mais ne donnent ni taux ni proportion.',
    'no-date-stated': () => 'Ils traitent du sujet mais ne donnent aucune date.',
    'no-country-named': () => 'Ils traitent du sujet mais ne nomment aucun pays en réponse.',
    'no-outcome-stated': () => 'Ils en parlent comme de ce qui est à venir, sans en donner l’issue.',
    'no-date-for-partner': (partners) => `Les dates qu’ils donnent ne concernent pas ${partners}.`,
    'no-person-for-partner': (partners) => `Les passages qui nomment quelqu’un ne parlent pas de ${partners}.`,
    'no-figure-for-partner': (partners) => `Les chiffres qu’ils donnent ne concernent pas ${partners}.`,
    'no-person-named': () => 'Les passages sur ce sujet ne nomment personne d’autre que ceux que cite la question.',
    'quote-unverified': () => 'Aucune citation n’a pu être vérifiée mot pour mot dans les sources.',
    'llm-not-covered': () => 'Le modèle de langue a jugé que les passages trouvés n’y répondent pas.',
  },
  en: {
    'no-passage-covers-question': () => 'No passage deals with most of what it asks.',
    'names-unknown': (names) => `They never mention ${names}.`,
    'subject-not-found': (words) => `None of the passages closest to it deals with ${words}.`,
    'names-elsewhere': (names) => `The passage closest to it comes from a document that does not mention ${names}.`,
    'year-not-stated': (years) => `The passage closest to it is not about ${years}.`,
    'rank-not-stated': (ranks) => `The passage closest to it does not state that rank (${ranks}).`,
    'no-amount-stated': (what) => (what ? `They deal with the subject but give no number of ${what}.` : 'They deal with the subject but give no such number.'),
    'no-sum-stated': () => 'They deal with the subject but give no sum of money.',
    'no-share-stated': () => 'They deal with the subject but give no rate or share.',
    'no-date-stated': () => 'They deal with the subject but give no date.',
    'no-country-named': () => 'They deal with the subject but name no country in answer.',
    'no-outcome-stated': () => 'They speak of it only as something to come, and give no outcome.',
    'no-date-for-partner': (partners) => `The dates they give do not concern ${partners}.`,
    'no-person-for-partner': (partners) => `The passages naming someone do not mention ${partners}.`,
    'no-figure-for-partner': (partners) => `The figures they give do not concern ${partners}.`,
    'no-person-named': () => 'The passages on the subject name no one beyond those the question names.',
    'quote-unverified': () => 'No quote could be verified word for word against its source.',
    'llm-not-covered': () => 'The language model judged that the passages found do not answer it.',
  },
};

const quoted = (lang: Lang, word: string): string => (lang === 'fr' ? `« ${word} »` : `“${word}”`);
const AND: Record<Lang, string> = { fr: ' et ', en: ' and ' };
const OR: Record<Lang, string> = { fr: ' ni de ', en: ' or ' };
/** Codes whose subjects are alternatives: none of them is found, rather than all of them missing. */
const ANY_OF: ReadonlySet<RefusalCode> = new Set(['subject-not-found']);

/** The refusal with its sentence in the question's language, subjects quoted as the user typed them. */
export function describeRefusal(facts: RefusalFacts, lang: Lang): Refusal {
  const joiner = ANY_OF.has(facts.code) ? OR[lang] : AND[lang];
  const subjects = (facts.subjects ?? []).map((subject) => quoted(lang, subject)).join(joiner);
  return { code: facts.code, detail: DETAIL[lang][facts.code](subjects) };
}
