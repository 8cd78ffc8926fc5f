import { request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/index.js';
import { getTestCore } from '../../support/test-core.js';
import { startWeb } from './running-web.js';

let core: Core;
beforeAll(async () => {
  core = await getTestCore();
});

/** A raw request, so a declared Content-Length can exceed what fetch would send. */
function rawRequest(url: string, method: string, path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method, headers: { 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('request limits', () => {
  it('refuses methods other than GET/HEAD with 405 and Allow, and serves HEAD', async () => {
    const run = await startWeb({ core });
    try {
      const res = await run.get('/api/ask?q=budapest', { method: 'POST' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(await res.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Only GET is accepted here.' } });
      expect((await run.get('/', { method: 'DELETE' })).status).toBe(405);
      const head = await run.get('/healthz', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    } finally {
      await run.web.stop();
    }
  });

  it('refuses a declared body over the cap with 413 before anything else', async () => {
    const run = await startWeb({ core, limits: { maxBodyBytes: 100 } });
    try {
      const big = await rawRequest(run.url, 'POST', '/api/ask?q=budapest', 'x'.repeat(101));
      expect(big.status).toBe(413);
      expect(JSON.parse(big.text)).toEqual({ error: { code: 'TOO_LARGE', message: 'Request body over 100 bytes.' } });
      expect((await rawRequest(run.url, 'POST', '/api/ask?q=budapest', 'x'.repeat(100))).status).toBe(405);
    } finally {
      await run.web.stop();
    }
  });

  it('rate-limits pages and the API per client with 429 and Retry-After, but never health checks', async () => {
    const run = await startWeb({ core, limits: { requestsPerMinute: 3 } });
    try {
      for (const path of ['/', '/api/search?q=budapest', '/doc/000_adb6d1e7b0eb011b.txt']) expect((await run.get(path)).status).toBe(200);
      const refused = await run.get('/api/ask?q=budapest');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      expect((await run.get('/')).status).toBe(429);
      expect((await run.get('/healthz')).status).toBe(200);
      expect((await run.get('/assets/style.css')).status).toBe(200);
    } finally {
      await run.web.stop();
    }
  });
});

describe('health and metrics', () => {
  it('reports the loaded index by default, and 503 when the given health is not ok', async () => {
    const run = await startWeb({ core });
    const sick = await startWeb({
      core,
      health: () => ({ ok: false, index: { passages: 1, embedder: 'e', modelFree: true, builtAt: 'b' }, adapters: { slack: 'disconnected' } }),
    });
    try {
      const res = await run.get('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, index: { passages: core.info.passages, embedder: core.info.embedder } });
      const bad = await sick.get('/healthz');
      expect(bad.status).toBe(503);
      expect(await bad.json()).toMatchObject({ ok: false, adapters: { slack: 'disconnected' } });
    } finally {
      await Promise.all([run.web.stop(), sick.web.stop()]);
    }
  });

  it('serves the given metrics text with its content type, and 404 when none is given', async () => {
    const text = '# HELP diplomate_questions_total Questions.\n# TYPE diplomate_questions_total counter\ndiplomate_questions_total 3\n';
    const type = 'text/plain; version=0.0.4; charset=utf-8';
    const run = await startWeb({ core, metrics: { contentType: type, render: () => Promise.resolve(text) } });
    const bare = await startWeb({ core });
    try {
      const res = await run.get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(await res.text()).toBe(text);
      expect((await bare.get('/metrics')).status).toBe(404);
    } finally {
      await Promise.all([run.web.stop(), bare.web.stop()]);
    }
  });
});

describe('mounts and shutdown', () => {
  it('hands any method under a mount path to its handler, body included, without the page limits', async () => {
    const seen: string[] = [];
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('mounted');
      });
    };
    const run = await startWeb({ core, mounts: [{ path: '/slack/events', handler }], limits: { requestsPerMinute: 1 } });
    try {
      for (let i = 0; i < 3; i += 1) {
        const res = await run.get('/slack/events', { method: 'POST', body: `token=${i}` });
        expect(await res.text()).toBe('mounted');
      }
      expect(seen).toEqual(['POST /slack/events token=0', 'POST /slack/events token=1', 'POST /slack/events token=2']);
      expect((await run.get('/slack/eventsX', { method: 'POST' })).status).toBe(405);
    } finally {
      await run.web.stop();
    }
  });

  it('stop() refuses new connections, lets the in-flight request finish, then resolves', async () => {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const handler = (_req: IncomingMessage, res: ServerResponse): void => {
      arrived();
      release = () => res.writeHead(200).end('finished');
    };
    const run = await startWeb({ core, mounts: [{ path: '/slow', handler }] });
    await run.get('/healthz');
    const inFlight = run.get('/slow');
    await arrival;
    let stopped = false;
    const stopping = run.web.stop().then(() => (stopped = true));
    await expect(fetch(`${run.url}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false);
    release();
    const res = await inFlight;
    expect(await res.text()).toBe('finished');
    await stopping;
    expect(stopped).toBe(true);
    expect(run.web.server.listening).toBe(false);
  });
});
