import { WebSocketServer, type WebSocket } from 'ws';
import { SOCKET_PATH, type FakeSlackApi } from './slack-api.js';

/** A loopback stand-in for Slack's Socket Mode WebSocket, served by the fake Web API's own server. */
export interface FakeSocketMode {
  /** Resolves once a client has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** Sends one envelope (`events_api`, `slash_commands`…) to every connected client. */
  send(envelope: Record<string, unknown>): void;
  /** Every message a client sent back: Socket Mode acks are `{ envelope_id, payload }`. */
  received: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Upgrades requests for the URL `apps.connections.open` returned, and greets each client with `hello` as Slack does. */
export function attachSocketMode(fake: FakeSlackApi): FakeSocketMode {
  const wss = new WebSocketServer({ server: fake.server, path: SOCKET_PATH });
  const clients = new Set<WebSocket>();
  const received: Record<string, unknown>[] = [];
  let greeted: () => void = () => {};
  const firstHello = new Promise<void>((resolve) => (greeted = resolve));
  wss.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('message', (data) => {
      const parsed: unknown = JSON.parse(String(data));
      if (typeof parsed === 'object' && parsed !== null) received.push({ ...parsed });
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'loopback' } }));
    greeted();
  });
  return {
    connected: () => firstHello,
    send(envelope) {
      for (const socket of clients) socket.send(JSON.stringify(envelope));
    },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of clients) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}
