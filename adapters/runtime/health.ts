import type { Core } from '../../src/index.js';
import type { HealthReport } from '../web/server.js';

export type ConnectionState = HealthReport['adapters'][string];

/**
 * `/healthz`: healthy when the index is loaded, every adapter is connected and no shutdown has begun
 * (a load balancer should stop sending traffic as soon as the process drains).
 */
export function createHealth(core: Core, adapters: Record<string, () => ConnectionState>, draining: () => boolean): () => HealthReport {
  return () => {
    const states = Object.fromEntries(Object.entries(adapters).map(([name, state]) => [name, state()]));
    const connected = Object.values(states).every((state) => state === 'connected');
    const { passages, embedder, modelFree, builtAt } = core.info;
    return { ok: passages > 0 && connected && !draining(), index: { passages, embedder, modelFree, builtAt }, adapters: states };
  };
}
