import { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { SlackConfig } from './config.js';
import type { AdapterLogger } from '../shared/logger.js';
import { createConnector, type ConnectOptions } from './connect.js';
import { ENDPOINT, type SlackReceiver } from './receiver.js';

export interface LifecycleOptions {
  app: App;
  receiver: Pick<SlackReceiver, 'socketMode' | 'setState' | 'state'>;
  /** HTTP mode served by another server: never listen, never stop. */
  mounted: boolean;
  /** Its `port` is used when `start` is given none. */
  config: Pick<SlackConfig, 'port'>;
  log: AdapterLogger;
  /** The app was built with `deferInitialization`: the token is checked with Slack at start. */
  verifiesToken: boolean;
  connect?: ConnectOptions;
}

/** `start` / `stop` for the three modes: mounted HTTP, Socket Mode, HTTP on a port of its own. */
export function createLifecycle(options: LifecycleOptions): {
  start(port?: number): Promise<{ port: number | null }>;
  stop(): Promise<void>;
} {
  const { app, mounted, log, verifiesToken } = options;
  const { socketMode, setState } = options.receiver;
  // Socket Mode's own connection events set its state once started; the connector covers the token check before.
  const connector = createConnector(app, socketMode ? () => {} : setState, log, async () => {
    if (socketMode) await app.start();
  }, options.connect);
  return {
    async start(port) {
      if (mounted || socketMode) {
        if (verifiesToken) await connector.connect();
        else if (socketMode) await app.start();
        else setState('connected');
        const where = socketMode ? { mode: 'socket' } : { mode: 'http', endpoint: ENDPOINT, mounted: true };
        log.info({ ...where, state: options.receiver.state() }, 'slack adapter started');
        return { port: null };
      }
      if (verifiesToken) await app.init();
      const server: unknown = await app.start(port ?? options.config.port);
      const address = server instanceof Server ? server.address() : null;
      const bound = address !== null && typeof address === 'object' ? address.port : (port ?? options.config.port);
      setState('connected');
      log.info({ mode: 'http', port: bound, endpoint: ENDPOINT }, 'slack adapter started');
      return { port: bound };
    },
    async stop() {
      connector.stop();
      // A mounted receiver never listened: Bolt would refuse to stop it; nor would it a Socket Mode app never started.
      if (!mounted && (!socketMode || options.receiver.state() !== 'disconnected')) await app.stop().catch(() => {});
      if (!socketMode) setState('disconnected');
    },
  };
}
