import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchTerm } from '../../src/search/analyzer.js';
import { countNameUses, namesIn, properNameTerms } from '../../src/search/proper-names.js';

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(seedsDir, name), 'utf8'));

describe('properNameTerms over the real seeds', () => {
  const names = properNameTerms(seeds);

  it('knows the places, bodies and people the documents name', () => {
    for (const name of ['Singapour', 'Inde', 'ANSSI', 'Verdier', 'Wassenaar']) expect(names.has(frenchTerm(name))).toBe(true);
  });

  it('does not take common words for names, even those that open sentences or title-case a heading', () => {
    for (const word of ['confiance', 'sécurité', 'numérique', 'coopération', 'promotion']) {
      expect(names.has(frenchTerm(word))).toBe(false);
    }
  });

  it('counts a word as a name only when most of its uses are capitalised', () => {
    expect(properNameTerms(['Paris accueille. Paris, Paris.'])).toContain(frenchTerm('Paris'));
    expect(properNameTerms(['Appel. appel, appel, appel.']).has(frenchTerm('appel'))).toBe(false);
  });

  it('counts kept with the index follow an added and a removed document exactly as a count over the corpus', () => {
    const [first = '', ...others] = seeds;
    const sorted = (counts: ReturnType<typeof countNameUses>) => [...counts].sort((a, b) => a[0].localeCompare(b[0]));
    const withFirst = countNameUses([first], countNameUses(others));
    expect(sorted(withFirst)).toEqual(sorted(countNameUses(seeds)));
    expect(namesIn(withFirst)).toEqual(names);
    expect(sorted(countNameUses([first], withFirst, -1))).toEqual(sorted(countNameUses(others)));
  });
});
