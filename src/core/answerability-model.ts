import { z } from 'zod';
import { readFittedModel, weightsSchema } from '../fitted-model.js';
import type { Confidence } from '../types.js';

/**
 * The named facts about one candidate passage that decide whether it may answer, each in [0, 1]. The checks (every
 * feature but the first two) are 1 when the passage passes them or when the question does not ask for them.
 */
export interface CandidateFeatures {
  /** Rarity-weighted share of the question's concepts in the passage's best block. */
  coverage: number;
  /**
   * It (its text or its headings) holds one of the rarer half of the question's words, what the question is
   * specifically about: a question off the documents' topics shares only its common words with them ("grow",
   * "France"). The whole passage, not its best block: the block holding most of the question may leave out the
   * subject the passage is about (one more team question answered, cross-validated, no set losing).
   */
  subjectHeld: number;
  /**
   * Its reciprocal-rank-fusion score over the best fused passage's (the ranking feature `fused`): how strongly BM25 and
   * the vectors agree on it, before the ranking model reorders passages by, among others, their coverage.
   */
  relativeScore: number;
  /** Share of the question's consecutive words standing within four words of each other in it (a ranking feature). */
  proximity: number;
  /** The rarity-weighted share of the question's words its densest thirty words hold (a ranking feature). */
  density: number;
  /** 0 when the question names something the documents never mention (a fact of the question, not the passage). */
  namesKnown: number;
  /** Its document mentions every name the question gives. */
  namesPlaced: number;
  /** It states the years the question gives. */
  yearsStated: number;
  /** It states the rank ("troisième") the question gives. */
  rankStated: number;
  /** Its best block holds the amount, sum or date asked for. */
  answerTypeHeld: number;
  /** It states a number next to the noun a "how many" counts. */
  countedNamed: number;
  /**
   * For a who-question or one asking a date, a number, a sum or a share, naming partners (names only some documents
   * mention), it names one of them: the date of a France–Singapore meeting does not say when France met Canada, nor
   * the host of a Singapore round table who heads the ANSSI.
   */
  partnerNamed: number;
  /** For a who-question, it names a person or body the question does not. */
  personNamed: number;
}

export type FeatureName = keyof CandidateFeatures;

/** The features the support weighs. */
export const SUPPORT_FEATURES = ['coverage', 'relativeScore', 'proximity', 'density'] as const satisfies readonly FeatureName[];
export type SupportFeature = (typeof SUPPORT_FEATURES)[number];

/**
 * The checks, each a veto: a passage failing one cannot answer, whatever its support ("trois piliers" never says how
 * many visas). In the order a refusal names them: a name the documents never mention is the plainest reason.
 */
export const CHECKS = [
  'namesKnown', 'namesPlaced', 'yearsStated', 'rankStated', 'answerTypeHeld', 'countedNamed', 'partnerNamed', 'personNamed',
  'subjectHeld',
] as const satisfies readonly FeatureName[];
export type CheckName = (typeof CHECKS)[number];

/**
 * One model: a candidate may answer when it passes every check and its support, `bias + Σ weight × feature` (a
 * logistic regression's log-odds that it holds the evidence), reaches the cut. The weights and the bias are fitted
 * on the labelled question sets, the cut to the decisions (scripts/fit.ts).
 */
export interface AnswerabilityModel {
  weights: Record<SupportFeature, number>;
  bias: number;
  /** The support a candidate needs to answer. */
  cut: number;
  /** How many of the best retrieved passages are candidates (3). */
  candidates: number;
}

/**
 * Below this support (log-odds 3 to 1) an answer is shown as tentative. Measured over the eleven sets with the
 * committed models: a quarter of the answers; of those to answerable questions, 0.53 cite the gold evidence (firm
 * ones 0.88), and 0.18 of them answer a question the documents do not (firm ones 0.05).
 */
export const TENTATIVE_SUPPORT = Math.log(3);

/** `tentative` when the best support among the passages deciding to answer is under `TENTATIVE_SUPPORT`. */
export function confidenceOf(support: number): Confidence {
  return support < TENTATIVE_SUPPORT ? 'tentative' : 'firm';
}

export function supportOf(features: CandidateFeatures, model: AnswerabilityModel): number {
  return SUPPORT_FEATURES.reduce((sum, name) => sum + model.weights[name] * features[name], model.bias);
}

/** The first check a candidate fails, or null. */
export function failedCheck(features: CandidateFeatures): CheckName | null {
  return CHECKS.find((name) => features[name] < 1) ?? null;
}

/** The checks a passage must pass to be quoted once the question is answered: all but the subject's. */
const QUOTE_CHECKS = CHECKS.filter((name) => name !== 'subjectHeld');

/**
 * The first check a candidate fails to be quoted once the question is answered, or null: all but `subjectHeld`. The
 * subject check tells whether the documents deal with the question at all, which the deciding candidates settle;
 * the passage holding the answer may word the subject otherwise ("scrambled messages" for "contenu chiffré": cited
 * gold +7 over the eleven sets with the committed models, no answer or refusal lost).
 */
export function failedQuoteCheck(features: CandidateFeatures): CheckName | null {
  return QUOTE_CHECKS.find((name) => features[name] < 1) ?? null;
}

const modelSchema = z.object({
  weights: weightsSchema(SUPPORT_FEATURES),
  bias: z.number(),
  cut: z.number(),
  candidates: z.number().int(),
});

/** The committed model (see `readFittedModel`). */
export function readAnswerabilityModel(path: string): AnswerabilityModel {
  return readFittedModel(path, 'answerability model', modelSchema);
}
