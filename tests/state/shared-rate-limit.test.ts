import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../adapters/shared/embedded-store.js';
import { createRateLimiter, createSharedRateLimiter } from '../../adapters/web/rate-limit.js';

describe('the web rate limit counted in the state store', () => {
  it('counts every limiter sharing the store together', async () => {
    const store = openEmbeddedStore({ file: ':memory:' });
    const first = createSharedRateLimiter(store, 2, createRateLimiter(2));
    const second = createSharedRateLimiter(store, 2, createRateLimiter(2));
    expect(await first.take('10.0.0.1')).toEqual({ allowed: true });
    expect(await second.take('10.0.0.1')).toEqual({ allowed: true });
    expect(await first.take('10.0.0.1')).toMatchObject({ allowed: false });
    expect(await second.take('10.0.0.2')).toEqual({ allowed: true });
    await store.close();
  });

  it("falls back to this process's own count when the store cannot decide", async () => {
    const store = openEmbeddedStore({ file: ':memory:' });
    await store.close(); // every call now fails
    const limiter = createSharedRateLimiter(store, 1, createRateLimiter(1));
    expect(await limiter.take('10.0.0.1')).toEqual({ allowed: true });
    expect(await limiter.take('10.0.0.1')).toMatchObject({ allowed: false });
  });
});
