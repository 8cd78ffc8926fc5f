import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { MAX_QUESTION_CHARS } from '../../src/index.js';
import { send } from './http.js';
import { createRateLimiter, createSharedRateLimiter } from './rate-limit.js';
import { createRouter, refuse } from './router.js';
import { loadAssets } from './routes/assets.js';
import { defaultHealth } from './routes/ops.js';
import type { Mount, WebContext, WebLogger, WebServerOptions } from './types.js';

export type { HealthReport, Mount, WebLimits, WebLogger, WebServerOptions } from './types.js';

const silent: WebLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface WebServer {
  server: Server;
  /** Listens on `port` (default 3000; 0 picks a free one) and `host` (default: all interfaces). */
  start(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting connections, lets in-flight requests finish (bounded), then resolves. */
  stop(): Promise<void>;
}

const findMount = (mounts: readonly Mount[], path: string): Mount | undefined =>
  mounts.find((mount) => path === mount.path || path.startsWith(`${mount.path.replace(/\/$/u, '')}/`));

/** Builds the HTTP service (search page, source viewer, API, health, metrics, mounts) without starting it. */
export function createWebServer(options: WebServerOptions): WebServer {
  const ctx: WebContext = {
    core: options.core,
    publicUrl: options.publicUrl?.replace(/\/+$/u, ''),
    logger: options.logger ?? silent,
    health: options.health ?? defaultHealth(options.core),
    metrics: options.metrics,
    maxQuestionChars: options.limits?.maxQuestionChars ?? MAX_QUESTION_CHARS,
  };
  const perMinute = options.limits?.requestsPerMinute ?? 60;
  const local = createRateLimiter(perMinute);
  const route = createRouter({
    ctx,
    limiter: options.state === undefined ? local : createSharedRateLimiter(options.state, perMinute, local),
    assets: loadAssets(),
    maxBodyBytes: options.limits?.maxBodyBytes ?? 1024 * 1024,
  });
  const mounts = options.mounts ?? [];
  const inFlight = new Set<ServerResponse>();
  let closing = false;

  const server = createServer((req, res) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    if (closing) res.setHeader('Connection', 'close');
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request URL.\n');
      return;
    }
    const mount = findMount(mounts, url.pathname);
    if (mount) return mount.handler(req, res);
    route(req, res, url, requestId).catch((error: unknown) => {
      ctx.logger.error({ requestId, path: url.pathname, err: error }, 'web request failed');
      if (!res.headersSent) refuse(res, url.pathname, 500, 'INTERNAL', 'An internal error occurred.');
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    start: (port = 3000, host) => listen(server, port, host),
    stop: () => {
      closing = true;
      return stopServer(server, inFlight, options.shutdownGraceMs ?? 10_000);
    },
  };
}

function listen(server: Server, port: number, host: string | undefined): Promise<{ port: number; url: string }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({ port: bound, url: `http://${shown}:${bound}` });
    });
  });
}

/** Closes the listener and idle keep-alive sockets; busy ones end after their response, or at the deadline. */
async function stopServer(server: Server, inFlight: Set<ServerResponse>, graceMs: number): Promise<void> {
  if (!server.listening) return;
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  deadline.unref();
  await closed;
  clearTimeout(deadline);
}
