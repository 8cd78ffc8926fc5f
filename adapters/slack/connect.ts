import type { App } from '@slack/bolt';
import type { AdapterLogger } from '../shared/logger.js';
import type { ConnectionState } from './receiver.js';

/** Slack's answers to `auth.test` that retrying cannot fix: the token itself is refused. */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope']);

export interface ConnectOptions {
  /** First wait before retrying an unreachable Slack, doubled on each failure up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export interface Connector {
  /** Tries once now; on a transient failure keeps retrying in the background. Never rejects. */
  connect(): Promise<void>;
  stop(): void;
}

/**
 * Checks the bot token with Slack (`App#init`, which calls `auth.test`), so a Slack outage at start never becomes an
 * unhandled rejection that ends the process: the adapter reports `disconnected`, logs one line per change of state
 * and retries with backoff. A refused token is one line naming `SLACK_BOT_TOKEN`, and no retry.
 */
export function createConnector(
  app: App,
  setState: (state: ConnectionState) => void,
  log: AdapterLogger,
  onConnected: () => Promise<void>,
  options: ConnectOptions = {},
): Connector {
  const first = options.firstRetryMs ?? 1000;
  const max = options.maxRetryMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failures = 0;

  async function attempt(): Promise<void> {
    try {
      await app.init();
      await onConnected();
      if (failures > 0) log.info({ after: failures }, 'slack reachable again: adapter connected');
      failures = 0;
      setState('connected');
    } catch (error: unknown) {
      setState('disconnected');
      const code = slackErrorCode(error);
      if (code !== null && REFUSED_TOKEN.has(code)) {
        log.error({ code }, `Slack refused SLACK_BOT_TOKEN (${code}); the Slack adapter stays disconnected until the token is fixed and the service restarted`);
        return;
      }
      const wait = Math.min(max, first * 2 ** failures);
      if (failures === 0) log.warn({ code: code ?? 'unreachable', retryInMs: wait }, 'slack unreachable at start: adapter disconnected, retrying');
      failures += 1;
      if (!stopped) timer = setTimeout(() => void attempt(), wait);
    }
  }

  return {
    async connect() {
      setState('starting');
      await attempt();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** Slack's error code (`invalid_auth`), `http-503` for an HTTP error, or null when Slack was not reached. */
function slackErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const data: unknown = 'data' in error ? error.data : undefined;
  if (typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string') return data.error;
  if ('statusCode' in error && typeof error.statusCode === 'number') return `http-${error.statusCode}`;
  return null;
}
