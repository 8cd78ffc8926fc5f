import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyze-query.js';
import { frenchTerm } from '../../src/search/analyzer.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { parseNameAliases } from '../../src/search/names.js';
import { lexiconPath } from '../../src/paths.js';
import type { Core } from '../../src/index.js';
import { getTestCore } from '../support/test-core.js';
import { normaliseText, normalisedSeeds, occursAsWholeWords } from '../support/seed-text.js';

const namesPath = join(import.meta.dirname, '..', '..', 'src', 'search', 'lexicon', 'names.tsv');
const aliases = parseNameAliases(readFileSync(namesPath, 'utf8'));

describe('the name aliases (src/search/lexicon/names.tsv)', () => {
  it("renders every alias only into wording the seeds use, as whole words", () => {
    expect(aliases.length).toBeGreaterThan(500);
    const seeds = normalisedSeeds();
    const absent = aliases.flatMap((entry) => entry.renderings.filter((r) => !occursAsWholeWords(normaliseText(r), seeds)));
    expect(absent).toEqual([]);
  });

  it('gives each alias a language and at most one line per language', () => {
    const seen = new Set<string>();
    for (const entry of aliases) {
      expect(entry.languages.size, entry.alias).toBeGreaterThan(0);
      for (const lang of entry.languages) {
        const key = `${normaliseText(entry.alias)}\t${lang}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});

describe('a name the documents write differently', () => {
  const lexicon = loadLexicon(lexiconPath());
  let core: Core;
  beforeAll(async () => {
    core = await getTestCore();
  });

  it('joins the group of its words with the documents’ wording, in either language', () => {
    const english = analyzeQuery('What do the Singaporean authorities promise?', lexicon);
    const singapore = english.groups.find((group) => group[0] === frenchTerm('singaporean'));
    expect(singapore).toContain(frenchTerm('Singapour'));
    const french = analyzeQuery("Que fait le Quai d'Orsay contre la désinformation ?", lexicon);
    expect(french.groups.find((group) => group.includes(frenchTerm('quai')))).toContain(frenchTerm('MEAE'));
  });

  it('places an acronym or a capital in a document that writes the name out or names the country', async () => {
    // The activity report writes "Union européenne", never "UE"; the Singapore roadmap names France, never Paris.
    for (const question of ['Cyber Diplomacy Toolbox UE participation', 'How do Paris and Singapore plan to stop people being left behind?']) {
      const answer = await core.ask(question);
      expect(answer.kind === 'not-covered' ? answer.reason.code : 'answered', question).not.toBe('names-elsewhere');
    }
  });

  it('is known: no refusal says the documents never mention it', async () => {
    for (const question of ["Que fait le Quai d'Orsay contre la désinformation ?", 'Which NGOs support the Paris Call?']) {
      const answer = await core.ask(question);
      expect(answer.kind === 'not-covered' ? answer.reason.code : 'answered', question).not.toBe('names-unknown');
    }
  });
});
