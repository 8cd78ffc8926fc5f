import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, sendJsonError } from './http.js';
import type { RequestLimiter } from './rate-limit.js';
import { handleApi } from './routes/api.js';
import { handleAsset, type Asset } from './routes/assets.js';
import { handleHealth, handleMetrics } from './routes/ops.js';
import { handleDocPage, handleSearchPage } from './routes/pages.js';
import type { WebContext } from './types.js';

export interface RouterParts {
  ctx: WebContext;
  limiter: RequestLimiter;
  assets: ReadonlyMap<string, Asset>;
  maxBodyBytes: number;
}

/** A refusal in the shape the path expects: JSON under /api/, a short line of text elsewhere. */
export function refuse(res: ServerResponse, path: string, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  if (path.startsWith('/api/')) sendJsonError(res, status, code, message, extra);
  else send(res, status, 'text/plain; charset=utf-8', `${message}\n`, extra);
}

/**
 * Everything but mounts: body cap, then method, then the unlimited operational routes (health, metrics, assets),
 * then the rate-limited pages and API.
 */
export function createRouter({ ctx, limiter, assets, maxBodyBytes }: RouterParts) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    const path = url.pathname;
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
      refuse(res, path, 413, 'TOO_LARGE', `Request body over ${maxBodyBytes} bytes.`, { Connection: 'close' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, path, 405, 'METHOD_NOT_ALLOWED', 'Only GET is accepted here.', { Allow: 'GET, HEAD' });
      return;
    }
    if (path === '/healthz') return handleHealth(res, ctx);
    if (path === '/metrics') return handleMetrics(res, ctx);
    if (path.startsWith('/assets/')) return handleAsset(req, res, url, assets);
    const decision = await limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (!decision.allowed) {
      const retry = String(decision.retryAfterSeconds);
      refuse(res, path, 429, 'RATE_LIMITED', `Too many requests; retry in ${retry} s.`, { 'Retry-After': retry });
      return;
    }
    if (path === '/') return handleSearchPage(req, res, url, ctx, requestId);
    if (path.startsWith('/doc/')) return handleDocPage(req, res, url, ctx);
    if (path === '/api/ask') return handleApi('ask', url, res, ctx, requestId);
    if (path === '/api/search') return handleApi('search', url, res, ctx, requestId);
    refuse(res, path, 404, 'NOT_FOUND', 'Not found.');
  };
}
