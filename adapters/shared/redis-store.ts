import { Redis } from 'ioredis';
import { AppError } from '../../src/index.js';
import type { AdapterLogger } from './logger.js';
import type { RateDecision, StateStore } from './state-store.js';

/** The few logging methods used; a pino logger fits. */
export type StoreLogger = Pick<AdapterLogger, 'info' | 'warn'>;

export interface RedisStoreOptions {
  /** `redis://` or `rediss://` URL; never logged (it may hold a password). */
  url: string;
  log: StoreLogger;
  /** Deadline of every command, in ms (default 1000): past it the call fails without a decision. */
  commandTimeoutMs?: number;
  /** Deadline of the first connection, in ms (default 3000). */
  connectTimeoutMs?: number;
}

const PREFIX = 'diplomate:';

// Atomic fixed window: the first hit of a window sets its expiry, so a crash between two commands cannot leave a
// counter that never expires.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * The store shared by every replica. Commands are never queued while disconnected and each has a deadline, so a
 * Redis that is down or hung makes calls fail fast (the callers' safe reading applies) instead of piling up.
 * Rejects with `AppError('UPSTREAM')` naming REDIS_URL when Redis cannot be reached at start.
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<StateStore> {
  const redis = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: options.connectTimeoutMs ?? 3000,
    // Reconnects forever, at most every 2 s, once the first connection succeeded.
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
  });
  // ioredis reports the cause (ECONNREFUSED, ENOTFOUND…) on 'error' and rejects connect() with a generic "closed".
  let lastError = '';
  redis.on('error', (error: unknown) => void (lastError = errorCode(error)));
  try {
    await redis.connect();
  } catch (error: unknown) {
    redis.disconnect();
    const reason = lastError || errorCode(error);
    throw new AppError('UPSTREAM', `Redis at REDIS_URL is unreachable (${reason}): start it, or unset REDIS_URL to use the embedded store.`, {
      cause: error,
    });
  }
  const health = watchHealth(redis, options.log);
  redis.on('close', () => health.down(lastError || 'closed'));
  redis.on('ready', () => health.up());
  return redisStore(redis, health);
}

type Health = ReturnType<typeof watchHealth>;

/**
 * Up or down, logged once per change. A hung Redis keeps its connection, so a timed-out command also counts as down;
 * while down, a ping each second finds when it answers again (chat events are refused meanwhile, so no command
 * would otherwise tell).
 */
function watchHealth(redis: Redis, log: StoreLogger) {
  let isUp = true;
  let closing = false;
  let probe: NodeJS.Timeout | undefined;
  const up = (): void => {
    if (isUp) return;
    isUp = true;
    clearInterval(probe);
    log.info({ store: 'redis' }, 'state store up again: Redis reachable');
  };
  const down = (reason: string): void => {
    if (!isUp || closing) return;
    isUp = false;
    log.warn({ store: 'redis', reason }, 'state store down: Redis unreachable; chat events wait until it is back');
    probe = setInterval(() => void redis.ping().then(up, () => undefined), 1000);
    probe.unref();
  };
  const close = async (): Promise<void> => {
    closing = true;
    clearInterval(probe);
    await redis.quit().catch(() => redis.disconnect());
  };
  return { isUp: () => isUp, up, down, close };
}

function redisStore(redis: Redis, health: Health): StateStore {
  const key = (name: string): string => PREFIX + name;
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      const result = await work();
      health.up();
      return result;
    } catch (error: unknown) {
      const reason = errorCode(error);
      // A refused reply (a Redis error) says the server is there; only silence or a lost connection is "down".
      if (reason === 'timeout' || reason === 'disconnected') health.down(reason);
      throw new AppError('UPSTREAM', `The Redis state store did not answer (${reason}).`, { cause: error });
    }
  };
  return {
    claim: (name, ttlSeconds) => call(async () => (await redis.set(key(name), '1', 'EX', ttlSeconds, 'NX')) === 'OK'),
    release: (name) => call(async () => void (await redis.del(key(name)))),
    remember: (name, value, ttlSeconds) => call(async () => void (await redis.set(key(name), value, 'EX', ttlSeconds))),
    recall: (name) => call(async () => (await redis.get(key(name))) ?? undefined),
    hit: (name, windowSeconds, limit) => call(async () => decide(await redis.eval(HIT, 1, key(name), windowSeconds * 1000), limit)),
    health: () => ({ store: 'redis', state: health.isUp() ? 'up' : 'down' }),
    close: health.close,
  };
}

function decide(reply: unknown, limit: number): RateDecision {
  const [count, ttlMs] = Array.isArray(reply) ? reply.map(Number) : [];
  if (count === undefined || Number.isNaN(count)) throw new Error('unexpected reply to the rate-limit script');
  if (count <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((ttlMs ?? 1000) / 1000)) };
}

/** A short reason for logs: the system error code, or ioredis's own message (never the URL). */
function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  if (error instanceof Error && /timed out/iu.test(error.message)) return 'timeout';
  if (error instanceof Error && /closed|writeable/iu.test(error.message)) return 'disconnected';
  return 'error';
}
