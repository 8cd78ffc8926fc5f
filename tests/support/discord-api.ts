import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageFields } from './discord-message.js';

/** One request the fake Discord REST API received. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without the query string, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text when not JSON, or `undefined` when empty. */
  body: unknown;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only after this many ms: a slow Discord. */
  delayMs?: number;
}

interface Script {
  method: string;
  path: RegExp;
  responses: ScriptedResponse[];
}

export interface FakeDiscordApi {
  /** Origin, e.g. `http://127.0.0.1:4321`; pass `url + '/api'` as the REST `api` option. */
  url: string;
  requests: RecordedRequest[];
  /** Queue responses for matching requests, used once each in order before the defaults apply. */
  script(method: string, path: RegExp, ...responses: ScriptedResponse[]): void;
  /** A 429 as Discord sends it: `retry_after` in the body and Retry-After headers. */
  rateLimited(retryAfterSeconds?: number): ScriptedResponse;
  /** Resolves with the first recorded request matching, waiting for it if need be. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  find(method: string, path: RegExp): RecordedRequest[];
  close(): Promise<void>;
}

let nextId = 900_000_000_000_000_000n;

function fakeMessage(channelId: string, body: unknown, applicationId?: string): Record<string, unknown> {
  const data = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  nextId += 1n;
  return {
    ...messageFields({
      id: String(nextId),
      content: typeof data['content'] === 'string' ? data['content'] : '',
      author: { id: applicationId ?? '100000000000000001', username: 'diplomate', bot: true },
      embeds: Array.isArray(data['embeds']) ? data['embeds'] : [],
      components: Array.isArray(data['components']) ? data['components'] : [],
      flags: typeof data['flags'] === 'number' ? data['flags'] : 0,
    }),
    channel_id: channelId,
    ...(applicationId ? { webhook_id: applicationId, application_id: applicationId } : {}),
  };
}

/** Default answers of the fake API, close enough to Discord's for discord.js to parse. */
function defaultResponse(request: RecordedRequest): ScriptedResponse {
  const { method, path } = request;
  let match: RegExpExecArray | null;
  if (method === 'POST' && /^\/api\/v10\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return { status: 204 };
  if ((match = /^\/api\/v10\/webhooks\/([^/]+)\/[^/]+(?:\/messages\/[^/]+)?$/.exec(path)) && (method === 'PATCH' || method === 'POST')) {
    return { status: 200, body: fakeMessage('200000000000000001', request.body, match[1]) };
  }
  if (method === 'POST' && (match = /^\/api\/v10\/channels\/([^/]+)\/typing$/.exec(path))) return { status: 204 };
  if (method === 'POST' && (match = /^\/api\/v10\/channels\/([^/]+)\/messages$/.exec(path))) {
    return { status: 200, body: fakeMessage(match[1] ?? '0', request.body) };
  }
  if (method === 'PATCH' && (match = /^\/api\/v10\/channels\/([^/]+)\/messages\/([^/]+)$/.exec(path))) {
    return { status: 200, body: { ...fakeMessage(match[1] ?? '0', request.body), id: match[2] } };
  }
  if (method === 'PUT' && /^\/api\/v10\/applications\/[^/]+(?:\/guilds\/[^/]+)?\/commands$/.test(path)) {
    const list = Array.isArray(request.body) ? (request.body as Record<string, unknown>[]) : [];
    return { status: 200, body: list.map((command, index) => ({ ...command, id: String(300000000000000000n + BigInt(index)), version: '1' })) };
  }
  return { status: 404, body: { message: 'Unknown route (fake Discord API)', code: 0 } };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Starts a loopback HTTP server speaking enough of Discord's REST API for the bot. */
export async function startFakeDiscordApi(): Promise<FakeDiscordApi> {
  const requests: RecordedRequest[] = [];
  const scripts: Script[] = [];
  const waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.search,
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(request);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(request)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(request);
        }
      }
      const script = scripts.find((s) => s.method === request.method && s.path.test(request.path) && s.responses.length > 0);
      const response = script?.responses.shift() ?? defaultResponse(request);
      if (response.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
      const headers: Record<string, string> = { ...response.headers };
      if (response.body !== undefined) headers['content-type'] = 'application/json';
      res.writeHead(response.status, headers);
      res.end(response.body === undefined ? undefined : JSON.stringify(response.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(method, path, ...responses) {
      scripts.push({ method, path, responses });
    },
    rateLimited(retryAfterSeconds = 0.05) {
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
        headers: {
          'retry-after': String(retryAfterSeconds),
          'x-ratelimit-limit': '1',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfterSeconds),
          'x-ratelimit-scope': 'user',
        },
      };
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = requests.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Discord API: expected request never came')), timeoutMs);
        waiters.push({
          predicate,
          resolve: (request) => {
            clearTimeout(timer);
            resolve(request);
          },
        });
      });
    },
    find(method, path) {
      return requests.filter((request) => request.method === method && path.test(request.path));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
