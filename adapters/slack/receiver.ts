import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import type { ConnectionState } from '../shared/connection-state.js';
import type { SlackConfig } from './config.js';

export type { ConnectionState } from '../shared/connection-state.js';

export const ENDPOINT = '/slack/events';

/** A Bolt receiver plus what the composition root needs to mount it and report on it. */
export interface SlackReceiver {
  receiver: Receiver;
  socketMode: boolean;
  /** Serves `/slack/events` from another HTTP server (HTTP mode only; `null` in Socket Mode). */
  requestListener: ((req: IncomingMessage, res: ServerResponse) => void) | null;
  state(): ConnectionState;
  /** For the modes Bolt does not report on (HTTP): set by start / stop. */
  setState(state: ConnectionState): void;
}

/**
 * Socket Mode when `config.appToken` is set; HTTP otherwise. With `mounted`, the HTTP receiver never listens itself:
 * its request listener is served by another server (the web server's `/slack/events`), so one port serves both.
 */
export function createSlackReceiver(config: SlackConfig, logger: Logger, mounted: boolean): SlackReceiver {
  let state: ConnectionState = 'disconnected';
  const setState = (next: ConnectionState): void => {
    state = next;
  };
  if (config.appToken !== null) {
    // `installerOptions.clientOptions` is what Bolt hands the Socket Mode client's own WebClient, the one that calls
    // `apps.connections.open`: SLACK_API_URL moves it with the rest of the Web API.
    const clientOptions = config.apiUrl === null ? {} : { clientOptions: { slackApiUrl: config.apiUrl } };
    const receiver = new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: clientOptions });
    receiver.client.on('connecting', () => setState('starting'));
    receiver.client.on('reconnecting', () => setState('starting'));
    receiver.client.on('connected', () => setState('connected'));
    receiver.client.on('disconnected', () => setState('disconnected'));
    return { receiver, socketMode: true, requestListener: null, state: () => state, setState };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: ENDPOINT,
    logger,
    // Standalone, the receiver answers its own health checks; mounted, the web server does.
    customRoutes: mounted ? [] : [{ path: '/healthz', method: ['GET'], handler: healthz }],
  });
  const requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    // Bolt refuses signatures older than five minutes but not ones dated ahead, which a replay could be forged with.
    if (req.method === 'POST' && !timestampIsFresh(req.headers['x-slack-request-timestamp'])) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Request timestamp outside five minutes of now');
      return;
    }
    // Until the token is checked, Bolt cannot authorize an event; Slack redelivers one refused with a 5xx.
    if (state !== 'connected') {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' });
      res.end('Slack adapter not connected yet');
      return;
    }
    try {
      receiver.requestListener(req, res);
    } catch {
      // Bolt throws for a path or method it does not serve (e.g. GET /slack/events).
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  };
  return { receiver, socketMode: false, requestListener, state: () => state, setState };
}

/** Slack's replay window: a signed request is taken only within five minutes of now, either way. */
const REPLAY_WINDOW_S = 5 * 60;

function timestampIsFresh(header: string | string[] | undefined): boolean {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && Math.abs(Date.now() / 1000 - seconds) <= REPLAY_WINDOW_S;
}

function healthz(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
}
