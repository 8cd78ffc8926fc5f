import type { Core, FeedbackLog } from '../../src/index.js';
import type { SlackConfig } from './config.js';
import type { BoundedSet } from './delivery-guards.js';

/** The few logging methods used; a pino logger fits. */
export interface SlackLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Per-app memory shared by the handlers: de-duplication, followed threads, channel allow-list. */
export interface SlackGuards {
  /** Event ids and channel + ts already answered (retries, and a mention arriving as two events). */
  seen: BoundedSet;
  /** `channel:thread_ts` of the threads the bot answered in, where follow-ups need no mention. */
  threads: BoundedSet;
  /** `channel:message_ts:user` of the votes recorded: one vote per user per answer. */
  votes: BoundedSet;
  channelAllowed(channel: string, isDm: boolean): boolean;
}

/** Everything a handler needs, passed explicitly: one per `createSlackApp` call. */
export interface SlackContext {
  core: Pick<Core, 'ask'>;
  config: SlackConfig;
  feedback: FeedbackLog | undefined;
  log: SlackLogger;
  guards: SlackGuards;
  /** Longest wait for the core before replying with an error, in ms. */
  answerTimeoutMs: number;
  publicUrl: string | undefined;
  /** Shortest time between two edits of a streamed draft, in ms (`undefined`: the throttle's default). */
  draftIntervalMs: number | undefined;
}

/** What the user reads when something other than an answer comes back. */
export const MESSAGES = {
  timeout: 'Sorry, finding an answer took too long. Please try again in a moment.',
  postFailed: 'Sorry, I could not post the answer (Slack refused it). Please try again.',
  notAllowed: 'I am not enabled in this channel.',
  thanks: 'Thanks for the feedback!',
  feedbackFailed: 'Sorry, your feedback could not be saved. Please try again later.',
  alreadyVoted: 'You have already given feedback on this answer.',
  shared: 'Shared to the channel.',
  shareFailed: 'I could not post in this channel; invite me with /invite and try again.',
} as const;
