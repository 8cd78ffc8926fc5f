import {
  SUPPORT_FEATURES,
  failedCheck,
  supportOf,
  type AnswerabilityModel,
  type CandidateFeatures,
  type SupportFeature,
} from '../../src/core/answerability-model.js';
import { fitLogistic } from './logistic.js';

/** One labelled question as the model sees it: its candidates' features, and which candidates hold gold evidence. */
export interface LabelledQuestion {
  id: string;
  set: string;
  answerable: boolean;
  /** What the question counts for in the fit (1, or less for a set standing for questions users seldom ask). */
  weight: number;
  candidates: { features: CandidateFeatures; gold: boolean }[];
}

/** Regularisation of the logistic fit: fixed, not tuned, only there to keep the weights finite on separable rows. */
const L2 = 1;
/**
 * The best three retrieved passages are the candidates: quotes come from the first passages anyway, and a count
 * fitted among 3, 5 and 8 did no better cross-validated while letting an eighth passage's few shared words answer.
 */
const CANDIDATES = 3;
/**
 * Citing gold evidence or refusing what the documents do not answer gains 1; quoting anything for a question they do
 * not answer costs 1. Saying that the documents do not cover what they do cover misleads too, but the refusal shows
 * the nearest passages, where the answer often is: it costs half. (At no cost, the cut swung with each set added to
 * the pool: refusing an answerable question lost no more than its citation, and none when another passage would
 * have been cited.) Citing another passage for an answerable question counts neither way, since it may answer too.
 */
const GAIN = { citesGold: 1, refusesRightly: 1, quotesWrongly: -1, refusesWrongly: -0.5, citesOther: 0 };
/** Quotes come from the first passing passages: evidence among the first two counts as cited. */
const QUOTED_PASSAGES = 2;

/**
 * The support's weights by logistic regression, then the cut that gains most. A set marks the passages holding its
 * gold quotes; another passage may answer too, so it is no negative. Checks are vetoes, so the support is fitted on
 * the candidates passing them.
 */
export function fitModel(questions: readonly LabelledQuestion[]): AnswerabilityModel {
  const rows = questions.flatMap((q) =>
    q.candidates
      .slice(0, CANDIDATES)
      .filter((c) => (c.gold || !q.answerable) && failedCheck(c.features) === null)
      .map((c) => ({ ...c, weight: q.weight })),
  );
  const vectors = rows.map((row) => SUPPORT_FEATURES.map((name) => row.features[name]));
  const fit = fitLogistic(vectors, rows.map((row) => (row.gold ? 1 : 0)), L2, rows.map((row) => row.weight));
  const weights = Object.fromEntries(SUPPORT_FEATURES.map((name, i) => [name, fit.weights[i] ?? 0])) as Record<SupportFeature, number>;
  const model = { weights, bias: fit.bias, cut: 0, candidates: CANDIDATES };
  return { ...model, cut: bestCut(questions, model) };
}

/** The cut in the middle of the run of cuts (at support quantiles) that gains most on these questions. */
function bestCut(questions: readonly LabelledQuestion[], model: AnswerabilityModel): number {
  const scored = questions.map((q) => ({
    answerable: q.answerable,
    weight: q.weight,
    candidates: q.candidates
      .slice(0, model.candidates)
      .filter((c) => failedCheck(c.features) === null)
      .map((c) => ({ support: supportOf(c.features, model), gold: c.gold })),
  }));
  const supports = scored.flatMap((q) => q.candidates.map((c) => c.support)).sort((a, b) => a - b);
  const cuts = Array.from({ length: CUT_STEPS + 1 }, (_, i) => supports[Math.min(Math.floor((i / CUT_STEPS) * supports.length), supports.length - 1)] ?? 0);
  cuts.push((supports.at(-1) ?? 0) + 1);
  const gains = cuts.map((cut) => scored.reduce((sum, q) => sum + q.weight * gainOf(q, cut), 0));
  const top = Math.max(...gains);
  const winners = cuts.filter((_, i) => gains[i] === top);
  return winners[Math.floor(winners.length / 2)] ?? 0;
}

/** Cuts tried: this many quantiles of the candidates' supports. */
const CUT_STEPS = 200;

interface Scored {
  answerable: boolean;
  weight: number;
  candidates: { support: number; gold: boolean }[];
}

/** The gain of one decision, as far as the candidates' labels tell (no quote selection, no verification). */
function gainOf(q: Scored, cut: number): number {
  const passing = q.candidates.filter((c) => c.support >= cut);
  if (passing.length === 0) return q.answerable ? GAIN.refusesWrongly : GAIN.refusesRightly;
  if (!q.answerable) return GAIN.quotesWrongly;
  return passing.slice(0, QUOTED_PASSAGES).some((c) => c.gold) ? GAIN.citesGold : GAIN.citesOther;
}
