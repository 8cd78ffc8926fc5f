import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type webApi } from '@slack/bolt';
import pino from 'pino';
import type { Core, FeedbackLog } from '../../src/index.js';
import { openEmbeddedStore } from '../shared/embedded-store.js';
import type { StateStore } from '../shared/state-store.js';
import { toBoltLogger } from './bolt-logger.js';
import type { SlackConfig } from './config.js';
import type { AdapterLogger } from '../shared/logger.js';
import type { SlackContext, SlackGuards } from './context.js';
import { registerActions } from './handlers/actions.js';
import { registerMentions } from './handlers/mentions.js';
import { registerMessages } from './handlers/messages.js';
import { registerSlashCommand } from './handlers/slash-command.js';
import type { ConnectOptions } from './connect.js';
import { createLifecycle } from './lifecycle.js';
import { createSlackMemory } from './slack-memory.js';
import { createSlackReceiver, type ConnectionState } from './receiver.js';

export type { AdapterLogger as SlackLogger } from '../shared/logger.js';

export interface SlackAppOptions {
  core: Pick<Core, 'ask'>;
  config: SlackConfig;
  /** Where helpful / not-helpful votes go; without it votes are only acknowledged. */
  feedback?: FeedbackLog;
  logger?: AdapterLogger;
  /** Longest wait for the core before replying with an error (default 20 s); a late answer is dropped. */
  answerTimeoutMs?: number;
  /** Known bot ids skip the `auth.test` call (tests, or operators who know them). */
  botId?: string;
  botUserId?: string;
  /** Extra WebClient options, merged over the defaults (small retry budget, 10 s timeout). */
  clientOptions?: webApi.WebClientOptions;
  /** Base URL of the web server (no trailing slash): cited lines link to its source viewer. */
  publicUrl?: string;
  /** HTTP mode without a listener of its own: another server serves {@link SlackApp.requestListener}. */
  mounted?: boolean;
  /** Shortest time between two edits of a streamed answer's draft, in ms (default about one per second). */
  draftIntervalMs?: number;
  /** Backoff while Slack is unreachable at start (default 1 s, doubling up to 60 s). */
  connect?: ConnectOptions;
  /** Where deliveries, followed threads and votes are remembered (default: in memory, for this app only). */
  state?: StateStore;
}

export interface SlackApp {
  app: App;
  /** Starts listening; resolves with the bound HTTP port (`null` in Socket Mode and when mounted). */
  start(port?: number): Promise<{ port: number | null }>;
  stop(): Promise<void>;
  /** Handles Slack's requests to `/slack/events` from another HTTP server (HTTP mode); `null` in Socket Mode. */
  requestListener: ((req: IncomingMessage, res: ServerResponse) => void) | null;
  /** Connection state, for health checks. */
  state(): ConnectionState;
}

/**
 * Builds (without starting) a Bolt app answering questions in mentions, DMs, followed threads and a
 * slash command. HTTP mode listens on `/slack/events`; with `config.appToken` it uses Socket Mode.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const ctx = createContext(options);
  const boltLogger = toBoltLogger(ctx.log);
  const mounted = options.mounted === true && config.appToken === null;
  const receiver = createSlackReceiver(config, boltLogger, mounted);

  // Unless the bot's ids are known, Bolt checks the token with `auth.test`; deferred to `start`, where a failure is
  // handled (constructed, Bolt would leave it an unhandled rejection that ends the process).
  const verifiesToken = options.botId === undefined || options.botUserId === undefined;
  const app = new App({
    token: config.botToken,
    receiver: receiver.receiver,
    logger: boltLogger,
    clientOptions: webClientOptions(options),
    deferInitialization: verifiesToken,
    ...(options.botId === undefined ? {} : { botId: options.botId }),
    ...(options.botUserId === undefined ? {} : { botUserId: options.botUserId }),
  });

  registerMentions(app, ctx);
  registerMessages(app, ctx);
  registerSlashCommand(app, ctx);
  registerActions(app, ctx);
  app.error(async (error) => {
    ctx.log.error({ err: error.code ?? error.message }, 'bolt error');
  });

  const { start, stop } = createLifecycle({ app, receiver, mounted, config, log: ctx.log, verifiesToken, connect: options.connect });
  return { app, requestListener: receiver.requestListener, state: receiver.state, start, stop };
}

function createContext(options: SlackAppOptions): SlackContext {
  const { config } = options;
  const allowed = config.allowedChannels === null ? null : new Set(config.allowedChannels);
  const log = options.logger ?? pino({ name: 'diplomate-slack' });
  const guards: SlackGuards = {
    memory: createSlackMemory(options.state ?? openEmbeddedStore({ file: ':memory:' }), log),
    channelAllowed: (channel, isDm) => isDm || allowed === null || allowed.has(channel),
  };
  return {
    core: options.core,
    config,
    feedback: options.feedback,
    log,
    guards,
    answerTimeoutMs: options.answerTimeoutMs ?? 20_000,
    publicUrl: options.publicUrl,
    draftIntervalMs: options.draftIntervalMs,
  };
}

/** A small retry budget and a 10 s timeout, then `SLACK_API_URL`, then the caller's options on top. */
function webClientOptions(options: SlackAppOptions): webApi.WebClientOptions {
  return {
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    timeout: 10_000,
    ...(options.config.apiUrl === null ? {} : { slackApiUrl: options.config.apiUrl }),
    ...options.clientOptions,
  };
}
