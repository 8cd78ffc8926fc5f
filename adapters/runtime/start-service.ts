import {
  createFeedbackLog,
  createMetrics,
  createQuestionGate,
  loadCore,
  observeCore,
  observeFeedback,
  type Core,
  type LlmLogEntry,
} from '../../src/index.js';
import type { StateStore } from '../shared/state-store.js';
import { createWebServer } from '../web/server.js';
import { createHealth, type ConnectionState } from './health.js';
import { openStateStore } from './open-state-store.js';
import { readConfigs, type Configs } from './read-configs.js';
import type { ServiceLogger } from './service-logger.js';
import { startChatAdapters, type ChatAdapters, type Handler } from './start-chat-adapters.js';
import { startSummary } from './start-summary.js';

export type { ServiceLogger } from './service-logger.js';

export interface RunningService {
  /** Where the web server listens, e.g. `http://localhost:3000`. */
  url: string;
  /** Base of the links in chat messages. */
  publicUrl: string;
  core: Core;
  /** Stops taking questions, lets those in flight finish (at most `drainMs`), then closes every server and connection. */
  stop(drainMs?: number): Promise<{ drained: boolean }>;
}

const SLACK_ENDPOINT = '/slack/events';
const DEFAULT_DRAIN_MS = 10_000;

/**
 * Starts the service: the core (loaded once), the web server (always), Slack (mounted on the web server's port in
 * HTTP mode, or Socket Mode) and Discord when configured, all sharing one state store (embedded, or Redis with
 * REDIS_URL). Throws `AppError('BAD_CONFIG')` on a bad environment, `AppError('UPSTREAM')` when Redis is unreachable.
 */
export async function startService(env: Readonly<Record<string, string | undefined>>, log: ServiceLogger): Promise<RunningService> {
  const configs = readConfigs(env);
  const state = await openStateStore(configs.service, log);
  try {
    return await startWith(configs, state, log);
  } catch (error: unknown) {
    await state.close();
    throw error;
  }
}

async function startWith({ service, slack, discord, llm }: Configs, state: StateStore, log: ServiceLogger): Promise<RunningService> {
  const core = await loadCore({
    indexDir: service.indexDir,
    seedsDir: service.seedsDir,
    modelDir: service.modelDir,
    llm,
    onNotice: (message) => log.info({}, message),
    // The question's own line says which mode answered; an LLM failure deserves a warning of its own.
    onLlmLog: (entry: LlmLogEntry) =>
      entry.fallback && entry.fallback !== 'not-covered' ? log.warn(entry, 'llm fallback') : log.debug(entry, 'llm'),
  });
  const metrics = createMetrics();
  const gate = createQuestionGate();
  const coreFor = (platform: string): Core => observeCore(core, { platform, metrics, logger: log, gate });
  const feedback = createFeedbackLog(service.feedbackLog);
  const states: Record<string, () => ConnectionState> = {};

  // The chat adapters need the public URL, which may depend on the bound port: Slack's endpoint is bound late.
  let chat: ChatAdapters | null = null;
  const web = createWebServer({
    core: coreFor('web'),
    ...(service.publicUrl === undefined ? {} : { publicUrl: service.publicUrl }),
    logger: log,
    health: createHealth(core, states, () => gate.closed, () => state.health()),
    metrics,
    state,
    mounts: slack?.appToken === null ? [{ path: SLACK_ENDPOINT, handler: lateMount(() => chat?.slackHandler ?? null, state) }] : [],
    shutdownGraceMs: DEFAULT_DRAIN_MS,
  });
  const { port, url } = await web.start(service.port, service.host);
  const publicUrl = service.publicUrl ?? `http://localhost:${port}`;
  try {
    const feedbackFor = (platform: string) => observeFeedback(feedback, { platform, metrics });
    chat = await startChatAdapters({ slack, discord, coreFor, feedbackFor, publicUrl, log, state });
  } catch (error: unknown) {
    await web.stop();
    throw error;
  }
  Object.assign(states, chat.states);
  const slackMode = slack === null ? null : slack.appToken === null ? 'http' : 'socket';
  const where = service.redisUrl === undefined ? service.stateFile : 'Redis (REDIS_URL)';
  const summary = startSummary({ core, url, publicUrl, slack: slackMode, discord: discord !== null, llm, state: where });
  log.info(summary.fields, summary.message);

  const adapters = chat;
  return {
    url,
    publicUrl,
    core,
    async stop(drainMs = DEFAULT_DRAIN_MS) {
      gate.close();
      const drained = await gate.drain(drainMs);
      await web.stop();
      await adapters.stop();
      await state.close();
      return { drained };
    },
  };
}

/**
 * Serves a handler bound after the server started; 503 until then (Slack retries), and while the state store is
 * down: an event is then redelivered by Slack once the store can say whether it was answered, rather than dropped.
 */
function lateMount(current: () => Handler | null, state: StateStore): Handler {
  return (req, res) => {
    const handler = current();
    const storeDown = state.health().state === 'down';
    if (handler !== null && !storeDown) return handler(req, res);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': storeDown ? '10' : '1' });
    res.end(storeDown ? 'State store unavailable.\n' : 'Starting.\n');
  };
}
