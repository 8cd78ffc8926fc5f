import MiniSearch from 'minisearch';
import type { Passage } from '../types.js';
import { analyzeFrench } from './analyzer.js';
import type { AnalyzedQuery } from './analyze-query.js';
import { Bm25Postings, type TermQuery } from './bm25-postings.js';

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

const BOOSTS = { text: 1, context: 0.35 };

const options = {
  fields: ['text', 'context'],
  tokenize: splitTerms,
  processTerm: (term: string) => term,
  searchOptions: { boost: BOOSTS, combineWith: 'OR' as const },
};

/** What `query` asks MiniSearch for (BM25+ defaults), scored by `Bm25Postings`. */
const SCORING = {
  fields: options.fields.map((name) => ({ name, boost: BOOSTS[name as keyof typeof BOOSTS] })),
  fuzzyWeight: 0.3,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

/** A query word seen once may match a near spelling, if long enough for that to be a typo rather than another word. */
const queryFuzziness = (weight: number | undefined, term: string): number | false => (weight === 1 && term.length >= 6 ? 0.15 : false);

/** BM25 (MiniSearch's BM25+) over French-analysed passages; terms arrive already stemmed and folded. */
export class LexicalIndex {
  private constructor(
    /** MiniSearch's index, to add passages to and to save; absent in an index opened to serve queries. */
    private readonly search: MiniSearch<IndexedFields> | null,
    private readonly df: Map<string, number>,
    /** MiniSearch's postings as typed arrays, for fast scoring; built from its serialised form when first needed. */
    private postings: Bm25Postings | null = null,
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
    this.writable.addAll(docs);
    this.postings = null;
  }

  /**
   * An index to serve queries holds only its postings (MiniSearch's own structures would double load time and memory);
   * `forQueries: false` opens one to extend and save instead, never queried.
   */
  static fromJSON(json: string, { forQueries = true } = {}): LexicalIndex {
    const saved = JSON.parse(json) as { search: Parameters<typeof MiniSearch.loadJS>[0]; df: [string, number][] };
    const df = new Map(saved.df);
    if (forQueries) return new LexicalIndex(null, df, new Bm25Postings(saved.search, SCORING));
    return new LexicalIndex(MiniSearch.loadJS<IndexedFields>(saved.search, options), df);
  }

  private get writable(): MiniSearch<IndexedFields> {
    if (!this.search) throw new Error('a lexical index opened to serve queries cannot be extended or saved');
    return this.search;
  }

  private get scorer(): Bm25Postings {
    this.postings ??= new Bm25Postings(this.writable.toJSON(), SCORING);
    return this.postings;
  }

  toJSON(): string {
    return JSON.stringify({ search: this.writable, df: [...this.df] });
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
    return splitTerms(term).some((token) => this.scorer.hasNear(token, NEAR_SPELLING));
  }

  /** Ordinals of the passages holding any of the terms exactly, by field (an ordinal may repeat). */
  passagesWith(terms: readonly string[]): Int32Array[] {
    return splitTerms(terms.join(' ')).flatMap((term) => this.scorer.passagesWith(term));
  }

  /** BM25+ over the query's weighted terms, a near spelling of a long term counting at 0.3. */
  query(query: AnalyzedQuery, limit: number): RankedHit[] {
    const tokens = splitTerms([...query.terms.keys()].join(' '));
    const queries = tokens.map((term): TermQuery => {
      const weight = query.terms.get(term);
      return { term, boost: weight ?? 1, fuzzy: queryFuzziness(weight, term) };
    });
    return this.scorer.top(queries, limit);
  }
}
