import { countsNear, countsPeople, holdsAnswerType, isPeopleNoun, type AnswerType } from '../answer/answer-type.js';
import type { RefusalFacts } from '../answer/refusal.js';
import { namesNewPlaceTo } from '../answer/expected-answer.js';
import type { AnalyzedQuery } from '../search/analyze-query.js';
import { frenchTerm, ordinalsIn } from '../search/analyzer.js';
import { typedWord } from '../search/question-intent.js';
import type { Retriever, RetrievedPassage } from '../search/retriever.js';
import type { Confidence, RefusalCode } from '../types.js';
import { anchorsOf, statedBy, unknownNames, type Anchors } from './anchors.js';
import { CHECKS, confidenceOf, failedCheck, failedQuoteCheck, supportOf, type AnswerabilityModel, type CandidateFeatures, type CheckName } from './answerability-model.js';

/** A retrieved passage with the facts the answerability model reads and the support it gives them. */
export interface Candidate {
  hit: RetrievedPassage;
  features: CandidateFeatures;
  support: number;
}

/**
 * The passages an answer may quote, with the test its quotes must pass together (a who-question's must name someone,
 * a "how many" one's state the count, a "when" one's a date), or why
 * there are none; the candidates either way, to explain the decision.
 */
export type Answerability = (
  | { passages: RetrievedPassage[]; answers: ((text: string) => boolean) | null; confidence: Confidence }
  | { refusal: RefusalFacts }
) & { candidates: Candidate[]; rankedToo: Candidate[]; subject: string[] };

/**
 * The best retrieved passages scored by the answerability model (see `answerability-model.ts`): those whose support
 * reaches the model's cut and that pass every check may be quoted, best ranked first; a refusal says why not.
 *
 * The best fused passages decide whether the question is answered (see `candidatesOf`). Once they have, the
 * passage quoted first is the best ranked of those passing the cut and the checks but the subject's
 * (`failedQuoteCheck`), the ranking model's best three included: it finds the evidence first more often than the fused order does (cited gold +10 over the eight sets, no
 * set losing, refusals unchanged). The other passing candidates follow; the ranking model's other passages do not,
 * since they only added quotes on side matters (the share of citations holding gold evidence fell 0.603 → 0.582).
 */
export function answeringPassages(
  query: AnalyzedQuery,
  hits: RetrievedPassage[],
  form: ((text: string) => boolean) | null,
  retriever: Retriever,
  model: AnswerabilityModel,
): Answerability {
  const facts = questionFacts(query, form, retriever);
  const assess = (hit: RetrievedPassage): Candidate => {
    const features = featuresOf(hit, facts);
    return { hit, features, support: supportOf(features, model) };
  };
  const deciding = candidatesOf(hits, model.candidates);
  const candidates = deciding.map(assess);
  const rankedToo = hits.slice(0, model.candidates).filter((hit) => !deciding.includes(hit)).map(assess);
  const supported = (candidate: Candidate) => candidate.support >= model.cut;
  const mayAnswer = (candidate: Candidate) => supported(candidate) && failedCheck(candidate.features) === null;
  const mayQuote = (candidate: Candidate) => supported(candidate) && failedQuoteCheck(candidate.features) === null;
  if (candidates.some(mayAnswer)) {
    const quotable = candidates.filter(mayQuote);
    const quotableHits = new Set(quotable.map((candidate) => candidate.hit));
    const quotableRanked = new Set([...quotable, ...rankedToo.filter(mayQuote)].map((candidate) => candidate.hit));
    const first = hits.find((hit) => quotableRanked.has(hit));
    const rest = hits.filter((hit) => quotableHits.has(hit) && hit !== first);
    const passages = first ? [first, ...rest] : rest;
    const support = Math.max(...candidates.filter(mayAnswer).map((candidate) => candidate.support));
    const confidence = confidenceOf(support);
    return { passages, answers: quoteAnswers(facts), confidence, candidates, rankedToo, subject: facts.subject };
  }
  // A name the documents never mention is said first; else the first failed check of the nearest miss (the supported
  // candidate failing fewest checks, the best ranked of those), or, when no candidate has the support, that no
  // passage deals enough with the question.
  if (facts.unknown.length > 0) return { refusal: refusalFor('namesKnown', undefined, facts), candidates, rankedToo, subject: facts.subject };
  const closest = nearestMiss(candidates.filter(supported));
  return { refusal: refusalFor(closest ? failedCheck(closest.features) : null, closest?.hit, facts), candidates, rankedToo, subject: facts.subject };
}

/** The candidate failing fewest checks, the first of those: its failure says best why the question is refused. */
function nearestMiss(candidates: readonly Candidate[]): Candidate | undefined {
  const failures = (candidate: Candidate) => CHECKS.filter((name) => candidate.features[name] < 1).length;
  return candidates.reduce<Candidate | undefined>((best, candidate) => (!best || failures(candidate) < failures(best) ? candidate : best), undefined);
}

/**
 * The best fused passages, in ranking order. Not the ranking model's first ones: it ranks passages holding more of
 * the question's words first, for questions the documents do not answer too, so their first passages' coverage would
 * no longer tell those questions apart (measured: a question off the documents' topics was answered four times as
 * often). `hits` holds the fused best ones, since the ranking model only reorders them.
 */
function candidatesOf(hits: readonly RetrievedPassage[], count: number): RetrievedPassage[] {
  const fusedBest = new Set([...hits].sort((a, b) => b.ranking.fused - a.ranking.fused).slice(0, count));
  return hits.filter((hit) => fusedBest.has(hit));
}

/** What the question asks for, worked out once for all its candidates. */
interface QuestionFacts {
  query: AnalyzedQuery;
  retriever: Retriever;
  unknown: string[];
  /** The question's specific words, as typed (see `Retriever.specificGroups`). */
  subject: string[];
  /** Those words' groups, any of which a passage must hold to deal with the subject. */
  subjectGroups: string[][];
  anchors: Anchors;
  /** The index terms of the noun a "how many" counts, or null. */
  focus: string[] | null;
  /** It counts people ("how many people", "combien de monde"): any noun of persons is the counted one. */
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

function questionFacts(query: AnalyzedQuery, form: ((text: string) => boolean) | null, retriever: Retriever): QuestionFacts {
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

function featuresOf(hit: RetrievedPassage, facts: QuestionFacts): CandidateFeatures {
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
function quoteAnswers(facts: QuestionFacts): ((text: string) => boolean) | null {
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

const TYPE_REFUSAL: Record<AnswerType, RefusalCode> = {
  amount: 'no-amount-stated',
  share: 'no-share-stated',
  money: 'no-sum-stated',
  date: 'no-date-stated',
  country: 'no-country-named',
  outcome: 'no-outcome-stated',
};

/** The refusal for the check that failed, with what it is about: the names, years, rank or counted word. */
function refusalFor(check: CheckName | null, closest: RetrievedPassage | undefined, facts: QuestionFacts): RefusalFacts {
  const { anchors, query } = facts;
  const counted = query.intent.counted;
  switch (check) {
    case 'namesKnown':
      return { code: 'names-unknown', subjects: facts.unknown };
    case 'subjectHeld':
      return { code: 'subject-not-found', subjects: facts.subject };
    case 'namesPlaced': {
      const absent = anchors.names.filter((name) => !closest || !name.documents.has(closest.passage.doc));
      return { code: 'names-elsewhere', subjects: absent.map((name) => name.word) };
    }
    case 'yearsStated':
      return { code: 'year-not-stated', subjects: anchors.years.map((group) => typedWord(query.intent, group[0] ?? '')) };
    case 'rankStated':
      return { code: 'rank-not-stated', subjects: [...anchors.ordinals] };
    case 'answerTypeHeld':
    case 'countedNamed':
      return { code: TYPE_REFUSAL[query.intent.answerType ?? 'amount'], subjects: counted && facts.focus ? [counted] : [] };
    case 'partnerNamed':
      return { code: facts.partnerCode ?? 'no-date-for-partner', subjects: anchors.partners.map((name) => name.word) };
    case 'personNamed':
      return { code: 'no-person-named' };
    default:
      return { code: 'no-passage-covers-question' };
  }
}
