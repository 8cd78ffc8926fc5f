import { countsNear, holdsAnswerType, type AnswerType } from '../answer/answer-type.js';
import type { RefusalFacts } from '../answer/refusal.js';
import { namesSomeoneNew } from '../answer/who.js';
import type { AnalyzedQuery } from '../search/analyze-query.js';
import { frenchTerm } from '../search/analyzer.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import type { RefusalCode } from '../types.js';
import { anchorMiss, anchorsOf, statedBy, unknownNames, type Anchors, type Name } from './anchors.js';

/** A passage covering this much of the question answers a "how many X" even when it words X differently. */
const CLEAR_COVERAGE = 0.6;
/** How deep to look for a passage holding the expected answer type. */
const TYPED_DEPTH = 5;

/** The passages an answer may quote, or why there are none. */
export type Answerability = { passages: RetrievedPassage[] } | { refusal: RefusalFacts };

interface Checks {
  retriever: Retriever;
  minCoverage: number;
}

/**
 * The retrieved passages an answer may quote: none unless one of the best three covers enough of the question, and
 * only from documents that mention the names, years and ranks it asks about. A question asking for an amount or a
 * date is answered only from passages holding one (see `answer-type.ts`), a who-question only from passages naming
 * someone new (see `who.ts`). A refusal says which check failed.
 */
export function answeringPassages(query: AnalyzedQuery, hits: RetrievedPassage[], checks: Checks): Answerability {
  const { retriever, minCoverage } = checks;
  const covers = (hit: RetrievedPassage): boolean => hit.coverage >= minCoverage;
  // A name the documents never mention is the plainest reason, so it is said first.
  const unknown = unknownNames(query, retriever);
  if (unknown.length > 0) return { refusal: { code: 'names-unknown', subjects: unknown } };
  if (!hits.slice(0, 3).some(covers)) return { refusal: { code: 'no-passage-covers-question' } };
  const anchors = anchorsOf(query, retriever);
  const anchored = (hit: RetrievedPassage): boolean => anchorMiss(hit, anchors, retriever) === null;
  // A typed answer must be among the best few passages, not merely the best few of those that survive the anchors.
  const near = hits.slice(0, TYPED_DEPTH);
  const { answerType: type, asksWho } = query.intent;
  const pool = type || asksWho ? near : hits;
  const placed = pool.filter(anchored);
  if (!placed.some(covers)) return { refusal: anchorRefusal(pool.filter(covers), anchors, retriever) };
  if (type) return typedPassages(type, query, placed, { retriever, anchors, covers });
  if (asksWho) {
    const naming = namingPassages(query, placed, retriever);
    return naming.some(covers) ? { passages: naming } : { refusal: { code: 'no-person-named' } };
  }
  return { passages: placed };
}

/** Why the covering passages fail the anchors, as the best of them fails: the names, the year or the rank it misses. */
function anchorRefusal(covering: RetrievedPassage[], anchors: Anchors, retriever: Retriever): RefusalFacts {
  const best = covering[0];
  if (!best) return { code: 'no-passage-covers-question' };
  const miss = anchorMiss(best, anchors, retriever);
  if (miss === 'names') {
    const absent = anchors.names.filter((name) => !name.documents.has(best.passage.doc));
    return { code: 'names-elsewhere', subjects: absent.map((name) => name.word) };
  }
  if (miss === 'years') return { code: 'year-not-stated', subjects: anchors.years.map((group) => group[0] ?? '') };
  return { code: 'rank-not-stated', subjects: [...anchors.ordinals] };
}

const TYPE_REFUSAL: Record<AnswerType, RefusalCode> = { amount: 'no-amount-stated', money: 'no-sum-stated', date: 'no-date-stated' };

/**
 * Passages holding the amount, sum or date asked for; a date only from a passage naming a partner the question names;
 * for "how many X", only passages naming X or clearly matching the question, since a number next to another noun is
 * no answer.
 */
function typedPassages(
  type: AnswerType,
  query: AnalyzedQuery,
  hits: RetrievedPassage[],
  parts: { retriever: Retriever; anchors: Anchors; covers: (hit: RetrievedPassage) => boolean },
): Answerability {
  const { retriever, anchors, covers } = parts;
  const { counted, numbers } = query.intent;
  const focus = counted === null ? undefined : query.groups.find((group) => group[0] === frenchTerm(counted));
  const typed = hits
    .filter((hit) => holdsAnswerType(hit.block, type, numbers))
    .filter((hit) => !focus || countsWhatIsAsked(hit, focus, query, retriever));
  const answering = typed.filter((hit) => type !== 'date' || namesAPartner(hit, anchors.partners, retriever));
  if (answering.some(covers)) return { passages: answering };
  if (typed.some(covers) && anchors.partners.length > 0) {
    return { refusal: { code: 'no-date-for-partner', subjects: anchors.partners.map((name) => name.word) } };
  }
  return { refusal: { code: TYPE_REFUSAL[type], subjects: counted && focus ? [counted] : [] } };
}

/**
 * A passage naming the counted noun must state a number next to it; one wording it differently must match the
 * question clearly.
 */
function countsWhatIsAsked(hit: RetrievedPassage, focus: string[], query: AnalyzedQuery, retriever: Retriever): boolean {
  if (!retriever.mentions(hit.passage, focus)) return hit.coverage >= CLEAR_COVERAGE;
  const focusTerms = new Set(focus);
  return countsNear(hit.block, (word) => focusTerms.has(frenchTerm(word)), query.intent.numbers);
}

/** True when a text names a person or body the question does not (see `who.ts`). */
export function namesSomeoneNewTo(query: AnalyzedQuery, retriever: Retriever): (text: string) => boolean {
  const questionTerms = new Set(query.groups.flat());
  const isName = (word: string) => retriever.isNamedInCorpus([frenchTerm(word)]);
  const inQuestion = (word: string) => questionTerms.has(frenchTerm(word));
  return (text) => namesSomeoneNew(text, isName, inQuestion, !query.intent.asksPerson);
}

/**
 * Passages naming a person or body the question does not, for a who-question, in the block covering the question or
 * the next one: a signature stands below the letter's closing words.
 */
function namingPassages(query: AnalyzedQuery, hits: RetrievedPassage[], retriever: Retriever): RetrievedPassage[] {
  const names = namesSomeoneNewTo(query, retriever);
  return hits.filter((hit) => names(`${hit.block}\n${hit.nextBlock}`));
}

/**
 * True when the passage, or the title of its document, names one of the partners the question names (or it names
 * none): the date of a France–Singapore meeting is no answer to when France met Canada. Amounts are not held to this,
 * since a question may name examples ("Facebook, Twitter") of what a passage states in general ("réseaux sociaux").
 */
function namesAPartner(hit: RetrievedPassage, partners: Name[], retriever: Retriever): boolean {
  if (partners.length === 0) return true;
  return partners.some((name) => statedBy(hit, name.group, retriever));
}
