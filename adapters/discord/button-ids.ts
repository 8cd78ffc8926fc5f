import { randomBytes } from 'node:crypto';
import type { Answer } from '../../src/index.js';

/** Discord's limit on a component's custom id, in characters. */
export const CUSTOM_ID_MAX = 100;

/** Bounded in-memory map from short ids (used in button custom ids) to answers. */
export class AnswerStore {
  private readonly entries = new Map<string, Answer>();

  constructor(private readonly max = 1000) {}

  put(answer: Answer): string {
    let id = randomBytes(6).toString('base64url');
    while (this.entries.has(id)) id = randomBytes(6).toString('base64url');
    this.entries.set(id, answer);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return id;
  }

  get(id: string): Answer | undefined {
    return this.entries.get(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

export type ButtonAction =
  | { action: 'sources'; answerId: string }
  | { action: 'vote'; verdict: 'helpful' | 'not-helpful'; answerId: string };

const PREFIX = 'dpl';

export function customIdFor(action: ButtonAction): string {
  const id =
    action.action === 'sources'
      ? `${PREFIX}:src:${action.answerId}`
      : `${PREFIX}:${action.verdict === 'helpful' ? 'up' : 'down'}:${action.answerId}`;
  return id.slice(0, CUSTOM_ID_MAX);
}

export function parseCustomId(customId: string): ButtonAction | null {
  const match = /^dpl:(src|up|down):([A-Za-z0-9_-]{1,64})$/.exec(customId);
  if (!match?.[1] || !match[2]) return null;
  const answerId = match[2];
  if (match[1] === 'src') return { action: 'sources', answerId };
  return { action: 'vote', verdict: match[1] === 'up' ? 'helpful' : 'not-helpful', answerId };
}
