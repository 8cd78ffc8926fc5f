import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type RESTOptions,
} from 'discord.js';
import { AppError, isAppError, type Answer, type Core, type FeedbackLog } from '../../src/index.js';
import { ASK_COMMAND, PRIVATE_OPTION, QUESTION_OPTION } from './commands.js';
import type { DiscordConfig } from './config.js';
import { AnswerStore, parseCustomId } from './button-ids.js';
import { formatAnswer, formatError, formatFullSources, type DiscordReply } from './format.js';
import {
  createProgressiveReply,
  interactionTarget,
  messageTarget,
  type ProgressiveReply,
  type ReplyTarget,
} from './progressive.js';

/** pino-compatible subset. */
export interface DiscordLogger {
  info(data: object, message?: string): void;
  warn(data: object, message?: string): void;
  error(data: object, message?: string): void;
}

export interface DiscordBotOptions {
  core: Core;
  config: DiscordConfig;
  feedback: FeedbackLog;
  logger?: DiscordLogger;
  /** Extra REST options (e.g. `{ retries: 0 }` in tests). `config.apiUrl` sets `api`. */
  restOptions?: Partial<RESTOptions>;
  /** Give up on an answer after this long and say so (default 60 s; interaction tokens last 15 min). */
  answerTimeoutMs?: number;
  /** How many interaction / message ids are remembered to drop replayed gateway events (default 5000). */
  dedupeSize?: number;
  /** How many answers the buttons can still refer to (default 1000). */
  answerStoreSize?: number;
  /** Base URL of the web server (no trailing slash): cited lines link to its source viewer. */
  publicUrl?: string;
  /** Shortest time between two edits of a streamed answer's draft, in ms (default about one per second). */
  draftIntervalMs?: number;
}

/** What `/healthz` reports for the adapter. */
export type ConnectionState = 'connected' | 'starting' | 'disconnected';

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

const MESSAGES = {
  generic: 'Sorry, something went wrong while answering. Please try again.',
  timeout: 'The answer took too long. Please try again.',
  expired: 'This answer is no longer available; please ask the question again.',
  channel: 'I am not enabled in this channel.',
  empty: 'Ask me a question after the mention, e.g. “@diplomate What is the French strategy for digital diplomacy?”, or use /ask.',
  thanks: 'Thanks, your feedback was recorded.',
  already: 'Your feedback on this answer was already recorded.',
  feedbackFailed: 'Sorry, your feedback could not be recorded.',
} as const;

const noopLogger: DiscordLogger = { info() {}, warn() {}, error() {} };

/** Insertion-ordered set that forgets its oldest entries beyond `max`. */
class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max: number) {}
  /** Adds `key`; returns false when it was already present. */
  add(key: string): boolean {
    if (this.items.has(key)) return false;
    this.items.add(key);
    while (this.items.size > this.max) {
      const oldest = this.items.values().next();
      if (oldest.done) break;
      this.items.delete(oldest.value);
    }
    return true;
  }
}

function userMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  return MESSAGES.generic;
}

function errorData(error: unknown): object {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return { err: { name: error.name, message: error.message, ...(typeof status === 'number' ? { status } : {}) } };
  }
  return { err: String(error) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('INTERNAL', MESSAGES.timeout)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Builds the Discord bot: a real discord.js `Client` wired to the core.
 *
 * Intents: Guilds, GuildMessages, DirectMessages (+ `Partials.Channel` so DMs arrive).
 * MessageContent is privileged and NOT requested: Discord still delivers the content of
 * messages that mention the bot and of DMs, which is all this bot reads.
 */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { core, config, feedback } = options;
  const logger = options.logger ?? noopLogger;
  const answerTimeoutMs = options.answerTimeoutMs ?? 60_000;
  const seen = new BoundedSet(options.dedupeSize ?? 5000);
  const votes = new BoundedSet(options.dedupeSize ?? 5000);
  const answers = new AnswerStore(options.answerStoreSize ?? 1000);
  const allowed = new Set(config.allowedChannels);
  const pending = new Set<Promise<void>>();
  const format = { publicUrl: options.publicUrl };
  let state: ConnectionState = 'disconnected';

  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...options.restOptions },
  });

  function channelAllowed(channelId: string | null, inGuild: boolean): boolean {
    if (!inGuild || allowed.size === 0) return true;
    return channelId !== null && allowed.has(channelId);
  }

  async function attempt(what: string, action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      logger.error({ ...errorData(error), what }, 'discord: request failed');
      return false;
    }
  }

  async function ask(question: string, progress: ProgressiveReply): Promise<{ answer: Answer; reply: DiscordReply }> {
    const giveUp = new AbortController();
    try {
      const answer = await withTimeout(core.ask(question, { onDraft: progress.onDraft, signal: giveUp.signal }), answerTimeoutMs);
      const id = answers.put(answer);
      return { answer, reply: formatAnswer(answer, id, format) };
    } finally {
      giveUp.abort(); // after a timeout the answer is dropped: stop the LLM too (a no-op once answered)
    }
  }

  /** Shows streamed drafts in `target`, then the answer; `id` (interaction or message) goes in the log. */
  function progressive(question: string, target: ReplyTarget, id: string): ProgressiveReply {
    return createProgressiveReply({
      question,
      intervalMs: options.draftIntervalMs,
      ...target,
      onDraftError: (error) => logger.warn({ ...errorData(error), replyTo: id }, 'discord: draft not shown'),
    });
  }

  async function handleAsk(interaction: ChatInputCommandInteraction): Promise<void> {
    const question = interaction.options.getString(QUESTION_OPTION, true).trim();
    const isPrivate = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
    if (!channelAllowed(interaction.channelId, interaction.inGuild())) {
      await attempt('reply (channel not allowed)', () =>
        interaction.reply({ ...formatError(MESSAGES.channel), flags: MessageFlags.Ephemeral }),
      );
      return;
    }
    // Acknowledge at once: Discord drops interactions not acknowledged within 3 seconds.
    const deferred = await attempt('deferReply', () =>
      interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
    );
    if (!deferred) return;

    const progress = progressive(question, interactionTarget(interaction), interaction.id);
    let reply: DiscordReply;
    try {
      ({ reply } = await ask(question, progress));
    } catch (error) {
      logger.warn({ ...errorData(error), interaction: interaction.id }, 'discord: could not answer');
      await attempt('editReply (error)', () => progress.deliver(formatError(userMessage(error))));
      return;
    }
    const sent = await attempt('editReply (answer)', () => progress.deliver(reply));
    if (!sent) {
      await attempt('editReply (fallback)', () =>
        interaction.editReply(formatError('Sorry, the answer could not be delivered. Please try again.')),
      );
    }
  }

  async function handleButton(interaction: ButtonInteraction): Promise<void> {
    const action = parseCustomId(interaction.customId);
    if (!action) return;
    const answer = answers.get(action.answerId);
    if (!answer) {
      await attempt('reply (expired)', () =>
        interaction.reply({ ...formatError(MESSAGES.expired), flags: MessageFlags.Ephemeral }),
      );
      return;
    }
    if (action.action === 'sources') {
      const [first, ...rest] = formatFullSources(answer, 5, format);
      if (!first) return;
      if (!(await attempt('reply (sources)', () => interaction.reply({ ...first, flags: MessageFlags.Ephemeral })))) return;
      for (const more of rest) {
        if (!(await attempt('followUp (sources)', () => interaction.followUp({ ...more, flags: MessageFlags.Ephemeral })))) return;
      }
      return;
    }
    const userId = interaction.user.id;
    let text: string = MESSAGES.thanks;
    if (votes.add(`${action.answerId}:${userId}:${action.verdict}`)) {
      try {
        await feedback.record({
          platform: 'discord',
          userId,
          verdict: action.verdict,
          question: answer.query,
          citations: answer.kind === 'answered' ? answer.citations.map((citation) => citation.passageId) : [],
        });
      } catch (error) {
        logger.error(errorData(error), 'discord: feedback not recorded');
        text = MESSAGES.feedbackFailed;
      }
    } else {
      text = MESSAGES.already;
    }
    await attempt('reply (feedback)', () =>
      interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }),
    );
  }

  async function handleInteraction(interaction: Interaction): Promise<void> {
    try {
      if (!seen.add(`i:${interaction.id}`)) return;
      if (interaction.isChatInputCommand()) {
        if (interaction.commandName === ASK_COMMAND) await handleAsk(interaction);
      } else if (interaction.isButton()) {
        await handleButton(interaction);
      }
    } catch (error) {
      logger.error(errorData(error), 'discord: interaction handler failed');
    }
  }

  async function handleMessage(message: Message): Promise<void> {
    try {
      const me = client.user;
      if (!me || message.author.bot || message.author.id === me.id || message.system) return;
      const inGuild = message.inGuild();
      if (inGuild && !message.mentions.users.has(me.id)) return;
      if (!channelAllowed(message.channelId, inGuild)) return;
      if (!seen.add(`m:${message.id}`)) return;

      const question = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
      if (question.length === 0) {
        await attempt('reply (empty)', () => message.reply(formatError(MESSAGES.empty)));
        return;
      }
      const channel = message.channel;
      if (channel.isSendable()) await attempt('sendTyping', () => channel.sendTyping());

      const progress = progressive(question, messageTarget(message), message.id);
      let reply: DiscordReply;
      try {
        ({ reply } = await ask(question, progress));
      } catch (error) {
        logger.warn({ ...errorData(error), message: message.id }, 'discord: could not answer');
        await attempt('reply (error)', () => progress.deliver(formatError(userMessage(error))));
        return;
      }
      const sent = await attempt('reply (answer)', () => progress.deliver(reply));
      if (!sent) {
        await attempt('reply (fallback)', () =>
          message.reply(formatError('Sorry, the answer could not be delivered. Please try again.')),
        );
      }
    } catch (error) {
      logger.error(errorData(error), 'discord: message handler failed');
    }
  }

  function track(work: Promise<void>): void {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }

  async function whenIdle(): Promise<void> {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  }

  client.on(Events.InteractionCreate, (interaction) => track(handleInteraction(interaction)));
  client.on(Events.MessageCreate, (message) => track(handleMessage(message)));
  client.on(Events.ShardReady, () => (state = 'connected'));
  client.on(Events.ShardResume, () => (state = 'connected'));
  client.on(Events.ShardReconnecting, () => (state = 'starting'));
  client.on(Events.ShardDisconnect, () => (state = 'disconnected'));
  client.once(Events.ClientReady, (ready) => {
    state = 'connected';
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord: connected');
  });
  client.on(Events.Error, (error) => logger.error(errorData(error), 'discord: client error'));

  return {
    client,
    async start() {
      state = 'starting';
      await client.login(config.token);
    },
    async stop() {
      state = 'disconnected';
      await client.destroy();
      await whenIdle();
    },
    state: () => state,
    handleInteraction,
    handleMessage,
    whenIdle,
  };
}
