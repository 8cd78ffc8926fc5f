import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { lexiconPath } from '../../src/paths.js';
import { analyzeQuery, type AnalyzedQuery } from '../../src/search/analyze-query.js';
import { LexicalIndex } from '../../src/search/lexical-index.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import type { Passage } from '../../src/types.js';
import { sharedIndexDir } from '../support/shared-index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'eval');
const questions = readFileSync(join(fixtures, 'team-questions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);

/** What the lexical index asked MiniSearch itself before it scored its postings on its own: the reference ranking. */
function miniSearchOf(json: string) {
  const saved = JSON.parse(json) as { search: Parameters<typeof MiniSearch.loadJS>[0] };
  const search = MiniSearch.loadJS(saved.search, {
    fields: ['text', 'context'],
    tokenize: (text: string) => text.split(' ').filter(Boolean),
    processTerm: (term: string) => term,
    searchOptions: { boost: { text: 1, context: 0.35 }, combineWith: 'OR' },
  });
  return {
    query(query: AnalyzedQuery, limit: number) {
      const terms = [...query.terms.keys()];
      if (terms.length === 0) return [];
      const results = search.search(terms.join(' '), {
        boostTerm: (term: string) => query.terms.get(term) ?? 1,
        fuzzy: (term: string) => (query.terms.get(term) === 1 && term.length >= 6 ? 0.15 : false),
        weights: { fuzzy: 0.3, prefix: 0 },
      });
      return results.slice(0, limit).map((result) => ({ ordinal: Number(result.id), score: result.score }));
    },
    passagesWith: (terms: string[]) => search.search(terms.join(' '), { fuzzy: false, prefix: false }).map((result) => Number(result.id)),
    nearlyKnown: (term: string) => search.search(term, { fuzzy: 0.2, prefix: false, boostTerm: () => 1 }).length > 0,
  };
}

const sortedUnique = (arrays: Int32Array[]) => [...new Set(arrays.flatMap((ordinals) => [...ordinals]))].sort((a, b) => a - b);

describe('BM25 over typed postings', () => {
  it('ranks every question of the team set exactly as MiniSearch does: same passages, order and score bits', () => {
    const build = readFileSync(join(sharedIndexDir(), 'CURRENT'), 'utf8').trim();
    const json = readFileSync(join(sharedIndexDir(), 'builds', build, 'lexical.json'), 'utf8');
    const ours = LexicalIndex.fromJSON(json);
    const reference = miniSearchOf(json);
    const lexicon = loadLexicon(lexiconPath());
    expect(questions.length).toBeGreaterThan(30);
    for (const question of questions) {
      const query = analyzeQuery(question, lexicon);
      expect(ours.query(query, 60), question).toEqual(reference.query(query, 60));
      const names = [...query.terms.keys()].slice(0, 3);
      expect(sortedUnique(ours.passagesWith(names)), question).toEqual(reference.passagesWith(names).sort((a, b) => a - b));
    }
    // Near spellings, as MiniSearch's fuzzy search finds them: typos of corpus words, and words it lacks.
    const typed = ['cybersecurite', 'cybersécurité', 'singapur', 'ambasadeur', 'numerique', 'blockchainz', 'bitcoin', 'brésil', 'convention budapest'];
    for (const term of typed) {
      const known = ours.documentCount(term) > 0 || (term.length >= 5 && reference.nearlyKnown(term));
      expect(ours.knowsNearly(term), term).toBe(known);
    }
    expect(typed.filter((term) => ours.knowsNearly(term)).length).toBeGreaterThan(2);
    expect(typed.filter((term) => !ours.knowsNearly(term)).length).toBeGreaterThan(1);
  });

  it('keeps the earlier passage first among equal scores, and an added passage counts once indexed', () => {
    const passage = (id: string, text: string): Passage => ({
      id, paragraphId: id, doc: 'd.txt', section: [], label: '¶1', lines: [1, 1], text, lineMap: [], context: '', kind: 'paragraph',
    });
    const same = 'coopération numérique avec Singapour';
    const index = LexicalIndex.build([passage('a', 'autre chose'), passage('b', same), passage('c', same)]);
    const query = analyzeQuery('coopération numérique Singapour', loadLexicon(lexiconPath()));
    const before = index.query(query, 10);
    expect(before.map((hit) => hit.ordinal)).toEqual([1, 2]);
    expect(before[0]?.score).toBe(before[1]?.score);
    expect(before).toEqual(miniSearchOf(index.toJSON()).query(query, 10));
    index.add([passage('d', `${same} ${same}`)], 3);
    expect(index.query(query, 1).map((hit) => hit.ordinal)).toEqual([3]);
  });
});
