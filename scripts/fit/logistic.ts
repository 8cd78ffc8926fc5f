import { Matrix, solve } from 'ml-matrix';

export interface LogisticFit {
  weights: number[];
  bias: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares): a handful of steps
 * converge on a few thousand rows of ten features. The bias is not penalised. `l2` keeps the weights of checks that
 * separate the training rows perfectly finite. `rowWeights` (1 each by default) lets a question count once however
 * many rows it gives.
 */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  l2: number,
  rowWeights: readonly number[] = rows.map(() => 1),
): LogisticFit {
  const width = (rows[0]?.length ?? 0) + 1;
  const x = new Matrix(rows.map((row) => [...row, 1]));
  let beta = Matrix.zeros(width, 1);
  for (let step = 0; step < 50; step += 1) {
    const probabilities = x.mmul(beta).to1DArray().map(sigmoid);
    const gradient = x.transpose().mmul(Matrix.columnVector(probabilities.map((p, i) => (rowWeights[i] ?? 1) * (p - (labels[i] ?? 0)))));
    const hessian = weightedGram(x, probabilities.map((p, i) => (rowWeights[i] ?? 1) * p * (1 - p)));
    for (let j = 0; j < width - 1; j += 1) {
      gradient.set(j, 0, gradient.get(j, 0) + l2 * beta.get(j, 0));
      hessian.set(j, j, hessian.get(j, j) + l2);
    }
    const delta = solve(hessian, gradient);
    beta = beta.sub(delta);
    if (delta.norm() < 1e-9) break;
  }
  const coefficients = beta.to1DArray();
  return { weights: coefficients.slice(0, -1), bias: coefficients.at(-1) ?? 0 };
}

/** Xᵀ diag(w) X without building the n×n diagonal. */
function weightedGram(x: Matrix, w: readonly number[]): Matrix {
  const gram = Matrix.zeros(x.columns, x.columns);
  for (let i = 0; i < x.rows; i += 1) {
    const row = x.getRow(i);
    const weight = w[i] ?? 0;
    for (let a = 0; a < row.length; a += 1) {
      for (let b = 0; b < row.length; b += 1) gram.set(a, b, gram.get(a, b) + weight * (row[a] ?? 0) * (row[b] ?? 0));
    }
  }
  return gram;
}
