import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/search/analyzer.js';
import { loadThesaurus } from '../../src/search/thesaurus.js';
import { normaliseText, normalisedSeeds, occursAsWholeWords } from '../support/seed-text.js';

const root = join(import.meta.dirname, '..', '..');
const entries = loadThesaurus(join(root, 'src', 'search', 'lexicon', 'thesaurus.tsv'));
const seeds = normalisedSeeds();

describe('the domain thesaurus (src/search/lexicon/thesaurus.tsv)', () => {
  it('holds at least the 1,200 entries its header promises, each French term once', () => {
    expect(entries.length).toBeGreaterThanOrEqual(1200);
    const terms = entries.map((entry) => fold(entry.term));
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('gives every entry an English rendering or an everyday French variant', () => {
    for (const entry of entries) expect(entry.english.length + entry.variants.length, entry.term).toBeGreaterThan(0);
  });

  it("draws every French term from the seeds' own wording (as a whole word or phrase)", () => {
    const missing = entries.filter((entry) => !occursAsWholeWords(normaliseText(entry.term), seeds));
    expect(missing.map((entry) => entry.term)).toEqual([]);
  });
});

describe('English questions meet the documents through it', () => {
  it.each([
    ['What does France say about encryption?', '004_c3f6cb5d275c60c7.txt', 'chiffrement'],
    ['WRC', '004_c3f6cb5d275c60c7.txt', 'CMR'],
  ])('%s', async (question, doc, word) => {
    const { getTestCore } = await import('../support/test-core.js');
    const hits = await (await getTestCore()).search(question, { limit: 5 });
    expect(hits.some((hit) => hit.passage.doc === doc && hit.passage.text.includes(word))).toBe(true);
  });
});
