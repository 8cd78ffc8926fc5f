/** Outcome of one request against a rate limit; `retryAfterSeconds` is set when refused. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Which store holds the state, and whether it answers now. */
export interface StoreHealth {
  store: 'embedded' | 'redis';
  state: 'up' | 'down';
}

/**
 * The memory the adapters share across restarts and replicas: deliveries already answered, answers the buttons refer
 * to, votes already counted, request counters. One contract, two stores: embedded (SQLite, one machine) and Redis
 * (every replica). Every method rejects with `AppError('UPSTREAM')` when the store cannot decide in time; the caller
 * chooses the safe reading (a claim that failed is never taken as won: an event is not answered twice).
 */
export interface StateStore {
  /** True for the first caller to claim `key` within `ttlSeconds` (across processes sharing the store). */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back: the work it guarded failed and may be tried again. */
  release(key: string): Promise<void>;
  /** Keeps `value` under `key` for `ttlSeconds`, replacing any earlier one. */
  remember(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** The value kept under `key`, or `undefined` when none or expired. */
  recall(key: string): Promise<string | undefined>;
  /** Counts one request against `limit` per fixed window of `windowSeconds` starting at the key's first request. */
  hit(key: string, windowSeconds: number, limit: number): Promise<RateDecision>;
  health(): StoreHealth;
  close(): Promise<void>;
}
