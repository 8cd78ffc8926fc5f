import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEmbeddedStore } from '../../adapters/shared/embedded-store.js';
import { openRedisStore } from '../../adapters/shared/redis-store.js';
import type { StateStore } from '../../adapters/shared/state-store.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';

const quiet = { info: () => {}, warn: () => {} };
let redis: RedisServer;
const stores: StateStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const store of stores.splice(0)) await store.close();
  await redis.stop();
});

/** Each case gets a fresh namespace, so the shared Redis needs no flush between cases. */
let namespace = 0;
const fresh = (): string => `t${(namespace += 1)}:${Date.now()}:`;

const kinds: [string, () => Promise<StateStore>][] = [
  ['embedded', async () => openEmbeddedStore({ file: join(mkdtempSync(join(tmpdir(), 'diplomate-state-')), 'state.sqlite') })],
  ['redis', () => openRedisStore({ url: redis.url, log: quiet })],
];

describe.each(kinds)('the %s store keeps the contract', (_, open) => {
  let store: StateStore;
  beforeAll(async () => {
    store = await open();
    stores.push(store);
  });

  it('a key is claimed once; released, it can be claimed again', async () => {
    const key = `${fresh()}event`;
    const results = await Promise.all([store.claim(key, 60), store.claim(key, 60), store.claim(key, 60)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.release(key);
    expect(await store.claim(key, 60)).toBe(true);
  });

  it('remembers a value and recalls it; an unknown key is undefined', async () => {
    const ns = fresh();
    await store.remember(`${ns}answer`, '{"kind":"answered"}', 60);
    expect(await store.recall(`${ns}answer`)).toBe('{"kind":"answered"}');
    expect(await store.recall(`${ns}other`)).toBeUndefined();
  });

  it('counts hits per window and refuses past the limit, with a retry delay', async () => {
    const key = `${fresh()}rate`;
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await store.hit(key, 60, 3));
    expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(decisions[3]).toMatchObject({ allowed: false });
    const refused = decisions[3];
    if (refused?.allowed === false) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
  });

  it('reports its kind and state', () => {
    expect(store.health()).toEqual({ store: _, state: 'up' });
  });
});

describe('the embedded store', () => {
  it('forgets claims, values and counters once they expire', async () => {
    let time = 1_000_000;
    const store = openEmbeddedStore({ file: ':memory:', now: () => time });
    stores.push(store);
    expect(await store.claim('event', 10)).toBe(true);
    await store.remember('answer', 'x', 10);
    await store.hit('rate', 10, 1);
    expect(await store.hit('rate', 10, 1)).toMatchObject({ allowed: false });
    time += 10_000;
    expect(await store.claim('event', 10)).toBe(true);
    expect(await store.recall('answer')).toBeUndefined();
    expect(await store.hit('rate', 10, 1)).toEqual({ allowed: true });
  });

  it('keeps what it holds across a reopen of the same file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diplomate-state-')), 'state.sqlite');
    const first = openEmbeddedStore({ file });
    expect(await first.claim('event', 60)).toBe(true);
    await first.close();
    const second = openEmbeddedStore({ file });
    stores.push(second);
    expect(await second.claim('event', 60)).toBe(false);
  });

  it('deletes expired rows on its timer, so the file does not grow with old deliveries', async () => {
    let time = 1_000_000;
    const file = join(mkdtempSync(join(tmpdir(), 'diplomate-state-')), 'state.sqlite');
    const store = openEmbeddedStore({ file, now: () => time, sweepEveryMs: 20 });
    stores.push(store);
    await store.claim('old', 10);
    await store.hit('rate', 10, 5);
    await store.remember('kept', 'x', 3600);
    const rows = (): number => {
      const db = new Database(file, { readonly: true });
      const { n } = db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM counters) AS n').get() ?? { n: -1 };
      db.close();
      return n;
    };
    expect(rows()).toBe(3);
    time += 10_000;
    await vi.waitFor(() => expect(rows()).toBe(1), { timeout: 5000, interval: 20 });
    expect(await store.recall('kept')).toBe('x');
  });

  it('refuses a state folder it cannot create, naming DIPLOMATE_STATE_DIR', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diplomate-state-')), 'state.sqlite');
    writeFileSync(file, '');
    expect(() => openEmbeddedStore({ file: join(file, 'inside', 'state.sqlite') })).toThrow(
      expect.objectContaining({ code: 'BAD_CONFIG', message: 'The state folder (DIPLOMATE_STATE_DIR) cannot be opened or written (ENOTDIR).' }),
    );
  });
});

describe('the Redis store', () => {
  it('refuses to open when Redis is unreachable, naming REDIS_URL', async () => {
    const down = await startRedisServer();
    await down.stop();
    await expect(openRedisStore({ url: down.url, log: quiet })).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringContaining('REDIS_URL') });
  });
});
