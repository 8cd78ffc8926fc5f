import { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { SlackConfig } from './config.js';
import type { SlackLogger } from './context.js';
import { ENDPOINT, type SlackReceiver } from './receiver.js';

export interface LifecycleOptions {
  app: App;
  receiver: Pick<SlackReceiver, 'socketMode' | 'setState'>;
  /** HTTP mode served by another server: never listen, never stop. */
  mounted: boolean;
  /** Its `port` is used when `start` is given none. */
  config: Pick<SlackConfig, 'port'>;
  log: SlackLogger;
}

/** `start` / `stop` for the three modes: mounted HTTP, Socket Mode, HTTP on a port of its own. */
export function createLifecycle(options: LifecycleOptions): {
  start(port?: number): Promise<{ port: number | null }>;
  stop(): Promise<void>;
} {
  const { app, mounted, log } = options;
  const { socketMode, setState } = options.receiver;
  return {
    async start(port) {
      if (mounted) {
        setState('connected');
        log.info({ mode: 'http', endpoint: ENDPOINT, mounted: true }, 'slack adapter started');
        return { port: null };
      }
      if (socketMode) {
        await app.start();
        log.info({ mode: 'socket' }, 'slack adapter started');
        return { port: null };
      }
      const server: unknown = await app.start(port ?? options.config.port);
      const address = server instanceof Server ? server.address() : null;
      const bound = address !== null && typeof address === 'object' ? address.port : (port ?? options.config.port);
      setState('connected');
      log.info({ mode: 'http', port: bound, endpoint: ENDPOINT }, 'slack adapter started');
      return { port: bound };
    },
    async stop() {
      // A mounted receiver never listened: Bolt would refuse to stop it.
      if (!mounted) await app.stop();
      if (!socketMode) setState('disconnected');
    },
  };
}
