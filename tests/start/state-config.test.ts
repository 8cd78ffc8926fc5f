import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../adapters/runtime/service-config.js';
import { freePort } from '../support/redis-server.js';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { startServiceProcess } from './service-process.js';

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

  it('refuses to start, in one line naming REDIS_URL (never its password), when Redis is unreachable', async () => {
    const work = mkdtempSync(join(tmpdir(), 'diplomate-no-redis-'));
    const service = startServiceProcess({
      PORT: '0',
      HOST: '127.0.0.1',
      DIPLOMATE_INDEX_DIR: copyOfSharedIndex(join(work, 'index')),
      DIPLOMATE_FEEDBACK_LOG: join(work, 'feedback.jsonl'),
      DIPLOMATE_STATE_DIR: join(work, 'state'),
      REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${await freePort()}`,
    });
    expect(await service.exited).toMatchObject({ code: 1 });
    const failures = service.logs().filter((line) => String(line['msg']).startsWith('start-up failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'UPSTREAM', msg: expect.stringMatching(/Redis at REDIS_URL is unreachable \(ECONNREFUSED\)/u) });
    expect(service.lines.join('\n')).not.toContain('hunter2-secret');
    expect(service.lines.filter((line) => !line.startsWith('{'))).toEqual([]);
  });
});
