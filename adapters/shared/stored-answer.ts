import { randomBytes } from 'node:crypto';
import type { Answer } from '../../src/index.js';

/** A short random id for an answer kept for the buttons under it. */
export function newAnswerId(): string {
  return randomBytes(9).toString('base64url');
}

/** The answer as kept in the state store: what is shown, without the passages behind it (the core's material). */
export function storedAnswer(answer: Answer): string {
  if (answer.kind !== 'answered') return JSON.stringify(answer);
  const { grounds: _grounds, ...shown } = answer;
  return JSON.stringify(shown);
}

/** An answer read back from the state store; a row of another shape reads as expired. */
export function parseStoredAnswer(json: string): Answer | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || !('kind' in value) || !('query' in value)) return undefined;
    return value.kind === 'answered' || value.kind === 'not-covered' ? (value as Answer) : undefined;
  } catch {
    return undefined;
  }
}
