import type { RateDecision, StateStore } from '../shared/state-store.js';

export type { RateDecision } from '../shared/state-store.js';

/** What the router asks before serving a page or the API. */
export interface RequestLimiter {
  take(key: string): RateDecision | Promise<RateDecision>;
}

/**
 * Fixed-window request counter per client key (the remote address), in this process only. Windows are one minute
 * long; the clock is injectable so tests need not wait.
 */
export function createRateLimiter(requestsPerMinute: number, now: () => number = Date.now) {
  const windowMs = 60_000;
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();

  function sweep(time: number): void {
    if (time - lastSweep < windowMs) return;
    lastSweep = time;
    for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
  }

  return {
    take(key: string): RateDecision {
      const time = now();
      sweep(time);
      const window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        windows.set(key, { start: time, count: 1 });
        return { allowed: true };
      }
      if (window.count < requestsPerMinute) {
        window.count += 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - time) / 1000)) };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/**
 * The same limit counted in the state store, so replicas sharing it allow the rate once, not once each. When the
 * store cannot decide, this process's own counter does (the page keeps working; `/healthz` reports the store).
 */
export function createSharedRateLimiter(store: StateStore, requestsPerMinute: number, local: RateLimiter): RequestLimiter {
  return {
    take: (key) => store.hit(`web:rate:${key}`, 60, requestsPerMinute).catch(() => local.take(key)),
  };
}
