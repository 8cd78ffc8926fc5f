import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { isAppError, type AppErrorCode } from '../../src/index.js';

/** Headers on every response we write: no external resources, no sniffing, no referrer leaks, no framing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** Like `send`, gzipped when the client accepts it and the body is worth it (document pages are ~300 kB of text). */
export function sendCompressed(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  const accepts = /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
  if (!accepts || body.length < 2048) {
    send(res, status, type, body, { Vary: 'Accept-Encoding', ...extra });
    return;
  }
  send(res, status, type, gzipSync(body), { Vary: 'Accept-Encoding', 'Content-Encoding': 'gzip', ...extra });
}

export function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), extra);
}

/** The API's error shape: `{"error": {"code", "message"}}`; never a stack. */
export function sendJsonError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, extra);
}

const STATUS_BY_CODE: Partial<Record<AppErrorCode, number>> = {
  BAD_INPUT: 400,
  BAD_CONFIG: 500,
  SEEDS_MISSING: 503,
  INDEX_MISSING: 503,
  INDEX_STALE: 503,
  INDEX_CORRUPT: 503,
  INDEX_BUSY: 503,
  INDEX_WRITE: 503,
  MODEL_UNAVAILABLE: 503,
  UPSTREAM: 502,
  TIMEOUT: 504,
  SHUTTING_DOWN: 503,
  INTERNAL: 500,
};

/** Maps anything thrown to an HTTP status, a code and a short sentence fit for a user. */
export function describeFailure(error: unknown): { status: number; code: string; message: string } {
  if (isAppError(error)) return { status: STATUS_BY_CODE[error.code] ?? 500, code: error.code, message: error.message };
  return { status: 500, code: 'INTERNAL', message: 'An internal error occurred.' };
}
