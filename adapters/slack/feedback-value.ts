import { LIMITS } from './blocks.js';
import { truncate } from '../shared/truncate.js';

export const ACTION_HELPFUL = 'feedback_helpful';
export const ACTION_NOT_HELPFUL = 'feedback_not_helpful';
export const ACTION_SHARE = 'share_answer';

/** What a button carries: the question, the cited passage ids and, for Share, the id of the answer shown. */
export interface FeedbackValue {
  question: string;
  citations: string[];
  answerId?: string;
}

/** Compact JSON for a button value, always ≤ 2000 characters. */
export function encodeFeedbackValue(value: FeedbackValue): string {
  const q = truncate(value.question, LIMITS.valueQuestion);
  const a = value.answerId === undefined ? {} : { a: value.answerId };
  const ids: string[] = [];
  for (const id of value.citations.slice(0, LIMITS.valueCitations)) {
    const next = JSON.stringify({ q, c: [...ids, id], ...a });
    if (next.length > LIMITS.buttonValue) break;
    ids.push(id);
  }
  let out = JSON.stringify({ q, c: ids, ...a });
  // JSON escaping can lengthen a question; shrink it until it fits.
  let len = q.length;
  while (out.length > LIMITS.buttonValue && len > 0) {
    len = Math.floor(len * 0.8);
    out = JSON.stringify({ q: truncate(value.question, len), c: ids, ...a });
  }
  return out;
}

/** Reads a button value back; `null` when it is not one of ours. */
export function decodeFeedbackValue(raw: string | undefined): FeedbackValue | null {
  if (raw === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const q: unknown = Reflect.get(data, 'q');
  const c: unknown = Reflect.get(data, 'c');
  if (typeof q !== 'string') return null;
  const a: unknown = Reflect.get(data, 'a');
  const citations = Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [];
  return { question: q, citations, ...(typeof a === 'string' ? { answerId: a } : {}) };
}
