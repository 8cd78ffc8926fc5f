import { AppError } from '../../../src/index.js';

/** The `q` parameter, checked for presence and length before the core sees it (the core checks the rest). */
export function readQuestion(params: URLSearchParams, maxChars: number): string {
  const q = params.get('q');
  if (q === null || !q.trim()) throw new AppError('BAD_INPUT', 'The question is empty (use ?q=…).');
  if (q.length > maxChars) throw new AppError('BAD_INPUT', `The question is too long (at most ${maxChars} characters).`);
  return q;
}

/** `k` for search: an integer from 1 to 50, default 5. */
export function readLimit(params: URLSearchParams): number {
  const raw = params.get('k');
  if (raw === null || raw === '') return 5;
  if (!/^\d{1,3}$/u.test(raw)) throw new AppError('BAD_INPUT', 'k must be a whole number from 1 to 50.');
  const k = Number(raw);
  if (k < 1 || k > 50) throw new AppError('BAD_INPUT', 'k must be a whole number from 1 to 50.');
  return k;
}
