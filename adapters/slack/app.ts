import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { App, type webApi } from '@slack/bolt';
import pino from 'pino';
import { describeError, type Answer, type Core, type FeedbackLog } from '../../src/index.js';
import { errorCode, toBoltLogger } from './bolt-logger.js';
import type { SlackConfig } from './config.js';
import { BoundedSet, TimeoutError, stripMentions, withTimeout } from './delivery-guards.js';
import {
  ACTION_HELPFUL,
  ACTION_NOT_HELPFUL,
  ACTION_SHARE,
  decodeFeedbackValue,
  escapeText,
  truncate,
  formatAnswer,
  formatError,
  formatHelp,
  type SlackMessage,
} from './format.js';
import { createProgressiveReply } from './progressive.js';
import { ENDPOINT, createSlackReceiver, type ConnectionState } from './receiver.js';

/** The few logging methods used; a pino logger fits. */
export interface SlackLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface SlackAppOptions {
  core: Pick<Core, 'ask'>;
  config: SlackConfig;
  /** Where helpful / not-helpful votes go; without it votes are only acknowledged. */
  feedback?: FeedbackLog;
  logger?: SlackLogger;
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

const MESSAGES = {
  timeout: 'Sorry, finding an answer took too long. Please try again in a moment.',
  postFailed: 'Sorry, I could not post the answer (Slack refused it). Please try again.',
  notAllowed: 'I am not enabled in this channel.',
  thanks: 'Thanks for the feedback!',
  shared: 'Shared to the channel.',
  shareFailed: 'I could not post in this channel; invite me with /invite and try again.',
} as const;

/**
 * Builds (without starting) a Bolt app answering questions in mentions, DMs, followed threads and a
 * slash command. HTTP mode listens on `/slack/events`; with `config.appToken` it uses Socket Mode.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { core, config, feedback } = options;
  const log: SlackLogger = options.logger ?? pino({ name: 'diplomate-slack' });
  const timeoutMs = options.answerTimeoutMs ?? 20_000;
  const seen = new BoundedSet(2000);
  const threads = new BoundedSet(5000);
  const allowed = config.allowedChannels === null ? null : new Set(config.allowedChannels);

  const clientOptions: webApi.WebClientOptions = {
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    timeout: 10_000,
    ...(config.apiUrl === null ? {} : { slackApiUrl: config.apiUrl }),
    ...options.clientOptions,
  };

  const boltLogger = toBoltLogger(log);
  const mounted = options.mounted === true && config.appToken === null;
  const { receiver, socketMode, requestListener, state, setState } = createSlackReceiver(config, boltLogger, mounted);

  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    ...(options.botId === undefined ? {} : { botId: options.botId }),
    ...(options.botUserId === undefined ? {} : { botUserId: options.botUserId }),
  });

  const channelAllowed = (channel: string, isDm: boolean): boolean => isDm || allowed === null || allowed.has(channel);

  /** Asks the core within the time box (streaming drafts to `onDraft` if given); returns a message to post either way. */
  async function answerFor(
    question: string,
    share: boolean,
    onDraft?: (text: string) => void,
  ): Promise<{ message: SlackMessage; answer: Answer | null }> {
    const giveUp = new AbortController();
    try {
      const answer = await withTimeout(core.ask(question, { signal: giveUp.signal, ...(onDraft ? { onDraft } : {}) }), timeoutMs);
      return { message: formatAnswer(answer, { share, publicUrl: options.publicUrl }), answer };
    } catch (error) {
      if (error instanceof TimeoutError) {
        giveUp.abort(); // the late answer is dropped: stop the LLM too
        log.warn({ timeoutMs }, 'core answer timed out');
        return { message: formatError(MESSAGES.timeout), answer: null };
      }
      log.warn({ err: describeError(error) }, 'core answer failed');
      return { message: formatError(describeError(error)), answer: null };
    }
  }

  /** Posts `message`; if Slack refuses it, posts a short error instead (once). */
  async function post(client: webApi.WebClient, channel: string, threadTs: string | undefined, message: SlackMessage): Promise<boolean> {
    const thread = threadTs === undefined ? {} : { thread_ts: threadTs };
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false, ...thread });
      return true;
    } catch (error) {
      log.warn({ err: errorCode(error), channel }, 'chat.postMessage failed');
      try {
        const fallback = formatError(MESSAGES.postFailed);
        await client.chat.postMessage({ channel, text: fallback.text, blocks: fallback.blocks, ...thread });
      } catch (again) {
        log.error({ err: errorCode(again), channel }, 'could not post the error message either');
      }
      return false;
    }
  }

  async function handleQuestion(args: {
    client: webApi.WebClient;
    channel: string;
    ts: string;
    threadTs: string | undefined;
    text: string;
    react: boolean;
    inThread: boolean;
  }): Promise<void> {
    const question = stripMentions(args.text);
    const replyThread = args.inThread ? (args.threadTs ?? args.ts) : args.threadTs;
    if (question === '') {
      await post(args.client, args.channel, replyThread, formatHelp(config.command));
      return;
    }
    if (args.react) {
      args.client.reactions.add({ channel: args.channel, timestamp: args.ts, name: 'eyes' }).catch((error: unknown) => {
        log.debug({ err: errorCode(error) }, 'reactions.add failed');
      });
    }
    const reply = createProgressiveReply({
      client: args.client,
      channel: args.channel,
      threadTs: replyThread,
      intervalMs: options.draftIntervalMs,
      post: (message) => post(args.client, args.channel, replyThread, message),
      warn: (obj, msg) => log.warn(obj, msg),
    });
    const { message } = await answerFor(question, false, reply.onDraft);
    const posted = await reply.deliver(message);
    if (posted && replyThread !== undefined) threads.add(`${args.channel}:${replyThread}`);
  }

  /** True the first time an event (by id, and by channel + ts) is seen. */
  function firstDelivery(eventId: string | undefined, channel: string, ts: string): boolean {
    const byId = eventId === undefined ? true : seen.claim(`event:${eventId}`);
    const byTs = seen.claim(`msg:${channel}:${ts}`);
    return byId && byTs;
  }

  app.event('app_mention', async ({ event, body, client }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    if (!firstDelivery(body.event_id, event.channel, event.ts)) {
      log.debug({ eventId: body.event_id }, 'duplicate delivery ignored');
      return;
    }
    if (!channelAllowed(event.channel, false)) return;
    await handleQuestion({ client, channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: event.text, react: true, inThread: true });
  });

  app.message(async ({ message, body, client, context }) => {
    if (message.subtype !== undefined) return; // edits, joins, bot_message…
    if (message.bot_id !== undefined) return;
    if (context.botUserId !== undefined && message.user === context.botUserId) return;
    const text = message.text ?? '';
    const isDm = message.channel_type === 'im';
    if (!isDm) {
      // Mentions are handled by app_mention; only follow-ups in threads we answered need no mention.
      if (context.botUserId !== undefined && text.includes(`<@${context.botUserId}>`)) return;
      if (message.thread_ts === undefined || !threads.has(`${message.channel}:${message.thread_ts}`)) return;
      if (!channelAllowed(message.channel, false)) return;
    }
    if (!firstDelivery(body.event_id, message.channel, message.ts)) return;
    await handleQuestion({
      client,
      channel: message.channel,
      ts: message.ts,
      threadTs: message.thread_ts,
      text,
      react: false,
      inThread: !isDm,
    });
  });

  app.command(config.command, async ({ command, ack, respond }) => {
    await ack();
    const isDm = command.channel_name === 'directmessage' || command.channel_id.startsWith('D');
    if (!channelAllowed(command.channel_id, isDm)) {
      await respond({ response_type: 'ephemeral', text: MESSAGES.notAllowed });
      return;
    }
    const question = command.text.trim();
    const { message } = question === '' ? { message: formatHelp(config.command) } : await answerFor(question, true);
    try {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      log.warn({ err: errorCode(error) }, 'respond failed');
    }
  });

  app.action({ type: 'block_actions', action_id: ACTION_SHARE }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const value = action.type === 'button' ? decodeFeedbackValue(action.value) : null;
    const channel = body.channel?.id;
    if (value === null || channel === undefined) return;
    const { message } = await answerFor(value.question, false);
    const shared: SlackMessage = {
      text: message.text,
      blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<@${body.user.id}> asked: ${escapeQuestion(value.question)}` }] }, ...message.blocks],
    };
    const ok = await post(client, channel, undefined, shared);
    const text = ok ? MESSAGES.shared : MESSAGES.shareFailed;
    await respond({ response_type: 'ephemeral', replace_original: ok, text }).catch(() => undefined);
  });

  const onFeedback =
    (verdict: 'helpful' | 'not-helpful') =>
    async ({ ack, body, action, respond }: FeedbackArgs): Promise<void> => {
      await ack();
      const value = action.type === 'button' ? decodeFeedbackValue(action.value) : null;
      if (value === null) return;
      try {
        await feedback?.record({ platform: 'slack', userId: body.user.id, verdict, question: value.question, citations: value.citations });
      } catch (error) {
        log.error({ err: describeError(error) }, 'feedback not recorded');
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text: MESSAGES.thanks }).catch(() => undefined);
    };
  app.action({ type: 'block_actions', action_id: ACTION_HELPFUL }, onFeedback('helpful'));
  app.action({ type: 'block_actions', action_id: ACTION_NOT_HELPFUL }, onFeedback('not-helpful'));

  app.error(async (error) => {
    log.error({ err: error.code ?? error.message }, 'bolt error');
  });

  return {
    app,
    requestListener,
    state,
    async start(port) {
      if (mounted) {
        setState('connected');
        log.info({ mode: 'http', endpoint: ENDPOINT, mounted: true }, 'slack adapter started');
        return { port: null };
      }
      if (socketMode) {
        await app.start();
        log.info({ mode: 'socket' }, 'slack adapter started');
        return { port: null };
      }
      const server: unknown = await app.start(port ?? config.port);
      const address = server instanceof Server ? server.address() : null;
      const bound = address !== null && typeof address === 'object' ? address.port : (port ?? config.port);
      setState('connected');
      log.info({ mode: 'http', port: bound, endpoint: ENDPOINT }, 'slack adapter started');
      return { port: bound };
    },
    async stop() {
      // A mounted receiver never listened: Bolt would refuse to stop it.
      if (!mounted) await app.stop();
      if (!socketMode) setState('disconnected');
    },
  };
}

type FeedbackArgs = {
  ack: () => Promise<void>;
  body: { user: { id: string } };
  action: { type: string; value?: string };
  respond: (message: { response_type: 'ephemeral'; replace_original: boolean; text: string }) => Promise<unknown>;
};

function escapeQuestion(q: string): string {
  return escapeText(truncate(q, 500));
}
