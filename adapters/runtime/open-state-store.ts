import { openEmbeddedStore } from '../shared/embedded-store.js';
import type { StateStore } from '../shared/state-store.js';
import type { ServiceConfig } from './service-config.js';
import type { ServiceLogger } from './service-logger.js';

/**
 * Redis when REDIS_URL is set (shared by every replica; unreachable at start is a start-up failure naming REDIS_URL),
 * otherwise the embedded SQLite file, which survives restarts of this one process.
 */
export async function openStateStore(config: ServiceConfig, log: ServiceLogger): Promise<StateStore> {
  if (config.redisUrl === undefined) return openEmbeddedStore({ file: config.stateFile });
  // Loaded only when configured, as the chat SDKs are (`start-chat-adapters.ts`).
  const { openRedisStore } = await import('../shared/redis-store.js');
  return openRedisStore({ url: config.redisUrl, log });
}
