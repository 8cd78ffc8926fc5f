import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../adapters/runtime/service-config.js';
import { startService } from '../../adapters/runtime/start-service.js';
import { freePort } from '../support/redis-server.js';
import { copyOfSharedIndex } from '../support/shared-index.js';

describe('state store configuration', () => {
  it('defaults to the embedded store under state/, and reads DIPLOMATE_STATE_DIR and REDIS_URL', () => {
    expect(loadServiceConfig({})).toMatchObject({ stateFile: resolve('state', 'state.sqlite'), redisUrl: undefined });
    expect(loadServiceConfig({ DIPLOMATE_STATE_DIR: '/var/lib/diplomate', REDIS_URL: 'rediss://cache.internal:6380/2' })).toMatchObject({
      stateFile: join('/var/lib/diplomate', 'state.sqlite'),
      redisUrl: 'rediss://cache.internal:6380/2',
    });
  });

  it.each(['localhost:6379', 'http://cache.internal:6379', 'redis://'])('refuses REDIS_URL=%s, naming the variable but not its value', (value) => {
    expect(() => loadServiceConfig({ REDIS_URL: value })).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', message: expect.stringContaining('REDIS_URL') }));
    expect(() => loadServiceConfig({ REDIS_URL: value })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(value) }));
  });

  it('refuses to start when Redis is unreachable, naming REDIS_URL (never its password), before listening', async () => {
    const work = mkdtempSync(join(tmpdir(), 'diplomate-no-redis-'));
    const lines: string[] = [];
    const log = (obj: object, msg?: string): void => void lines.push(JSON.stringify({ ...obj, msg }));
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DIPLOMATE_INDEX_DIR: copyOfSharedIndex(join(work, 'index')),
      DIPLOMATE_FEEDBACK_LOG: join(work, 'feedback.jsonl'),
      REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${await freePort()}`,
    };
    const failure = startService(env, { debug: log, info: log, warn: log, error: log });
    await expect(failure).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/^Redis at REDIS_URL is unreachable \(ECONNREFUSED\)/u) });
    await expect(failure).rejects.toMatchObject({ message: expect.not.stringContaining('hunter2-secret') });
    expect(lines.join('\n')).not.toContain('hunter2-secret');
    // Nothing was started: the port is still free.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
