import { AppError } from '../errors.js';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_CHARS = 1000;

/** Trims a question and rejects what no search can use: empty, oversized, or binary text. */
export function validateQuestion(input: unknown): string {
  if (typeof input !== 'string') throw new AppError('BAD_INPUT', 'The question must be text.');
  if (input.length > MAX_QUESTION_CHARS * 4) {
    throw new AppError('BAD_INPUT', `The question is too long (at most ${MAX_QUESTION_CHARS} characters).`);
  }
  const question = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!question) throw new AppError('BAD_INPUT', 'The question is empty.');
  if (question.length > MAX_QUESTION_CHARS) {
    throw new AppError('BAD_INPUT', `The question is too long (at most ${MAX_QUESTION_CHARS} characters).`);
  }
  // eslint-disable-next-line no-control-regex
  const junk = (question.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/gu) ?? []).length;
  const letters = (question.match(/\p{L}/gu) ?? []).length;
  if (junk > 0 || letters === 0) throw new AppError('BAD_INPUT', 'The question does not look like text.');
  return question;
}
