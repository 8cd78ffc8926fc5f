import type { Answer } from '../../src/index.js';
import { DAY, HOUR } from '../shared/seconds.js';
import { orSafe } from '../shared/or-safe.js';
import type { StateStore } from '../shared/state-store.js';
import { newAnswerId, parseStoredAnswer, storedAnswer } from '../shared/stored-answer.js';
import type { AdapterLogger } from '../shared/logger.js';

/** How long each kind of key is kept, in seconds. */
const TTL = {
  // The gateway replays events on resume, and a second session of the same shard receives them too.
  delivery: HOUR,
  // "Show full sources" and the votes stay under an answer; a week covers any conversation still being read.
  answer: 7 * DAY,
  vote: 90 * DAY,
} as const;

/**
 * What the Discord handlers remember, in the state store shared by restarts and replicas. A store that cannot decide
 * is read the safe way: an event is not handled (never twice), an answer reads as expired, a vote is not counted.
 */
export interface DiscordMemory {
  /** True the first time an interaction (`i:<id>`) or message (`m:<id>`) is seen. */
  firstDelivery(key: string): Promise<boolean>;
  /** Keeps an answer for its buttons; returns the short id they carry. */
  rememberAnswer(answer: Answer): Promise<string>;
  recallAnswer(id: string): Promise<Answer | undefined>;
  /** `'counted'` the first time, `'already'` after, `'unknown'` when the store cannot say. */
  countVote(vote: string): Promise<'counted' | 'already' | 'unknown'>;
  /** Gives a vote back when it could not be saved, so the voter may vote again. */
  forgetVote(vote: string): Promise<void>;
}

export function createDiscordMemory(state: StateStore, log: AdapterLogger): DiscordMemory {
  const failed = (what: string) => (error: unknown) => {
    log.warn({ err: error instanceof Error ? error.message : 'unknown', store: state.health().store }, `discord: state store failed: ${what}`);
  };
  return {
    firstDelivery: (key) => orSafe(state.claim(`discord:${key}`, TTL.delivery), false, failed('event not handled (it may have been, elsewhere)')),
    async rememberAnswer(answer) {
      const id = newAnswerId();
      const json = storedAnswer(answer);
      await orSafe(state.remember(`discord:answer:${id}`, json, TTL.answer), undefined, failed('answer not remembered for its buttons'));
      return id;
    },
    recallAnswer: (id) => {
      const answer = state.recall(`discord:answer:${id}`).then((json) => (json === undefined ? undefined : parseStoredAnswer(json)));
      return orSafe(answer, undefined, failed('answer not recalled'));
    },
    countVote: (vote) =>
      orSafe(state.claim(`discord:vote:${vote}`, TTL.vote).then((won) => (won ? 'counted' : 'already')), 'unknown', failed('vote not counted')),
    forgetVote: (vote) => orSafe(state.release(`discord:vote:${vote}`), undefined, failed('vote not given back')),
  };
}
