import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { SlackConfig } from './config.js';
import type { AdapterLogger } from '../shared/logger.js';
import { createConnector, type ConnectOptions } from './connect.js';
import { ENDPOINT, type SlackReceiver } from './receiver.js';

export interface LifecycleOptions {
  app: App;
  receiver: Pick<SlackReceiver, 'socketMode' | 'setState' | 'state' | 'requestListener'>;
  /** HTTP mode served by another server: never listen, never stop. */
  mounted: boolean;
  /** Its `port` is used when `start` is given none. */
  config: Pick<SlackConfig, 'port'>;
  log: AdapterLogger;
  /** The app was built with `deferInitialization`: the token is checked with Slack at start. */
  verifiesToken: boolean;
  connect?: ConnectOptions;
}

/**
 * `start` / `stop` for the three modes: mounted HTTP, Socket Mode, HTTP on a port of its own. On a port of its own the
 * server is ours, not Bolt's, so that it serves the same request listener as the mounted mode (the ±5 min timestamp
 * check, 503 until connected) rather than Bolt's bare one.
 */
export function createLifecycle(options: LifecycleOptions): {
  start(port?: number): Promise<{ port: number | null }>;
  stop(): Promise<void>;
} {
  const { app, mounted, log, verifiesToken } = options;
  let server: Server | undefined;
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
      server = await listen(options.receiver.requestListener, port ?? options.config.port);
      const bound = (server.address() as AddressInfo).port;
      setState('connected');
      log.info({ mode: 'http', port: bound, endpoint: ENDPOINT }, 'slack adapter started');
      return { port: bound };
    },
    async stop() {
      connector.stop();
      // Bolt's HTTP receiver never listened (the server is ours, or another's); nor is a Socket Mode app never started.
      if (socketMode && options.receiver.state() !== 'disconnected') await app.stop().catch(() => {});
      if (server !== undefined) await close(server);
      server = undefined;
      if (!socketMode) setState('disconnected');
    },
  };
}

function listen(listener: SlackReceiver['requestListener'], port: number): Promise<Server> {
  const server = createServer(listener ?? ((_req, res) => res.writeHead(404).end()));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
