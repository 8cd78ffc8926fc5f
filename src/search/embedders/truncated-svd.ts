import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { LSA_SEED } from '../settings.js';

/** A sparse row of the passage × term matrix: term column → weight. */
export type SparseRow = ReadonlyMap<number, number>;

/** Row-major dense rows × width block: `data[r * width + c]`. */
interface Block {
  rows: number;
  width: number;
  data: Float64Array;
}

/** The sparse matrix in compressed rows, so products walk flat arrays. */
interface Csr {
  rows: number;
  start: Int32Array;
  column: Int32Array;
  value: Float64Array;
}

export interface TruncatedSvd {
  /** Left singular vectors, column-major: `u[d * rows + i]` is passage i's coordinate on concept d. */
  u: Float64Array;
  sigma: Float64Array;
  rank: number;
}

export interface SvdSettings {
  /** Extra basis vectors beyond `rank` (Halko et al. suggest 5–10). */
  oversample: number;
  /** Subspace iterations sharpening the basis towards the leading singular vectors. */
  powerIterations: number;
  seed: number;
}

export const SVD_SETTINGS: SvdSettings = { oversample: 16, powerIterations: 4, seed: LSA_SEED };

/**
 * The `rank` leading singular triplets of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp,
 * 2011, algorithm 4.4). Cost is linear in the non-zeros and in the rows; a full eigen-decomposition of the rows' Gram
 * matrix is cubic in the rows. Seeded, so a build is reproducible.
 */
export function truncatedSvd(sparseRows: readonly SparseRow[], columns: number, rank: number, settings = SVD_SETTINGS): TruncatedSvd {
  const matrix = toCsr(sparseRows);
  const n = matrix.rows;
  const width = Math.min(n, rank + settings.oversample);
  const gramTimes = (block: Block): Block => multiply(matrix, multiplyTransposed(matrix, block, columns));
  let basis = orthonormalize(multiply(matrix, gaussian(columns, width, settings.seed)));
  for (let i = 0; i < settings.powerIterations; i += 1) basis = orthonormalize(gramTimes(basis));
  // The small problem: eigen-decomposition of Qᵀ X Xᵀ Q (width × width) gives the singular values and, through Q, U.
  const eig = new EigenvalueDecomposition(crossProduct(basis, gramTimes(basis)), { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((value, i) => [value, i] as const).sort((a, b) => b[0] - a[0]);
  const kept = order.slice(0, Math.min(rank, width));
  const vectors = eig.eigenvectorMatrix;
  const u = new Float64Array(n * kept.length);
  const sigma = new Float64Array(kept.length);
  kept.forEach(([value, column], d) => {
    sigma[d] = Math.sqrt(Math.max(value, 0));
    const target = u.subarray(d * n, (d + 1) * n);
    for (let j = 0; j < width; j += 1) {
      const weight = vectors.get(j, column);
      for (let i = 0; i < n; i += 1) target[i] = (target[i] ?? 0) + weight * (basis.data[i * width + j] ?? 0);
    }
  });
  return { u, sigma, rank: kept.length };
}

function toCsr(rows: readonly SparseRow[]): Csr {
  const nonZeros = rows.reduce((sum, row) => sum + row.size, 0);
  const start = new Int32Array(rows.length + 1);
  const column = new Int32Array(nonZeros);
  const value = new Float64Array(nonZeros);
  let at = 0;
  rows.forEach((row, i) => {
    for (const [term, weight] of row) {
      column[at] = term;
      value[at] = weight;
      at += 1;
    }
    start[i + 1] = at;
  });
  return { rows: rows.length, start, column, value };
}

/** X · B for a dense columns × width block B. */
function multiply(matrix: Csr, block: Block): Block {
  const { width } = block;
  const out = new Float64Array(matrix.rows * width);
  for (let i = 0; i < matrix.rows; i += 1) {
    const target = out.subarray(i * width, (i + 1) * width);
    for (let k = matrix.start[i] ?? 0; k < (matrix.start[i + 1] ?? 0); k += 1) {
      addScaled(target, block.data, (matrix.column[k] ?? 0) * width, matrix.value[k] ?? 0);
    }
  }
  return { rows: matrix.rows, width, data: out };
}

/** Xᵀ · B for a dense n × width block B. */
function multiplyTransposed(matrix: Csr, block: Block, columns: number): Block {
  const { width } = block;
  const out = new Float64Array(columns * width);
  for (let i = 0; i < matrix.rows; i += 1) {
    for (let k = matrix.start[i] ?? 0; k < (matrix.start[i + 1] ?? 0); k += 1) {
      const at = (matrix.column[k] ?? 0) * width;
      addScaled(out.subarray(at, at + width), block.data, i * width, matrix.value[k] ?? 0);
    }
  }
  return { rows: columns, width, data: out };
}

/** target += scale · source[offset … offset + target.length). */
function addScaled(target: Float64Array, source: Float64Array, offset: number, scale: number): void {
  for (let c = 0; c < target.length; c += 1) target[c] = (target[c] ?? 0) + scale * (source[offset + c] ?? 0);
}

/** Aᵀ · B for two n × width blocks, symmetrised (it is symmetric here up to rounding). */
function crossProduct(a: Block, b: Block): Matrix {
  const left = columnsOf(a);
  const right = columnsOf(b);
  const out = Matrix.zeros(a.width, b.width);
  for (let p = 0; p < a.width; p += 1) {
    for (let q = p; q < b.width; q += 1) {
      const value = (dot(left[p], right[q]) + dot(left[q], right[p])) / 2;
      out.set(p, q, value);
      out.set(q, p, value);
    }
  }
  return out;
}

/**
 * Orthonormal columns spanning the block's, by classical Gram–Schmidt run twice ("twice is enough"), which keeps them
 * orthogonal to working precision; a column dependent on the previous ones becomes zero.
 */
function orthonormalize(block: Block): Block {
  const columns = columnsOf(block);
  columns.forEach((column, c) => {
    for (let pass = 0; pass < 2; pass += 1) {
      for (let p = 0; p < c; p += 1) {
        const previous = columns[p] ?? column;
        subtractScaled(column, previous, dot(previous, column));
      }
    }
    const norm = Math.sqrt(dot(column, column));
    for (let i = 0; i < column.length; i += 1) column[i] = norm > 1e-12 ? (column[i] ?? 0) / norm : 0;
  });
  return fromColumns(columns, block.rows);
}

function columnsOf(block: Block): Float64Array[] {
  return Array.from({ length: block.width }, (_, c) => {
    const column = new Float64Array(block.rows);
    for (let r = 0; r < block.rows; r += 1) column[r] = block.data[r * block.width + c] ?? 0;
    return column;
  });
}

function fromColumns(columns: readonly Float64Array[], rows: number): Block {
  const width = columns.length;
  const data = new Float64Array(rows * width);
  columns.forEach((column, c) => column.forEach((value, r) => (data[r * width + c] = value)));
  return { rows, width, data };
}

function dot(a: Float64Array | undefined, b: Float64Array | undefined): number {
  if (!a || !b) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function subtractScaled(target: Float64Array, source: Float64Array, scale: number): void {
  for (let i = 0; i < target.length; i += 1) target[i] = (target[i] ?? 0) - scale * (source[i] ?? 0);
}

/** A seeded standard-normal block (mulberry32 uniforms, Box–Muller). */
function gaussian(rows: number, width: number, seed: number): Block {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4_294_967_297;
  };
  const data = new Float64Array(rows * width);
  for (let i = 0; i < data.length; i += 1) data[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { rows, width, data };
}
