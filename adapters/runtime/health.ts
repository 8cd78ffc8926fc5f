import type { Core } from '../../src/index.js';
import type { ConnectionState } from '../shared/connection-state.js';
import type { StoreHealth } from '../shared/state-store.js';
import type { HealthReport } from '../web/server.js';

export type { ConnectionState } from '../shared/connection-state.js';

/**
 * `/healthz`: healthy when the index is loaded, every adapter is connected, the state store answers and no shutdown
 * has begun (a load balancer should stop sending traffic as soon as the process drains).
 */
export function createHealth(
  core: Core,
  adapters: Record<string, () => ConnectionState>,
  draining: () => boolean,
  store: () => StoreHealth,
): () => HealthReport {
  return () => {
    const states = Object.fromEntries(Object.entries(adapters).map(([name, state]) => [name, state()]));
    const connected = Object.values(states).every((state) => state === 'connected');
    const state = store();
    const { passages, embedder, modelFree, builtAt } = core.info;
    const ok = passages > 0 && connected && state.state === 'up' && !draining();
    return { ok, index: { passages, embedder, modelFree, builtAt }, adapters: states, state };
  };
}
