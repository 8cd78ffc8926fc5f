import { stemmer as frenchStem } from '@orama/stemmers/french';
import { describe, expect, it } from 'vitest';
import { analyzeFrench, frenchTerm, words } from '../../src/search/analyzer.js';
import { fitLsa } from '../../src/search/embedders/lsa-embedder.js';
import { STEM_SPLITS, conceptTerm } from '../../src/search/stem-splits.js';
import { seedTexts } from '../support/seed-text.js';

const seedWords = new Set(seedTexts().flatMap((text) => words(text)));

describe('stem splits (src/search/stem-splits.ts)', () => {
  it('keeps encryption apart from turnover, and communication apart from common, whatever the case', () => {
    expect(frenchTerm('chiffrement')).not.toBe(frenchTerm('chiffre'));
    expect(frenchTerm('CHIFFREMENT')).toBe(frenchTerm('chiffré'));
    expect(frenchTerm('chiffres')).toBe(frenchTerm('chiffre'));
    expect(frenchTerm('communications')).toBe(frenchTerm('communication'));
    expect(frenchTerm('communication')).not.toBe(frenchTerm('commune'));
    expect(analyzeFrench("le chiffrement et le chiffre d'affaires")).toEqual(['chiffrement', 'chiffr', 'affair']);
  });

  it('splits only what Snowball merges with another word of the seeds, into a term Snowball never gives', () => {
    const seedStems = new Set([...seedWords].map((word) => frenchStem(word)));
    for (const split of STEM_SPLITS) {
      for (const word of split.words) expect(frenchStem(word), word).toBe(split.snowballStem);
      expect(split.words.some((word) => seedWords.has(word)), split.term).toBe(true);
      const others = [...seedWords].filter((word) => frenchStem(word) === split.snowballStem && !split.words.includes(word));
      expect(others.length, split.term).toBeGreaterThan(0);
      expect(seedStems.has(split.term), split.term).toBe(false);
    }
  });

  it('leaves the LSA concept space on the Snowball stem, so its fit is the one the unsplit vocabulary gives', async () => {
    const texts = ['le chiffrement des messages', "le chiffre d'affaires des entreprises", 'la communication des données'];
    const { embedder } = fitLsa(texts, 2);
    expect(embedder.model.vocabulary).not.toContain('chiffrement');
    expect(conceptTerm(frenchTerm('chiffrement'))).toBe('chiffr');
    expect(await embedder.embedQuery('chiffrement')).toEqual(await embedder.embedQuery('chiffre'));
  });
});
