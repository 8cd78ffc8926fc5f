import { countedWord, expectedAnswerType, holdsAnswerType, type AnswerType } from '../answer/answer-type.js';
import { asksWho, namesSomeoneNew } from '../answer/who.js';
import type { AnalyzedQuery } from '../search/analyze-query.js';
import { frenchTerm, ordinalsIn } from '../search/analyzer.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';

/** A passage covering this much of the question answers a "how many X" even when it words X differently. */
const CLEAR_COVERAGE = 0.6;
/** How deep to look for a passage holding the expected answer type. */
const TYPED_DEPTH = 5;

/**
 * The retrieved passages an answer may quote: none unless one of the best three covers enough of the question, and
 * only from documents that mention the names, years and ranks it asks about. A question asking for an amount or a
 * date is answered only from passages holding one (see `answer-type.ts`), a who-question only from passages naming
 * someone new (see `who.ts`).
 */
export function answeringPassages(
  question: string,
  query: AnalyzedQuery,
  hits: RetrievedPassage[],
  parts: { retriever: Retriever; minCoverage: number },
): RetrievedPassage[] {
  const { retriever, minCoverage } = parts;
  const best = hits.reduce((max, hit, i) => (i < 3 ? Math.max(max, hit.coverage) : max), 0);
  if (best < minCoverage || namesTheUnknown(question, query, retriever)) return [];
  const anchors = anchorsOf(question, query, retriever);
  const anchored = inAnchoredPlace(anchors, retriever);
  // A typed answer must be among the best few passages, not merely the best few of those that survive the anchors.
  const top = hits.slice(0, TYPED_DEPTH).filter(anchored);
  const type = expectedAnswerType(question);
  const candidates = type
    ? typedPassages(question, type, query, top, { retriever, anchors })
    : asksWho(question)
      ? namingPassages(query, top, retriever)
      : hits.filter(anchored);
  return candidates.some((hit) => hit.coverage >= minCoverage) ? candidates : [];
}

/** Passages of documents mentioning every name, stating every year (or dated so) and every rank the question gives. */
function inAnchoredPlace(anchors: Anchors, retriever: Retriever): (hit: RetrievedPassage) => boolean {
  return (hit) =>
    anchors.nameDocuments.every((docs) => docs.has(hit.passage.doc)) &&
    anchors.years.every((group) => statedBy(hit, group, retriever)) &&
    [...anchors.ordinals].every((rank) => ordinalsIn(hit.passage.text).has(rank));
}

/**
 * Passages holding the amount, sum or date asked for; a date only from a passage naming a partner the question names;
 * for "how many X", only passages naming X or clearly matching the question, since a number next to another noun is
 * no answer.
 */
function typedPassages(
  question: string,
  type: AnswerType,
  query: AnalyzedQuery,
  hits: RetrievedPassage[],
  parts: { retriever: Retriever; anchors: Anchors },
): RetrievedPassage[] {
  const { retriever, anchors } = parts;
  const counted = type === 'amount' ? countedWord(question) : null;
  const focus = counted === null ? undefined : query.groups.find((group) => group[0] === frenchTerm(counted));
  return hits
    .filter((hit) => type !== 'date' || namesAPartner(hit, anchors.partners, retriever))
    .filter((hit) => holdsAnswerType(hit.passage.text, type, question))
    .filter((hit) => !focus || hit.coverage >= CLEAR_COVERAGE || retriever.mentions(hit.passage, focus));
}

/** Passages naming a person or body the question does not, for a who-question. */
function namingPassages(query: AnalyzedQuery, hits: RetrievedPassage[], retriever: Retriever): RetrievedPassage[] {
  const questionTerms = new Set(query.groups.flat());
  const isName = (word: string) => retriever.isNamedInCorpus([frenchTerm(word)]);
  const inQuestion = (word: string) => questionTerms.has(frenchTerm(word));
  return hits.filter((hit) => namesSomeoneNew(hit.passage.text, isName, inQuestion));
}

/**
 * True when the passage, or the title of its document, names one of the partners the question names (or it names
 * none): the date of a France–Singapore meeting is no answer to when France met Canada. Amounts are not held to this,
 * since a question may name examples ("Facebook, Twitter") of what a passage states in general ("réseaux sociaux").
 */
function namesAPartner(hit: RetrievedPassage, partners: string[][], retriever: Retriever): boolean {
  if (partners.length === 0) return true;
  return partners.some((group) => statedBy(hit, group, retriever));
}

/** True when the passage, or its document's title or date, holds a term of the group. */
function statedBy(hit: RetrievedPassage, group: readonly string[], retriever: Retriever): boolean {
  return retriever.mentions(hit.passage, group) || retriever.titleNames(hit.passage.doc, group);
}

/** What a question is pinned to: the names the corpus knows as names, the years and the ranks it gives. */
interface Anchors {
  /** For each name the corpus knows as a name, the documents mentioning it. */
  nameDocuments: Set<string>[];
  /** The names only some documents mention ("Singapour", not "France"): a typed answer must state them itself. */
  partners: string[][];
  years: string[][];
  /** "the third dialogue": only a passage stating that rank ("troisième", "3e") can be about that one. */
  ordinals: Set<string>;
}

function anchorsOf(question: string, query: AnalyzedQuery, retriever: Retriever): Anchors {
  const names = capitalisedTerms(question);
  const years = new Set(question.match(/(?<!\d)(?:19|20)\d\d(?!\d)/gu));
  const named = query.groups.flatMap((group) => {
    if (names.has(group[0] ?? '') && retriever.isNamedInCorpus(group)) return [group];
    const source = retriever.titledNameBehind(group);
    return source ? [[...group, source]] : [];
  });
  const nameDocuments = named.map((group) => retriever.documentsMentioning(group));
  return {
    nameDocuments,
    partners: named.filter((_, i) => (nameDocuments[i]?.size ?? 0) < retriever.documentCount),
    years: query.groups.filter((group) => years.has(group[0] ?? '')),
    ordinals: ordinalsIn(question),
  };
}

/**
 * Words holding a capital, past the question's first, as index terms: the names it asks about ("Singapore", "ANSSI",
 * "l'Australie", "eIDAS").
 */
function capitalisedTerms(question: string): Set<string> {
  const names = [...question.matchAll(/\p{L}*\p{Lu}\p{L}*/gu)].filter((match) => match.index > 0);
  return new Set(names.map((match) => frenchTerm(match[0])));
}

/**
 * True when the question names something (a capitalised word past its first) that the documents never mention, even
 * spelt a little differently: "Bitcoin", "Brésil". Whatever the other words match, the documents cannot be about it.
 */
function namesTheUnknown(question: string, query: AnalyzedQuery, retriever: Retriever): boolean {
  const names = capitalisedTerms(question);
  return query.groups.some((group) => names.has(group[0] ?? '') && retriever.isUnheardOf(group));
}
