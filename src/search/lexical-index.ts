import MiniSearch from 'minisearch';
import type { Passage } from '../types.js';
import { analyzeFrench } from './analyzer.js';
import type { AnalyzedQuery } from './analyze-query.js';

/** A ranked hit of one retriever: passage ordinal and a higher-is-better score. */
export interface RankedHit {
  ordinal: number;
  score: number;
}

interface IndexedFields {
  id: number;
  text: string;
  context: string;
}

/** MiniSearch's fuzziness: at most this share of the term's letters may differ (1 edit in 6 letters, 2 in 10). */
const NEAR_SPELLING = 0.2;

/** Terms shorter than this are known only exactly. */
const MIN_FUZZY_LENGTH = 5;

const splitTerms = (text: string): string[] => text.split(' ').filter(Boolean);

const options = {
  fields: ['text', 'context'],
  tokenize: splitTerms,
  processTerm: (term: string) => term,
  searchOptions: { boost: { text: 1, context: 0.35 }, combineWith: 'OR' as const },
};

/** BM25 (MiniSearch's BM25+) over French-analysed passages; terms arrive already stemmed and folded. */
export class LexicalIndex {
  private constructor(
    private readonly search: MiniSearch<IndexedFields>,
    private readonly df: Map<string, number>,
  ) {}

  static build(passages: readonly Passage[]): LexicalIndex {
    const index = new LexicalIndex(new MiniSearch<IndexedFields>(options), new Map());
    index.add(passages, 0);
    return index;
  }

  /** Indexes more passages, numbered from `firstOrdinal` on: how an added document joins a built index. */
  add(passages: readonly Passage[], firstOrdinal: number): void {
    const docs = passages.map((passage, i) => {
      const text = analyzeFrench(passage.text);
      const context = analyzeFrench(passage.context);
      new Set([...text, ...context]).forEach((term) => this.df.set(term, (this.df.get(term) ?? 0) + 1));
      return { id: firstOrdinal + i, text: text.join(' '), context: context.join(' ') };
    });
    this.search.addAll(docs);
  }

  static fromJSON(json: string): LexicalIndex {
    const saved = JSON.parse(json) as { search: Parameters<typeof MiniSearch.loadJS>[0]; df: [string, number][] };
    return new LexicalIndex(MiniSearch.loadJS<IndexedFields>(saved.search, options), new Map(saved.df));
  }

  toJSON(): string {
    return JSON.stringify({ search: this.search, df: [...this.df] });
  }

  /** Number of passages holding a term (0 when the corpus never uses it). */
  documentCount(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /**
   * True when the corpus uses the term or a word one or two edits away from it (a typo, a variant spelling). Short
   * terms must match exactly: one edit away from "eid" lies "aid", and from almost any short word another.
   */
  knowsNearly(term: string): boolean {
    if (this.documentCount(term) > 0) return true;
    if (term.length < MIN_FUZZY_LENGTH) return false;
    return this.search.search(term, { fuzzy: NEAR_SPELLING, prefix: false, boostTerm: () => 1 }).length > 0;
  }

  /** Ordinals of the passages holding any of the terms exactly. */
  passagesWith(terms: readonly string[]): number[] {
    const results = this.search.search(terms.join(' '), { fuzzy: false, prefix: false, combineWith: 'OR' });
    return results.map((result) => Number(result.id));
  }

  get passageCount(): number {
    return this.search.documentCount;
  }

  query(query: AnalyzedQuery, limit: number): RankedHit[] {
    const terms = [...query.terms.keys()];
    if (terms.length === 0) return [];
    const results = this.search.search(terms.join(' '), {
      boostTerm: (term: string) => query.terms.get(term) ?? 1,
      fuzzy: (term: string) => (query.terms.get(term) === 1 && term.length >= 6 ? 0.15 : false),
      weights: { fuzzy: 0.3, prefix: 0 },
    });
    return results.slice(0, limit).map((result) => ({ ordinal: Number(result.id), score: result.score }));
  }
}
