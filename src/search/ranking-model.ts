import { z } from 'zod';
import { readFittedModel, weightsSchema } from '../fitted-model.js';

/**
 * The named facts about one retrieved passage that order the best of them. Each is on a fixed scale (0–1, or about
 * it) so that one weight means the same for every question.
 */
export interface RankingFeatures {
  /** Its reciprocal-rank-fusion score over the best one's. */
  fused: number;
  /** Its BM25 score over the best BM25 score (0 when BM25 did not retrieve it). */
  lexical: number;
  /** Its vector similarity over the best one (0 when the vector side did not retrieve it). */
  vector: number;
  /** Rarity-weighted share of the question's words its best block holds (the answerability model's coverage). */
  coverage: number;
  /** The same share over the whole passage and its heading path. */
  passageCoverage: number;
  /** The same share over its heading path alone. */
  headingCoverage: number;
  /** Share of the question's consecutive words that stand within four words of each other in it. */
  proximity: number;
  /** The rarity-weighted share of the question's words held by its densest stretch of thirty words. */
  density: number;
  /** Natural log of its length in characters, over 7 (a 1,100-character passage is 1). */
  length: number;
  /** 1 / (1 + its BM25 rank), 0 when not retrieved by BM25. */
  lexicalRank: number;
  /** 1 / (1 + its vector rank), 0 when not retrieved by the vector side. */
  vectorRank: number;
  /**
   * 1 when it holds what the question's form asks for (someone it does not name for "who", a number for "how many",
   * a date for "when"…), or when the form asks for nothing in particular; else 0.
   */
  answerForm: number;
}

export type RankingFeature = keyof RankingFeatures;

export const RANKING_FEATURES = [
  'fused', 'lexical', 'vector', 'coverage', 'passageCoverage', 'headingCoverage', 'proximity', 'density', 'length',
  'lexicalRank', 'vectorRank', 'answerForm',
] as const satisfies readonly RankingFeature[];

/**
 * One linear model orders the best fused passages: `Σ weight × feature`, fitted as a pairwise logistic regression
 * (a passage holding the evidence against one that does not, of the same question) on the labelled question sets
 * (scripts/fit.ts). The difference of two passages' scores is the log-odds that the first is the better one.
 */
export interface RankingModel {
  weights: Record<RankingFeature, number>;
  /** How many of the best fused passages it reorders (the rest follow, in the same order). */
  candidates: number;
}

export function rankingScore(features: RankingFeatures, model: RankingModel): number {
  return RANKING_FEATURES.reduce((sum, name) => sum + model.weights[name] * features[name], 0);
}

/** The fused order alone: what ranking was before the model, and the probe that fitting starts from. */
export const fusedOrderModel = (candidates: number): RankingModel => ({
  weights: Object.fromEntries(RANKING_FEATURES.map((name) => [name, name === 'fused' ? 1 : 0])) as RankingModel['weights'],
  candidates,
});

const modelSchema = z.object({ weights: weightsSchema(RANKING_FEATURES), candidates: z.number().int().min(1) });

/** The committed model (see `readFittedModel`). */
export function readRankingModel(path: string): RankingModel {
  return readFittedModel(path, 'ranking model', modelSchema);
}
