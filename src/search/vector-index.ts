import hnswlib from 'hnswlib-node';
import type { RankedHit } from './lexical-index.js';

const { HierarchicalNSW } = hnswlib;

/** hnswlib cosine index over passage vectors; labels are passage ordinals. Scores are `1 - cosine distance`. */
export class VectorIndex {
  private constructor(private readonly index: InstanceType<typeof HierarchicalNSW>) {}

  static build(vectors: readonly number[][], dimension: number): VectorIndex {
    const index = new HierarchicalNSW('cosine', dimension);
    index.initIndex(Math.max(vectors.length, 1), 16, 200, 100);
    vectors.forEach((vector, ordinal) => index.addPoint(vector, ordinal));
    index.setEf(128);
    return new VectorIndex(index);
  }

  static read(path: string, dimension: number): VectorIndex {
    const index = new HierarchicalNSW('cosine', dimension);
    index.readIndexSync(path);
    index.setEf(128);
    return new VectorIndex(index);
  }

  /** Adds vectors labelled from `firstOrdinal` on, growing the index: how an added document joins a built one. */
  add(vectors: readonly number[][], firstOrdinal: number): void {
    const needed = firstOrdinal + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(needed);
    vectors.forEach((vector, i) => this.index.addPoint(vector, firstOrdinal + i));
  }

  /** The stored vector of a passage (as hnswlib keeps it: unit length), to rebuild the index without embedding again. */
  vectorOf(ordinal: number): number[] {
    return this.index.getPoint(ordinal);
  }

  write(path: string): void {
    this.index.writeIndexSync(path);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  query(vector: number[], limit: number): RankedHit[] {
    const k = Math.min(limit, this.size);
    if (k === 0 || vector.every((value) => value === 0)) return [];
    const { neighbors, distances } = this.index.searchKnn(vector, k);
    return neighbors.map((ordinal, i) => ({ ordinal, score: 1 - (distances[i] ?? 1) }));
  }
}
