import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type Core } from '../../src/index.js';
import { RANKING_FEATURES, rankingScore, readRankingModel } from '../../src/search/ranking-model.js';
import { rankingPath } from '../../src/paths.js';
import { getTestCore } from '../support/test-core.js';

describe('the ranking model', () => {
  let core: Core;
  beforeAll(async () => {
    core = await getTestCore();
  });

  it('orders the passages by its score of the features it shows, and the answer\'s candidates are among them', async () => {
    const model = readRankingModel(rankingPath());
    const explained = await core.explain('Quelle est la position de la France sur le chiffrement ?');
    expect(explained.ranked.length).toBe(model.candidates);
    for (const hit of explained.ranked) expect(hit.score).toBeCloseTo(rankingScore(hit.ranking, model), 9);
    const scores = explained.ranked.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ids = new Set(explained.ranked.map((hit) => hit.passage.id));
    for (const candidate of explained.candidates) expect(ids.has(candidate.passage.id)).toBe(true);
  });

  it('reads whether a passage holds what the question\'s form asks for, and nothing when it asks for nothing', async () => {
    const counting = await core.explain("Combien d'États ont ratifié la Convention de Budapest ?");
    const holding = counting.ranked.filter((hit) => hit.ranking.answerForm === 1);
    expect(holding.length).toBeGreaterThan(0);
    expect(holding.length).toBeLessThan(counting.ranked.length);
    for (const hit of holding) expect(hit.passage.text).toMatch(/\d|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|mille/u);
    const open = await core.explain('Quelle est la position de la France sur la neutralité du net ?');
    expect(open.ranked.every((hit) => hit.ranking.answerForm === 1)).toBe(true);
  });

  it('gives the same first results however many a search asks for', async () => {
    const question = 'What does France say about encryption?';
    const [few, many] = await Promise.all([core.search(question, { limit: 3 }), core.search(question, { limit: 40 })]);
    expect(many.slice(0, 3).map((hit) => hit.passage.id)).toEqual(few.map((hit) => hit.passage.id));
    expect(many.length).toBe(40);
  });

  it('is fitted, not hand-set: every feature has a finite weight, and the committed file says how it was fitted', () => {
    const model = readRankingModel(rankingPath());
    for (const name of RANKING_FEATURES) expect(Number.isFinite(model.weights[name])).toBe(true);
    expect(RANKING_FEATURES.some((name) => name !== 'fused' && model.weights[name] !== 0)).toBe(true);
  });

  it('refuses to start on a damaged model file rather than rank differently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplomate-ranking-'));
    const damaged = join(dir, 'ranking.json');
    writeFileSync(damaged, JSON.stringify({ weights: { fused: 'high' }, candidates: 20 }));
    for (const path of [damaged, join(dir, 'missing.json')]) {
      let caught: unknown;
      try {
        readRankingModel(path);
      } catch (error: unknown) {
        caught = error;
      }
      expect(isAppError(caught) && caught.code === 'INTERNAL').toBe(true);
    }
  });
});
