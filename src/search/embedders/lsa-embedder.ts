import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { analyzeFrench } from '../analyzer.js';
import { conceptTerm } from '../stem-splits.js';
import { SVD_SETTINGS, truncatedSvd } from './truncated-svd.js';

/** What a saved LSA model holds: vocabulary, idf and the term→concept projection (row-major, terms × dims). */
export interface LsaModel {
  vocabulary: string[];
  idf: number[];
  dimension: number;
  projection: Float32Array;
}

type SparseVector = Map<number, number>;

/**
 * A model-free embedder derived from the corpus itself: latent semantic analysis over sublinear TF-IDF.
 * Passages sharing few words with a question can still meet it through co-occurring vocabulary.
 */
export class LsaEmbedder implements EmbeddingsInterface {
  readonly id: string;
  private readonly termIndex: Map<string, number>;

  constructor(readonly model: LsaModel) {
    this.id = `lsa-tfidf-v1/${model.dimension}`;
    this.termIndex = new Map(model.vocabulary.map((term, i) => [term, i]));
  }

  get dimension(): number {
    return this.model.dimension;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedTerms(countTerms(analyzeFrench(text))));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedTerms(countTerms(analyzeFrench(text)));
  }

  /** Embeds already-analysed, weighted terms (used for translated English questions). */
  embedTerms(counts: ReadonlyMap<string, number>): number[] {
    const sparse = this.tfidf(counts);
    const { dimension, projection } = this.model;
    const out = new Array<number>(dimension).fill(0);
    for (const [row, value] of sparse) {
      const base = row * dimension;
      for (let d = 0; d < dimension; d += 1) out[d] = (out[d] ?? 0) + value * (projection[base + d] ?? 0);
    }
    return normalize(out);
  }

  /** Sublinear TF-IDF of analysed terms, L2-normalised, keyed by vocabulary row. */
  tfidf(counts: ReadonlyMap<string, number>): SparseVector {
    const sparse: SparseVector = new Map();
    for (const [row, count] of this.rowCounts(counts)) {
      if (count > 0) sparse.set(row, (1 + Math.log(count)) * (this.model.idf[row] ?? 0));
    }
    return normalizeSparse(sparse);
  }

  /** Counts by vocabulary row; the terms of a split stem family count towards their Snowball stem's row. */
  private rowCounts(counts: ReadonlyMap<string, number>): Map<number, number> {
    const byRow = new Map<number, number>();
    for (const [term, count] of counts) {
      const row = this.termIndex.get(conceptTerm(term));
      if (row !== undefined) byRow.set(row, (byRow.get(row) ?? 0) + count);
    }
    return byRow;
  }
}

/**
 * The LSA space is fitted on at most this many passages, spread evenly over the corpus; the others are folded in
 * through the fitted projection, as added documents are. Below it (the seeds hold 644 passages) the fit is exact; above
 * it the truncated SVD, the build's costliest step, stops growing with the corpus, so the build stays linear with a
 * small slope. Terms found only outside the sample have no concept vector; BM25 still finds them.
 */
export const LSA_FIT_PASSAGES = 2_000;

/** Fits LSA on the passages' analysed text (a truncated SVD of their TF-IDF matrix) and embeds every passage. */
export function fitLsa(
  texts: readonly string[],
  wantedDimension: number,
  seed = SVD_SETTINGS.seed,
): { embedder: LsaEmbedder; vectors: number[][] } {
  const bags = texts.map((text) => countTerms(analyzeFrench(text).map(conceptTerm)));
  const df = new Map<string, number>();
  bags.forEach((bag) => bag.forEach((_, term) => df.set(term, (df.get(term) ?? 0) + 1)));
  const vocabulary = [...df.keys()].filter((term) => (df.get(term) ?? 0) >= 1).sort();
  const idf = vocabulary.map((term) => Math.log((1 + texts.length) / (1 + (df.get(term) ?? 0))) + 1);
  const draft = new LsaEmbedder({ vocabulary, idf, dimension: 0, projection: new Float32Array() });
  const rows = evenSample(bags, LSA_FIT_PASSAGES).map((bag) => draft.tfidf(bag));
  const dimension = Math.min(wantedDimension, rows.length - 1);
  const embedder = new LsaEmbedder({ vocabulary, idf, dimension, projection: project(rows, vocabulary.length, dimension, seed) });
  return { embedder, vectors: bags.map((bag) => embedder.embedTerms(bag)) };
}

/** At most `limit` items, evenly spread and always the same for the same input. */
function evenSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, j) => items[Math.floor((j * items.length) / limit)] as T);
}

/** Term → concept projection: the term side (V = Xᵀ U Σ⁻¹) of the TF-IDF matrix's truncated SVD. */
function project(rows: SparseVector[], terms: number, dimension: number, seed: number): Float32Array {
  const n = rows.length;
  const { u, sigma, rank } = truncatedSvd(rows, terms, dimension, { ...SVD_SETTINGS, seed });
  const projection = new Float32Array(terms * dimension);
  for (let d = 0; d < rank; d += 1) {
    const scale = 1 / Math.max(sigma[d] ?? 0, 1e-6);
    rows.forEach((row, i) => {
      const weight = (u[d * n + i] ?? 0) * scale;
      for (const [term, value] of row) projection[term * dimension + d] = (projection[term * dimension + d] ?? 0) + value * weight;
    });
  }
  return projection;
}

export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  terms.forEach((term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  return counts;
}


function normalizeSparse(vector: SparseVector): SparseVector {
  const norm = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  if (norm > 0) vector.forEach((value, key) => vector.set(key, value / norm));
  return vector;
}

function normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm > 0 ? vector.map((value) => value / norm) : vector;
}
