import type { Client } from 'discord.js';
import type { Core, FeedbackLog } from '../../../src/index.js';
import type { AdapterLogger } from '../../shared/logger.js';
import type { DiscordMemory } from '../discord-memory.js';
import type { FormatOptions } from '../format.js';

/** Everything the handlers share, built once per bot by `createDiscordBot`. */
export interface HandlerContext {
  core: Core;
  feedback: FeedbackLog;
  logger: AdapterLogger;
  /** Its `user` is the bot once logged in: mentions of it select and are stripped from questions. */
  client: Client;
  /** Deliveries already handled, answers the buttons refer to, votes counted (in the state store). */
  memory: DiscordMemory;
  /** Server channels the bot answers in; empty means all. DMs are always allowed. */
  allowedChannels: ReadonlySet<string>;
  format: FormatOptions;
  /** Give up on an answer after this long, in ms. */
  answerTimeoutMs: number;
  /** Shortest time between two draft edits, in ms (undefined: the throttle's default). */
  draftIntervalMs: number | undefined;
  /** How much of Discord's 3 s window an acknowledgement may take, in ms from receipt. */
  respondWithinMs: number;
}

export function channelAllowed(ctx: HandlerContext, channelId: string | null, inGuild: boolean): boolean {
  if (!inGuild || ctx.allowedChannels.size === 0) return true;
  return channelId !== null && ctx.allowedChannels.has(channelId);
}
