import { describeError, type Answer } from '../../src/index.js';
import { orSafe } from '../shared/or-safe.js';
import type { StateStore } from '../shared/state-store.js';
import { newAnswerId, parseStoredAnswer, storedAnswer } from '../shared/stored-answer.js';
import { DAY, HOUR } from '../shared/seconds.js';
import type { AdapterLogger } from '../shared/logger.js';

/** How long each kind of key is kept, in seconds. */
const TTL = {
  // Slack retries a delivery three times within about five minutes; an hour leaves room for a slow restart.
  delivery: HOUR,
  // Follow-ups without a mention are expected while a conversation lasts, not forever.
  thread: 7 * DAY,
  // The buttons stay under the answer: a vote is remembered as long as anyone may plausibly click again.
  vote: 90 * DAY,
  // A private answer's Share button; Slack lets an ephemeral message be acted on for about a day at most.
  answer: DAY,
} as const;

/**
 * What the Slack handlers remember, in the state store shared by restarts and replicas. A store that cannot decide
 * is read the safe way: an event is not answered (never twice), a thread is not followed, a vote is not counted.
 */
export interface SlackMemory {
  /** True the first time an event is seen, by id and by channel + ts (a mention also arrives as a message). */
  firstDelivery(eventId: string | undefined, channel: string, ts: string): Promise<boolean>;
  /** Whether the bot answered in this thread (follow-ups need no mention there). */
  followsThread(channel: string, threadTs: string): Promise<boolean>;
  followThread(channel: string, threadTs: string): Promise<void>;
  /** `'counted'` the first time, `'already'` after, `'unknown'` when the store cannot say. */
  countVote(vote: string): Promise<'counted' | 'already' | 'unknown'>;
  /** Gives a vote back when it could not be saved, so the voter may vote again. */
  forgetVote(vote: string): Promise<void>;
  /** Keeps an answer for its Share button; returns the id the button carries, or null when it could not be kept. */
  rememberAnswer(answer: Answer): Promise<string | null>;
  recallAnswer(id: string): Promise<Answer | undefined>;
}

export function createSlackMemory(state: StateStore, log: AdapterLogger): SlackMemory {
  const failed = (what: string) => (error: unknown) => {
    log.warn({ err: describeError(error), store: state.health().store }, `state store failed: ${what}`);
  };
  return {
    firstDelivery(eventId, channel, ts) {
      // One claim after the other: made at once, a delivery and its retry racing on two replicas could each win one
      // of the two keys, and neither answer. The event id settles retries of one event; then the message key
      // settles the mention and the message Slack sends for the same post.
      const first = (async (): Promise<boolean> => {
        if (eventId !== undefined && !(await state.claim(`slack:event:${eventId}`, TTL.delivery))) return false;
        return state.claim(`slack:msg:${channel}:${ts}`, TTL.delivery);
      })();
      return orSafe(first, false, failed('event not answered (it may have been, elsewhere)'));
    },
    followsThread: (channel, threadTs) => {
      const followed = state.recall(`slack:thread:${channel}:${threadTs}`).then((value) => value !== undefined);
      return orSafe(followed, false, failed('thread follow-up not answered'));
    },
    followThread: (channel, threadTs) =>
      orSafe(state.remember(`slack:thread:${channel}:${threadTs}`, '1', TTL.thread), undefined, failed('thread not remembered')),
    countVote: (vote) =>
      orSafe(state.claim(`slack:vote:${vote}`, TTL.vote).then((won) => (won ? 'counted' : 'already')), 'unknown', failed('vote not counted')),
    forgetVote: (vote) => orSafe(state.release(`slack:vote:${vote}`), undefined, failed('vote not given back')),
    rememberAnswer: (answer) => {
      const id = newAnswerId();
      const kept = state.remember(`slack:answer:${id}`, storedAnswer(answer), TTL.answer).then(() => id);
      return orSafe(kept, null, failed('answer not kept for its Share button'));
    },
    recallAnswer: (id) => {
      const answer = state.recall(`slack:answer:${id}`).then((json) => (json === undefined ? undefined : parseStoredAnswer(json)));
      return orSafe(answer, undefined, failed('shared answer not recalled'));
    },
  };
}
