import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../adapters/web/rate-limit.js';

describe('per-client rate limiter', () => {
  it('allows N requests per minute per key, tells when to retry, and opens a new window after a minute', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter(2, () => now);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('b')).toEqual({ allowed: true });
    now += 15_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    now += 44_500;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(limiter.take('a')).toEqual({ allowed: true });
  });
});
