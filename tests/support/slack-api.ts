import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Slack received. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`), or `response_url` for posts to a response URL. */
  method: string;
  path: string;
  /** Parsed body: JSON, or form fields with JSON-looking values decoded. */
  body: Record<string, unknown>;
  /** The token the call carried (`Authorization: Bearer …`), when any. */
  token?: string;
  at: number;
}

export interface FailureScript {
  /** HTTP status (default 200 with `ok: false`). 429 adds `Retry-After`. */
  status?: number;
  /** Slack error code in the body (default `internal_error`, or `ratelimited` for 429). */
  error?: string;
  /** How many calls fail before the method works again (default: all). */
  times?: number;
}

/** A loopback stand-in for the Slack Web API and response URLs. */
export interface FakeSlackApi {
  url: string;
  /** The loopback server, for a WebSocket stand-in to share (see slack-socket.ts). */
  server: Server;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Makes `method` fail as scripted. */
  fail(method: string, script?: FailureScript): void;
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json') === true) {
    const data: unknown = JSON.parse(raw);
    return typeof data === 'object' && data !== null ? { ...data } : {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // keep as text
      }
    }
    out[key] = value;
  }
  return out;
}

/** Where the WebSocket that `apps.connections.open` returns is served. */
export const SOCKET_PATH = '/link/';

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, FailureScript & { left: number }>();
  let counter = 0;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const apiMatch = /^\/api\/(.+)$/.exec(path);
      const method = apiMatch?.[1] ?? 'response_url';
      let body: Record<string, unknown>;
      try {
        body = parseBody(raw, req.headers['content-type']);
      } catch {
        body = { raw };
      }
      const token = /^Bearer (.+)$/u.exec(req.headers.authorization ?? '')?.[1];
      calls.push({ method, path, body, ...(token === undefined ? {} : { token }), at: Date.now() });
      const failure = failures.get(method);
      if (failure !== undefined && failure.left > 0) {
        failure.left -= 1;
        const status = failure.status ?? 200;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (status === 429) headers['retry-after'] = '0';
        res.writeHead(status, headers);
        res.end(JSON.stringify({ ok: false, error: failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error') }));
        return;
      }
      counter += 1;
      const ts = `1700000000.${String(counter).padStart(6, '0')}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      // apps.connections.open hands Socket Mode the address of its WebSocket, served by this same server.
      const socket = method === 'apps.connections.open' ? { url: `ws://127.0.0.1:${port}${SOCKET_PATH}?ticket=t${counter}` } : {};
      res.end(JSON.stringify({ ok: true, ts, channel: body['channel'] ?? 'C000', user_id: 'UBOT', bot_id: 'BBOT', ...socket }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    server,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail(method, script = {}) {
      failures.set(method, { ...script, left: script.times ?? Number.POSITIVE_INFINITY });
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
