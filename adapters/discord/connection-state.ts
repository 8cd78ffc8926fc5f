import { Events, type Client } from 'discord.js';
import type { ConnectionState } from '../shared/connection-state.js';
import type { AdapterLogger } from '../shared/logger.js';

export type { ConnectionState } from '../shared/connection-state.js';

export interface ConnectionStateHolder {
  get(): ConnectionState;
  /** For `start` and `stop`; the gateway's own events update it otherwise. */
  set(state: ConnectionState): void;
}

/** Follows the gateway shards' events; logs the first successful connection. */
export function watchConnection(client: Client, logger: AdapterLogger): ConnectionStateHolder {
  let state: ConnectionState = 'disconnected';
  client.on(Events.ShardReady, () => (state = 'connected'));
  client.on(Events.ShardResume, () => (state = 'connected'));
  client.on(Events.ShardReconnecting, () => (state = 'starting'));
  client.on(Events.ShardDisconnect, () => (state = 'disconnected'));
  client.once(Events.ClientReady, (ready) => {
    state = 'connected';
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord: connected');
  });
  return {
    get: () => state,
    set(next) {
      state = next;
    },
  };
}
