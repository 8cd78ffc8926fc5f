import { BLOCK_SEPARATOR } from '../ingest/passage-size.js';
import type { Passage } from '../types.js';
import { fingerprint } from '../ingest/mark-duplicates.js';
import { analyzeFrench } from './analyzer.js';
import type { AnalyzedQuery } from './analyze-query.js';
import type { PassageEmbedder } from './embedders/select-embedder.js';
import { fuseRankings } from './fuse-rankings.js';
import type { RankedHit } from './lexical-index.js';
import type { LoadedIndex } from './open-index.js';
import { PassageTerms } from './passage-terms.js';
import { QuestionCoverage } from './question-coverage.js';
import { densestShare, positionsOf, proximity, viewOf, type RetrieverView } from './ranking-features.js';
import { rankingScore, type RankingFeatures, type RankingModel } from './ranking-model.js';

/** Which retrievers take part; `hybrid` is the product, the others exist for ablation. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface RetrievedPassage {
  passage: Passage;
  ordinal: number;
  /** The ranking model's score (`ranking-model.ts`), higher is better. */
  score: number;
  /** What the ranking model read. */
  ranking: RankingFeatures;
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

/** What every passage of one question is scored against, worked out once. */
interface QueryFrame {
  query: AnalyzedQuery;
  /** Each retriever's hits, to read a passage's relative score and rank in it. */
  views: Record<'fused' | 'lexical' | 'vector', RetrieverView>;
  /** Each word group's coverage weight, in the query's order. */
  weights: number[];
  /** What a passage must hold to answer the question's form, or null (see `expectedAnswer`). */
  answerForm: ((text: string) => boolean) | null;
}

const CANDIDATES = 60;

/** Hybrid retrieval: BM25 over French-analysed text fused by RRF with the embedder's hnswlib neighbours. */
export class Retriever {
  constructor(
    private readonly index: LoadedIndex,
    private readonly model: PassageEmbedder | null,
    private readonly ranking: RankingModel,
    private readonly mode: RetrievalMode = 'hybrid',
  ) {
    this.weigh = new QuestionCoverage(index);
  }

  /**
   * The fused passages, the best `ranking.candidates` of them reordered by the ranking model; any further ones (a
   * search asking for more) follow in the model's order among themselves, so the first ones never depend on `limit`.
   * `answerForm` is what a passage must hold to answer the question's form (`expectedAnswer`), worked out once by the
   * caller, which checks answers against the same test.
   */
  async retrieve(
    question: string,
    query: AnalyzedQuery,
    limit: number,
    answerForm: ((text: string) => boolean) | null,
  ): Promise<RetrievedPassage[]> {
    const lexical = this.mode === 'vector' ? [] : this.index.lexical.query(query, CANDIDATES);
    const vector = this.mode === 'lexical' ? [] : await this.vectorHits(question, query);
    const fused = fuseRankings([
      { hits: lexical, weight: 1 },
      { hits: vector, weight: this.model ? 1 : 0.3 },
    ]);
    const frame: QueryFrame = {
      query,
      views: { fused: viewOf(fused), lexical: viewOf(lexical), vector: viewOf(vector) },
      weights: query.groups.map((group) => this.weigh.coverageWeight(group, query)),
      answerForm,
    };
    const pool = this.distinct(fused, frame, Math.max(limit, this.ranking.candidates));
    const byScore = (a: RetrievedPassage, b: RetrievedPassage) => b.score - a.score;
    const reordered = pool.slice(0, this.ranking.candidates).sort(byScore);
    return [...reordered, ...pool.slice(this.ranking.candidates).sort(byScore)].slice(0, limit);
  }

  /** How many of the best fused passages the ranking model reorders. */
  get rankedCount(): number {
    return this.ranking.candidates;
  }

  private async vectorHits(question: string, query: AnalyzedQuery): Promise<RankedHit[]> {
    if (this.model) return this.index.vectors.query(await this.model.embedQuery(question), CANDIDATES);
    if (!this.index.lsa) return [];
    return this.index.vectors.query(this.index.lsa.embedTerms(query.terms), CANDIDATES);
  }

  /** The fused passages with their ranking features, without those repeating a better-fused one (same words in two documents). */
  private distinct(fused: RankedHit[], frame: QueryFrame, limit: number): RetrievedPassage[] {
    const kept: RetrievedPassage[] = [];
    const seen = new Set<string>();
    for (const hit of fused) {
      const passage = this.index.passages[hit.ordinal];
      if (!passage) continue;
      const key = fingerprint(passage.text);
      if (seen.has(key)) continue;
      seen.add(key);
      const best = this.bestBlock(passage, frame.query);
      const ranking = this.rankingFeatures(passage, hit.ordinal, best.coverage, frame);
      kept.push({ passage, ordinal: hit.ordinal, score: rankingScore(ranking, this.ranking), ranking, ...best });
      if (kept.length >= limit) break;
    }
    return kept;
  }

  private rankingFeatures(passage: Passage, ordinal: number, coverage: number, frame: QueryFrame): RankingFeatures {
    const { query, views } = frame;
    const terms = this.terms.of(passage);
    const positions = positionsOf(terms.sequence, query.groups);
    return {
      fused: views.fused.relative(ordinal),
      lexical: views.lexical.relative(ordinal),
      vector: views.vector.relative(ordinal),
      coverage,
      passageCoverage: this.weigh.coverageOf(terms.all, query),
      headingCoverage: this.weigh.coverageOf(terms.context, query),
      proximity: proximity(positions),
      density: densestShare(positions, frame.weights),
      length: Math.log(Math.max(passage.text.length, 1)) / 7,
      lexicalRank: views.lexical.reciprocalRank(ordinal),
      vectorRank: views.vector.reciprocalRank(ordinal),
      answerForm: !frame.answerForm || frame.answerForm(passage.text) ? 1 : 0,
    };
  }

  private readonly terms = new PassageTerms();
  private readonly weigh: QuestionCoverage;

  /** True when neither the corpus nor a near spelling of it holds any term of the group. */
  isUnheardOf(group: readonly string[]): boolean {
    return !group.some((term) => this.index.lexical.knowsNearly(term));
  }

  /** True when the passage (text or index-only context) holds any term of the group. */
  mentions(passage: Passage, group: readonly string[]): boolean {
    const present = this.terms.of(passage).all;
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
    // A name's derived adjective drops its final vowel: "Inde" in "franco-indienne", "Chine" in "sino-chinoise".
    const starts = (term: string) => (term.length > 3 ? term.replace(/[aeiouy]$/u, '') : term);
    return group.some((term) => titleTerms.some((titleTerm) => titleTerm.startsWith(starts(term))));
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

  private followers: Map<string, Passage> | null = null;

  /** The passage after this one in its document, or null: a list may go on past a passage's end. */
  passageAfter(passage: Passage): Passage | null {
    this.followers ??= followersOf(this.index.passages);
    return this.followers.get(passage.id) ?? null;
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
   * The passage's block (with the passage's index-only context) holding most of the question, by rarity-weighted
   * share: a passage joining short blocks must not cover more than any of them does.
   */
  private bestBlock(passage: Passage, query: AnalyzedQuery): { coverage: number; block: string; nextBlock: string } {
    const blocks = passage.text.split(BLOCK_SEPARATOR);
    const terms = this.terms.of(passage).blocks;
    let best = { coverage: 0, index: 0 };
    terms.forEach((present, index) => {
      const coverage = this.weigh.coverageOf(present, query);
      if (coverage > best.coverage) best = { coverage, index };
    });
    return {
      coverage: best.coverage,
      block: blocks[best.index] ?? passage.text,
      nextBlock: blocks[best.index + 1] ?? '',
    };
  }

  /** See `QuestionCoverage.specificGroups`. */
  specificGroups(query: AnalyzedQuery): string[][] {
    return this.weigh.specificGroups(query);
  }

  /** See `QuestionCoverage.groupWeight`. */
  groupWeight(group: string[]): number {
    return this.weigh.groupWeight(group);
  }
}

/** Each passage's follower in its document, by passage id (built once, on the first list that needs it). */
function followersOf(passages: readonly Passage[]): Map<string, Passage> {
  const byDoc = new Map<string, Passage[]>();
  for (const passage of passages) {
    const ofDoc = byDoc.get(passage.doc);
    if (ofDoc) ofDoc.push(passage);
    else byDoc.set(passage.doc, [passage]);
  }
  const followers = new Map<string, Passage>();
  for (const ofDoc of byDoc.values()) {
    ofDoc.sort((a, b) => a.lines[0] - b.lines[0]);
    ofDoc.forEach((passage, i) => {
      const next = ofDoc[i + 1];
      if (next) followers.set(passage.id, next);
    });
  }
  return followers;
}
