import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyze-query.js';
import { analyzeFrench, fold } from '../../src/search/analyzer.js';
import { FrenchGlossary, parseGlossary } from '../../src/search/french-glossary.js';
import { emptyLexicon, loadLexicon } from '../../src/search/lexicon.js';
import { lexiconPath } from '../../src/paths.js';

const root = join(import.meta.dirname, '..', '..');
const glossaryPath = join(root, 'src', 'search', 'lexicon', 'fr-glossary.tsv');
const normalise = (text: string) => fold(text).replace(/[’']/gu, "'").replace(/\s+/gu, ' ');

describe('the French glossary', () => {
  it('only renders phrases into wording the seeds really use', () => {
    const seeds = readdirSync(join(root, 'seeds'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => normalise(readFileSync(join(root, 'seeds', name), 'utf8')))
      .join(' ');
    const entries = parseGlossary(readFileSync(glossaryPath, 'utf8'));
    expect(entries.length).toBeGreaterThan(20);
    const absent = entries.flatMap((entry) => entry.renderings.filter((r) => !seeds.includes(normalise(r))));
    expect(absent).toEqual([]);
  });

  it('matches phrases whatever their accents and case, preferring the longest', () => {
    const glossary = FrenchGlossary.load(glossaryPath);
    expect(glossary.matches('La position de BRUXELLES').map((m) => m.phrase)).toEqual(['bruxelles']);
    expect(glossary.matches('à New Delhi').map((m) => m.phrase)).toEqual(['new delhi']);
    expect(glossary.matches('la Taxe sur la Valeur Ajoutee')[0]?.renderings).toEqual(['TVA']);
    expect(glossary.matches('Paris et Berlin')).toEqual([]);
    expect(glossary.matches('la cité-État').map((m) => m.renderings)).toEqual([['Singapour']]);
    expect(glossary.matches('la cité État').map((m) => m.renderings)).toEqual([['Singapour']]);
  });

  it('matches a phrase opening with "le" or "les" after "de" or "à", contracted', () => {
    const glossary = FrenchGlossary.of([{ phrase: 'le Quai', renderings: ['MEAE'] }, { phrase: 'les Vingt-Sept', renderings: ['UE'] }]);
    for (const text of ["L'équipe du Quai", 'Une note au Quai', 'Le Quai a répondu']) {
      expect(glossary.matches(text).map((m) => m.renderings), text).toEqual([['MEAE']]);
    }
    expect(glossary.matches('La position des Vingt-Sept').map((m) => m.renderings)).toEqual([['UE']]);
    expect(glossary.matches('Un quai de gare')).toEqual([]);
  });

  it('lets the documents’ wording answer for the phrase in a French question', () => {
    const query = analyzeQuery('Que veut Bruxelles pour le numérique ?', loadLexicon(lexiconPath()));
    const group = query.groups.find((g) => g.includes(analyzeFrench('Bruxelles')[0] ?? ''));
    expect(group).toEqual(expect.arrayContaining(analyzeFrench('Union européenne')));
    expect(query.terms.get(analyzeFrench('européenne')[0] ?? '')).toBe(1);
    const bare = analyzeQuery('Que veut Bruxelles pour le numérique ?', emptyLexicon);
    expect(bare.groups.flat()).not.toContain(analyzeFrench('européenne')[0]);
  });
});
