import { Client, Events, GatewayIntentBits, Partials, type Interaction, type Message, type RESTOptions } from 'discord.js';
import type { Core, FeedbackLog } from '../../src/index.js';
import { openEmbeddedStore } from '../shared/embedded-store.js';
import type { StateStore } from '../shared/state-store.js';
import type { DiscordConfig } from './config.js';
import { createDiscordMemory } from './discord-memory.js';
import { watchConnection, type ConnectionState } from './connection-state.js';
import { silentLogger, type AdapterLogger } from '../shared/logger.js';
import type { HandlerContext } from './handlers/context.js';
import { handleInteraction } from './handlers/interactions.js';
import { handleMessage } from './handlers/messages.js';
import { errorData } from './handlers/replies.js';
import { createInFlight } from './in-flight.js';
import { RESPOND_BUDGET_MS, WINDOW, outlastsWindow } from './windows.js';

export type { ConnectionState } from './connection-state.js';
export type { AdapterLogger as DiscordLogger } from '../shared/logger.js';

export interface DiscordBotOptions {
  core: Core;
  config: DiscordConfig;
  feedback: FeedbackLog;
  logger?: AdapterLogger;
  /** Extra REST options (e.g. `{ retries: 0 }` in tests). `config.apiUrl` sets `api`. */
  restOptions?: Partial<RESTOptions>;
  /** Give up on an answer after this long and say so (default 60 s; interaction tokens last 15 min). */
  answerTimeoutMs?: number;
  /** Where deliveries, answers for the buttons and votes are remembered (default: in memory, for this bot only). */
  state?: StateStore;
  /** Base URL of the web server (no trailing slash): cited lines link to its source viewer. */
  publicUrl?: string;
  /** Shortest time between two edits of a streamed answer's draft, in ms (default about one per second). */
  draftIntervalMs?: number;
  /** How much of Discord's 3 s an acknowledgement may take, in ms, counted from receipt (default 2500). */
  respondWithinMs?: number;
}

export interface DiscordBot {
  client: Client;
  /** Logs in and connects to the gateway. */
  start(): Promise<void>;
  /** Disconnects and waits for in-flight answers to settle. */
  stop(): Promise<void>;
  /** Handles one interaction; never rejects. */
  handleInteraction(interaction: Interaction): Promise<void>;
  /** Handles one message; never rejects. */
  handleMessage(message: Message): Promise<void>;
  /** Resolves once every handler started so far has finished (used by tests and `stop`). */
  whenIdle(): Promise<void>;
  /** Gateway connection state, for health checks. */
  state(): ConnectionState;
}

function createClient(options: DiscordBotOptions): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    // A rate-limit wait past the call's window fails at once: the handlers report it instead of replying late.
    rest: { rejectOnRateLimit: outlastsWindow, ...(options.config.apiUrl ? { api: options.config.apiUrl } : {}), ...options.restOptions },
  });
}

function createContext(options: DiscordBotOptions, client: Client): HandlerContext {
  const logger = options.logger ?? silentLogger;
  return {
    core: options.core,
    feedback: options.feedback,
    logger,
    client,
    memory: createDiscordMemory(options.state ?? openEmbeddedStore({ file: ':memory:' }), logger),
    allowedChannels: new Set(options.config.allowedChannels),
    format: { publicUrl: options.publicUrl },
    // The deferred reply can be edited for 15 minutes; an answer must come, or be given up, well before.
    answerTimeoutMs: Math.min(options.answerTimeoutMs ?? 60_000, WINDOW.editMs - 60_000),
    draftIntervalMs: options.draftIntervalMs,
    respondWithinMs: Math.min(options.respondWithinMs ?? RESPOND_BUDGET_MS, WINDOW.respondMs),
  };
}

/**
 * Builds the Discord bot: a real discord.js `Client` wired to the core.
 *
 * Intents: Guilds, GuildMessages, DirectMessages (+ `Partials.Channel` so DMs arrive).
 * MessageContent is privileged and NOT requested: Discord still delivers the content of
 * messages that mention the bot and of DMs, which is all this bot reads.
 */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const client = createClient(options);
  const ctx = createContext(options, client);
  const inFlight = createInFlight();
  const connection = watchConnection(client, ctx.logger);
  client.on(Events.InteractionCreate, (interaction) => inFlight.track(handleInteraction(ctx, interaction)));
  client.on(Events.MessageCreate, (message) => inFlight.track(handleMessage(ctx, message)));
  client.on(Events.Error, (error) => ctx.logger.error(errorData(error), 'discord: client error'));

  return {
    client,
    async start() {
      connection.set('starting');
      await client.login(options.config.token);
    },
    async stop() {
      connection.set('disconnected');
      await client.destroy();
      await inFlight.whenIdle();
    },
    state: () => connection.get(),
    handleInteraction: (interaction) => handleInteraction(ctx, interaction),
    handleMessage: (message) => handleMessage(ctx, message),
    whenIdle: () => inFlight.whenIdle(),
  };
}
