import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core, FeedbackLog } from '../../src/index.js';
import type { StateStore } from '../shared/state-store.js';
import type { DiscordConfig } from '../discord/config.js';
import type { SlackConfig } from '../slack/config.js';
import type { ConnectionState } from './health.js';
import type { ServiceLogger } from './service-logger.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ChatAdaptersInput {
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  /** The core as seen by one platform (logged and measured under its name). */
  coreFor(platform: 'slack' | 'discord'): Core;
  feedbackFor(platform: 'slack' | 'discord'): FeedbackLog;
  publicUrl: string;
  log: ServiceLogger;
  state: StateStore;
}

export interface ChatAdapters {
  /** Slack's `/slack/events` listener in HTTP mode, served by the web server; `null` otherwise. */
  slackHandler: Handler | null;
  states: Record<string, () => ConnectionState>;
  stop(): Promise<void>;
}

/**
 * Builds and starts Slack (HTTP mode mounted on the web server, or Socket Mode) and Discord when configured. Each
 * platform's SDK is loaded only then: discord.js and Bolt take over two seconds to load, which a web-only service
 * would otherwise pay at every start.
 */
export async function startChatAdapters(input: ChatAdaptersInput): Promise<ChatAdapters> {
  const { slack, discord, publicUrl, log } = input;
  const states: Record<string, () => ConnectionState> = {};
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => void (await Promise.allSettled(stops.map((each) => each())));
  let slackHandler: Handler | null = null;
  try {
    if (slack !== null) {
      const { createSlackApp } = await import('../slack/app.js');
      const app = createSlackApp({
        core: input.coreFor('slack'),
        config: slack,
        feedback: input.feedbackFor('slack'),
        logger: log,
        publicUrl,
        mounted: true,
        state: input.state,
      });
      slackHandler = app.requestListener;
      states['slack'] = app.state;
      stops.push(() => app.stop());
      await app.start();
    }
    if (discord !== null) {
      const { createDiscordBot } = await import('../discord/bot.js');
      const bot = createDiscordBot({
        core: input.coreFor('discord'),
        config: discord,
        feedback: input.feedbackFor('discord'),
        logger: log,
        publicUrl,
        state: input.state,
      });
      states['discord'] = bot.state;
      stops.push(() => bot.stop());
      await bot.start();
    }
  } catch (error: unknown) {
    await stop();
    throw error;
  }
  return { slackHandler, states, stop };
}
