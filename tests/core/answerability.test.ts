import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerText, isAppError, type Core } from '../../src/index.js';
import { CHECKS, TENTATIVE_SUPPORT, readAnswerabilityModel, supportOf } from '../../src/core/answerability-model.js';
import { answerabilityPath } from '../../src/paths.js';
import { getTestCore } from '../support/test-core.js';

describe('the answerability model', () => {
  let core: Core;
  beforeAll(async () => {
    core = await getTestCore();
  });

  it('decides as ask does: an answer when some candidate passes every check with the support, else its refusal', async () => {
    const model = readAnswerabilityModel(answerabilityPath());
    for (const question of ['Combien de pays ont ratifié la Convention de Budapest ?', 'Combien de French Tech Visa ?']) {
      const [explained, answer] = await Promise.all([core.explain(question), core.ask(question)]);
      const passing = explained.candidates.filter(
        (c) => c.support >= explained.cut && CHECKS.every((check) => c.features[check] === 1),
      );
      expect(answer.kind).toBe(passing.length > 0 ? 'answered' : 'not-covered');
      expect(explained.refusal?.code ?? null).toBe(answer.kind === 'not-covered' ? answer.reason.code : null);
      for (const c of explained.candidates) expect(c.support).toBeCloseTo(supportOf(c.features, model), 9);
    }
  });

  it('quotes first the best ranked passage passing the cut and checks, the ranking model\'s best three included', async () => {
    // The signatures of the foreword are ranked first (a who-question's passage naming someone), not fused first.
    const question = 'Qui a signé la préface de la stratégie internationale pour le numérique ?';
    const [explained, answer] = await Promise.all([core.explain(question), core.ask(question)]);
    // Once the question is answered, the subject check no longer bars a passage from being quoted.
    const passes = (c: (typeof explained.candidates)[number]) =>
      c.support >= explained.cut && CHECKS.every((check) => check === 'subjectHeld' || c.features[check] === 1);
    const rankedIds = explained.ranked.map((hit) => hit.passage.id);
    const passing = [...explained.candidates, ...explained.rankedToo].filter(passes);
    const best = passing.sort((a, b) => rankedIds.indexOf(a.passage.id) - rankedIds.indexOf(b.passage.id))[0];
    expect(explained.rankedToo.some((c) => c.passage.id === best?.passage.id)).toBe(true);
    if (answer.kind !== 'answered') throw new Error(`expected an answer, got ${answer.kind}`);
    const grounds = (answer.grounds ?? []).map((hit) => hit.passage.id);
    expect(grounds[0]).toBe(best?.passage.id);
    const candidates = new Set(explained.candidates.filter(passes).map((c) => c.passage.id));
    for (const id of grounds.slice(1)) expect(candidates.has(id)).toBe(true);
  });

  it('calls an answer tentative exactly when its deciding support is under 3 to 1 odds, and says so first', async () => {
    const kinds = new Set<string>();
    for (const question of [
      'Combien de pays ont ratifié la Convention de Budapest ?',
      'Que prévoit la coopération franco-indienne en cybersécurité ?',
      'Which city hosted the 2019 Internet Governance Forum?',
    ]) {
      const [explained, answer] = await Promise.all([core.explain(question), core.ask(question)]);
      if (answer.kind !== 'answered') throw new Error(`expected an answer to ${question}`);
      const passing = explained.candidates.filter(
        (c) => c.support >= explained.cut && CHECKS.every((check) => c.features[check] === 1),
      );
      const best = Math.max(...passing.map((c) => c.support));
      expect(answer.confidence, question).toBe(best < TENTATIVE_SUPPORT ? 'tentative' : 'firm');
      expect(explained.confidence).toBe(answer.confidence);
      const leads = { fr: { firm: 'Les documents indiquent', tentative: 'Réponse incertaine' }, en: { firm: 'The documents say', tentative: 'Uncertain answer' } };
      expect(answerText(answer).startsWith(leads[answer.lang][answer.confidence]), question).toBe(true);
      kinds.add(answer.confidence);
    }
    expect([...kinds].sort()).toEqual(['firm', 'tentative']);
  });

  it('shows why "how many visas" is refused: the passage covering it states no number of visas', async () => {
    const explained = await core.explain('Combien de French Tech Visa ?');
    expect(explained.refusal?.code).toBe('no-amount-stated');
    expect(explained.candidates.some((c) => c.features.countedNamed === 0)).toBe(true);
  });

  it('shows the subject a candidate must hold, as the user typed it, and which candidates hold it', async () => {
    const explained = await core.explain('Is chocolate toxic for cats?');
    expect(explained.subject).toContain('chocolate');
    expect(explained.candidates.every((c) => c.features.subjectHeld === 0)).toBe(true);
    expect(explained.refusal?.code).toBe('subject-not-found');
  });

  it('refuses a question off the documents\' topics, however well its best passage ranks', async () => {
    const answer = await core.ask('Comment faire pousser des tomates en hiver ?');
    expect(answer.kind).toBe('not-covered');
    if (answer.kind === 'not-covered') expect(answer.reason.code).toBe('no-passage-covers-question');
  });

  it('refuses to start on a damaged model file rather than answer differently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diplomate-model-'));
    const damaged = join(dir, 'answerability.json');
    writeFileSync(damaged, JSON.stringify({ weights: { coverage: 'high' }, bias: 0, cut: 0, candidates: 3 }));
    for (const path of [damaged, join(dir, 'missing.json')]) {
      let caught: unknown;
      try {
        readAnswerabilityModel(path);
      } catch (error: unknown) {
        caught = error;
      }
      expect(isAppError(caught) && caught.code === 'INTERNAL').toBe(true);
    }
  });
});
