import { BLOCK_SEPARATOR } from '../ingest/passage-size.js';
import type { Passage } from '../types.js';
import { fingerprint } from '../ingest/mark-duplicates.js';
import { analyzeFrench } from './analyzer.js';
import type { AnalyzedQuery } from './analyze-query.js';
import type { PassageEmbedder } from './embedders/select-embedder.js';
import { fuseRankings } from './fuse-rankings.js';
import type { RankedHit } from './lexical-index.js';
import type { LoadedIndex } from './open-index.js';

/** Which retrievers take part; `hybrid` is the product, the others exist for ablation. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface RetrievedPassage {
  passage: Passage;
  ordinal: number;
  /** Fused score, higher is better. */
  score: number;
  /** Share (0–1) of the question's content words, weighted by rarity, found in the passage. */
  coverage: number;
  /**
   * The passage's block (see `to-passages.ts`) covering the question best: what an answer-type check reads, since a
   * number or a name in a neighbouring block answers nothing.
   */
  block: string;
  /** The block after it in the passage ('' when none): a signature under a letter, a name below its title. */
  nextBlock: string;
}

const CANDIDATES = 60;
/**
 * Coverage weight of an English word the lexicon cannot render and the corpus never uses, relative to a word as rare.
 * Such a word is a dictionary gap ("abroad", "memorandum") about as often as a topic the documents lack ("facial"):
 * it counts, but does not sink an answer on its own. A word the dictionary renders only in words the documents never
 * use ("tomato") is no gap, and counts fully (`AnalyzedQuery.absent`).
 */
const UNTRANSLATED_WEIGHT = 0.5;

/** Hybrid retrieval: BM25 over French-analysed text fused by RRF with the embedder's hnswlib neighbours. */
export class Retriever {
  constructor(
    private readonly index: LoadedIndex,
    private readonly model: PassageEmbedder | null,
    private readonly mode: RetrievalMode = 'hybrid',
  ) {}

  async retrieve(question: string, query: AnalyzedQuery, limit: number): Promise<RetrievedPassage[]> {
    const lexical = this.mode === 'vector' ? [] : this.index.lexical.query(query, CANDIDATES);
    const vector = this.mode === 'lexical' ? [] : await this.vectorHits(question, query);
    const fused = fuseRankings([
      { hits: lexical, weight: 1 },
      { hits: vector, weight: this.model ? 1 : 0.3 },
    ]);
    return this.distinct(fused, query, limit);
  }

  private async vectorHits(question: string, query: AnalyzedQuery): Promise<RankedHit[]> {
    if (this.model) return this.index.vectors.query(await this.model.embedQuery(question), CANDIDATES);
    if (!this.index.lsa) return [];
    return this.index.vectors.query(this.index.lsa.embedTerms(query.terms), CANDIDATES);
  }

  /** Drops passages repeating a better-ranked one (same words in two documents). */
  private distinct(fused: RankedHit[], query: AnalyzedQuery, limit: number): RetrievedPassage[] {
    const kept: RetrievedPassage[] = [];
    const seen = new Set<string>();
    for (const hit of fused) {
      const passage = this.index.passages[hit.ordinal];
      if (!passage) continue;
      const key = fingerprint(passage.text);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push({ passage, ordinal: hit.ordinal, score: hit.score, ...this.bestBlock(passage, query) });
      if (kept.length >= limit) break;
    }
    return kept;
  }

  private readonly termCache = new Map<string, Set<string>>();

  private termsOf(passage: Passage): Set<string> {
    let terms = this.termCache.get(passage.id);
    if (!terms) {
      terms = new Set(analyzeFrench(`${passage.text} ${passage.context}`));
      this.termCache.set(passage.id, terms);
    }
    return terms;
  }

  /** True when neither the corpus nor a near spelling of it holds any term of the group. */
  isUnheardOf(group: readonly string[]): boolean {
    return !group.some((term) => this.index.lexical.knowsNearly(term));
  }

  /** True when the passage (text or index-only context) holds any term of the group. */
  mentions(passage: Passage, group: readonly string[]): boolean {
    const present = this.termsOf(passage);
    return group.some((term) => present.has(term));
  }

  private titleTerms: Map<string, string[]> | null = null;

  /**
   * True when the document's title or date names a term of the group, derived words included: "Feuille de route
   * franco-singapourienne" is about Singapour, and the 2019 activity report about 2019, in every paragraph.
   */
  titleNames(doc: string, group: readonly string[]): boolean {
    this.titleTerms ??= new Map(
      this.index.documents.map((meta) => [meta.doc, analyzeFrench(`${meta.title} ${meta.date}`)]),
    );
    const titleTerms = this.titleTerms.get(doc) ?? [];
    return group.some((term) => titleTerms.some((titleTerm) => titleTerm.startsWith(term)));
  }

  /**
   * The corpus name behind a word of the group that a document's title uses ("singapourien" of "Feuille de route
   * franco-singapourienne", from "singapour"), or `null`. Titles keep this to the partners the documents are about,
   * where any word sharing a name's first letters ("governmental", "government") would not.
   */
  titledNameBehind(group: readonly string[]): string | null {
    for (const term of group) {
      if (!this.index.documents.some((meta) => this.titleNames(meta.doc, [term]))) continue;
      for (let end = term.length; end >= 4; end -= 1) {
        const prefix = term.slice(0, end);
        if (this.index.properNames.has(prefix)) return prefix;
      }
    }
    return null;
  }

  /** Number of source documents in the index. */
  get documentCount(): number {
    return this.index.documents.length;
  }

  /** True when the corpus writes some term of the group as a name (see `proper-names.ts`). */
  isNamedInCorpus(group: readonly string[]): boolean {
    return group.some((term) => this.index.properNames.has(term));
  }

  /** Which documents hold any term of the group, anywhere in them. */
  documentsMentioning(group: readonly string[]): Set<string> {
    return new Set(group.flatMap((term) => [...this.documentsWith(term)]));
  }

  /** Names recur from question to question, and a common one is held by thousands of passages of a large index. */
  private readonly termDocuments = new Map<string, ReadonlySet<string>>();

  private documentsWith(term: string): ReadonlySet<string> {
    let documents = this.termDocuments.get(term);
    if (!documents) {
      const found = new Set<string>();
      for (const ordinals of this.index.lexical.passagesWith([term])) {
        for (const ordinal of ordinals) {
          const doc = this.index.passages[ordinal]?.doc;
          if (doc !== undefined) found.add(doc);
        }
      }
      documents = found;
      this.termDocuments.set(term, documents);
    }
    return documents;
  }

  /**
   * Rarity-weighted share of the question's word groups that one block of the passage (with the passage's index-only
   * context) holds, for its best block: a passage joining short blocks must not cover more than any of them does.
   */
  coverage(passage: Passage, query: AnalyzedQuery): number {
    return this.bestBlock(passage, query).coverage;
  }

  private bestBlock(passage: Passage, query: AnalyzedQuery): { coverage: number; block: string; nextBlock: string } {
    const blocks = passage.text.split(BLOCK_SEPARATOR);
    let best = { coverage: 0, index: 0 };
    this.blockTermsOf(passage).forEach((terms, index) => {
      const coverage = this.coverageOf(terms, query);
      if (coverage > best.coverage) best = { coverage, index };
    });
    return {
      coverage: best.coverage,
      block: blocks[best.index] ?? passage.text,
      nextBlock: blocks[best.index + 1] ?? '',
    };
  }

  private readonly blockTermCache = new Map<string, Set<string>[]>();

  private blockTermsOf(passage: Passage): Set<string>[] {
    let blocks = this.blockTermCache.get(passage.id);
    if (!blocks) {
      const context = analyzeFrench(passage.context);
      blocks = passage.text.split(BLOCK_SEPARATOR).map((block) => new Set([...analyzeFrench(block), ...context]));
      this.blockTermCache.set(passage.id, blocks);
    }
    return blocks;
  }

  private coverageOf(present: ReadonlySet<string>, query: AnalyzedQuery): number {
    let total = 0;
    let found = 0;
    for (const group of query.groups) {
      const untranslated = query.lang === 'en' && this.isUntranslated(group) && !query.absent.has(group[0] ?? '');
      const weight = this.groupWeight(group) * (untranslated ? UNTRANSLATED_WEIGHT : 1);
      total += weight;
      if (group.some((term) => present.has(term))) found += weight;
    }
    return total > 0 ? found / total : 0;
  }

  /** An English word the lexicon could not render and the corpus never uses: a dictionary gap as often as a topic. */
  private isUntranslated(group: readonly string[]): boolean {
    return group.length === 1 && this.index.lexical.documentCount(group[0] ?? '') === 0;
  }

  /** Rarer words weigh more; a word the corpus never uses weighs most (it is likely what the question is about). */
  groupWeight(group: string[]): number {
    const n = this.index.passages.length;
    const counts = group.map((term) => this.index.lexical.documentCount(term)).filter((count) => count > 0);
    if (counts.length === 0) return Math.log(1 + n);
    return Math.log(1 + n / Math.min(...counts));
  }
}
