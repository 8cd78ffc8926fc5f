import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDiscordMemory } from '../../adapters/discord/discord-memory.js';
import { openRedisStore } from '../../adapters/shared/redis-store.js';
import type { StateStore } from '../../adapters/shared/state-store.js';
import { createSlackMemory } from '../../adapters/slack/slack-memory.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';

const warnings: string[] = [];
const infos: string[] = [];
const log = {
  debug: () => {},
  info: (_: object, msg?: string) => void infos.push(msg ?? ''),
  warn: (_: object, msg?: string) => void warnings.push(msg ?? ''),
  error: () => {},
};
let redis: RedisServer;
let store: StateStore;

beforeAll(async () => {
  redis = await startRedisServer();
  store = await openRedisStore({ url: redis.url, log, commandTimeoutMs: 200 });
});
afterAll(async () => {
  redis.resume();
  await store.close();
  await redis.stop();
});

describe('a Redis that hangs: every call fails at its deadline, read the safe way, and the store reads as down', () => {
  it('a delivery is not taken (never answered twice), a vote is not counted, an answer reads as expired', async () => {
    const slack = createSlackMemory(store, log);
    const discord = createDiscordMemory(store, log);
    redis.pause();
    try {
      await expect(store.claim('probe', 60)).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringContaining('(timeout)') });
      expect(await slack.firstDelivery('Ev1', 'C1', '1.1')).toBe(false);
      expect(await slack.followsThread('C1', '1.1')).toBe(false);
      expect(await slack.countVote('C1:1.1:U1')).toBe('unknown');
      expect(await discord.firstDelivery('i:1')).toBe(false);
      expect(await discord.recallAnswer('AbCdEfGhIjKl')).toBeUndefined();
    } finally {
      redis.resume();
    }
    expect(warnings.filter((line) => line.includes('state store failed'))).toHaveLength(5);
    // The connection stayed open, but silence is down all the same: one line, and /healthz would say 503.
    expect(warnings.filter((line) => line.startsWith('state store down'))).toHaveLength(1);
    expect(store.health()).toEqual({ store: 'redis', state: 'down' });
    await vi.waitFor(() => expect(store.health().state).toBe('up'), { timeout: 5000, interval: 50 });
    expect(infos.filter((line) => line.startsWith('state store up again'))).toHaveLength(1);
    // Thawed, Redis runs the claims it had received meanwhile: had a timeout counted as "not taken", a retry answered
    // elsewhere would now be a second answer. New deliveries are taken as usual.
    expect(await slack.firstDelivery('Ev1', 'C1', '1.1')).toBe(false);
    expect(await slack.firstDelivery('Ev2', 'C1', '2.2')).toBe(true);
  });
});
