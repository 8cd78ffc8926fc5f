import type { AnswerType } from '../answer/answer-type.js';
import type { RefusalFacts } from '../answer/refusal.js';
import { typedWord } from '../search/question-intent.js';
import type { RetrievedPassage } from '../search/retriever.js';
import type { RefusalCode } from '../types.js';
import { CHECKS, type CandidateFeatures, type CheckName } from './answerability-model.js';
import type { QuestionFacts } from './question-facts.js';

/** The candidate failing fewest checks, the first of those: its failure says best why the question is refused. */
export function nearestMiss<T extends { features: CandidateFeatures }>(candidates: readonly T[]): T | undefined {
  const failures = (candidate: T) => CHECKS.filter((name) => candidate.features[name] < 1).length;
  let best: T | undefined;
  for (const candidate of candidates) if (!best || failures(candidate) < failures(best)) best = candidate;
  return best;
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
export function refusalFor(
  check: CheckName | null,
  closest: RetrievedPassage | undefined,
  facts: QuestionFacts,
): RefusalFacts {
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
