import { countsNear, countsPeople, holdsAnswerType, isPeopleNoun } from '../answer/answer-type.js';
import { namesNewPlaceTo } from '../answer/expected-answer.js';
import type { AnalyzedQuery } from '../search/analyze-query.js';
import { frenchTerm, ordinalsIn } from '../search/analyzer.js';
import { typedWord } from '../search/question-intent.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import type { RefusalCode } from '../types.js';
import { anchorsOf, statedBy, unknownNames, type Anchors } from './anchors.js';
import type { CandidateFeatures } from './answerability-model.js';

/** What the question asks for, worked out once for all its candidates (`answering-passages.ts`). */
export interface QuestionFacts {
  query: AnalyzedQuery;
  retriever: Retriever;
  unknown: string[];
  /** The question's specific words, as typed (see `Retriever.specificGroups`). */
  subject: string[];
  /** Those words' groups: a passage must hold one of them to deal with the subject. */
  subjectGroups: string[][];
  anchors: Anchors;
  /** The index terms of the noun a "how many" counts, or null. */
  focus: string[] | null;
  /** It counts people ("how many people", "combien de monde"): every noun of persons is the counted one. */
  countsPeople: boolean;
  /** True for a word of a text standing for what a "how many" counts. */
  isCounted: (word: string) => boolean;
  /** What a text must hold to answer the question's form (see `expectedAnswer`), or null. */
  form: ((text: string) => boolean) | null;
  /** The same for a who-question (someone it does not name), null for other questions. */
  naming: ((text: string) => boolean) | null;
  /** The refusal when its typed answer must come from a passage naming its partners, or null (`partnerRefusal`). */
  partnerCode: RefusalCode | null;
}

export function questionFacts(
  query: AnalyzedQuery,
  form: ((text: string) => boolean) | null,
  retriever: Retriever,
): QuestionFacts {
  const { counted, asksWho } = query.intent;
  const focus = counted === null ? null : query.groups.find((group) => group[0] === frenchTerm(counted)) ?? null;
  const subjectGroups = retriever.specificGroups(query);
  const people = countsPeople(counted ?? '');
  const focusTerms = new Set(focus);
  return {
    query,
    retriever,
    unknown: unknownNames(query, retriever),
    subject: inQuestionOrder(query, subjectGroups).map((group) => typedWord(query.intent, group[0] ?? '')),
    subjectGroups,
    anchors: anchorsOf(query, retriever),
    focus,
    countsPeople: people,
    isCounted: (word) => focusTerms.has(frenchTerm(word)) || (people && isPeopleNoun(word)),
    form,
    naming: asksWho ? form : null,
    partnerCode: partnerRefusal(query),
  };
}

/** The groups, as the question gives them: a refusal names its words in the order the user typed them. */
function inQuestionOrder(query: AnalyzedQuery, groups: readonly string[][]): string[][] {
  const chosen = new Set(groups);
  return query.groups.filter((group) => chosen.has(group));
}

const asFeature = (passes: boolean): number => (passes ? 1 : 0);

export function featuresOf(hit: RetrievedPassage, facts: QuestionFacts): CandidateFeatures {
  const { query, retriever, anchors, focus, naming } = facts;
  const type = query.intent.answerType;
  return {
    coverage: hit.coverage,
    subjectHeld: asFeature(facts.subjectGroups.some((group) => retriever.mentions(hit.passage, group))),
    relativeScore: hit.ranking.fused,
    proximity: hit.ranking.proximity,
    density: hit.ranking.density,
    namesKnown: asFeature(facts.unknown.length === 0),
    namesPlaced: asFeature(anchors.names.every((name) => name.documents.has(hit.passage.doc))),
    yearsStated: asFeature(anchors.years.every((group) => statedBy(hit, group, retriever))),
    rankStated: asFeature([...anchors.ordinals].every((rank) => ordinalsIn(hit.block).has(rank))),
    answerTypeHeld: asFeature(!type || holdsAnswerType(hit.block, type, query.intent.numbers, query.intent.countries)),
    countedNamed: asFeature(!focus || countsFocus(hit, focus, facts)),
    partnerNamed: asFeature(facts.partnerCode === null || namesAPartner(hit, facts)),
    personNamed: asFeature(!naming || naming(`${hit.block}\n${hit.nextBlock}`)),
  };
}

/** What the quotes must hold between them: the name, the count, the amount, the date or the country asked for. */
export function quoteAnswers(facts: QuestionFacts): ((text: string) => boolean) | null {
  const { form, focus, naming } = facts;
  if (!form) return facts.query.intent.asksWhere ? namesNewPlaceTo(facts.query) : null;
  if (naming || !focus) return form;
  return (text) => form(text) && countsIn(text, facts);
}

/**
 * A number stated next to the counted noun: "trois piliers" does not say how many visas. People are counted by
 * whatever noun the text gives them ("combien de monde" is answered by "3 000 participants").
 */
function countsFocus(hit: RetrievedPassage, focus: string[], facts: QuestionFacts): boolean {
  if (!facts.countsPeople && !facts.retriever.mentions(hit.passage, focus)) return false;
  return countsIn(hit.block, facts);
}

function countsIn(text: string, facts: QuestionFacts): boolean {
  return countsNear(text, facts.isCounted, facts.query.intent.numbers);
}

/**
 * True when the passage, or the title of its document, names one of the partners the question names (or it names
 * none): the date of a France–Singapore meeting is no answer to when France met Canada.
 */
function namesAPartner(hit: RetrievedPassage, facts: QuestionFacts): boolean {
  const { partners } = facts.anchors;
  return partners.length === 0 || partners.some((name) => statedBy(hit, name.group, facts.retriever));
}

/**
 * The refusal when a typed answer comes only from passages not naming the partners the question names, or null when
 * the question asks for no such answer: a who, a date, a number, a sum or a share is about someone in particular.
 */
function partnerRefusal(query: AnalyzedQuery): RefusalCode | null {
  if (query.intent.asksWho) return 'no-person-for-partner';
  const type = query.intent.answerType;
  if (type === 'date') return 'no-date-for-partner';
  return type === 'amount' || type === 'money' || type === 'share' ? 'no-figure-for-partner' : null;
}
