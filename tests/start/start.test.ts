import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { startServiceProcess, type ServiceProcess } from './service-process.js';

const work = mkdtempSync(join(tmpdir(), 'diplomate-start-'));
/** One index for every process of this file, copied from the run's shared one. */
const indexDir = copyOfSharedIndex(join(work, 'index'));
const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';

const running: ServiceProcess[] = [];
function start(env: Record<string, string> = {}): ServiceProcess {
  const service = startServiceProcess({
    PORT: '0',
    HOST: '127.0.0.1',
    DIPLOMATE_INDEX_DIR: indexDir,
    DIPLOMATE_FEEDBACK_LOG: join(work, 'feedback.jsonl'),
    DIPLOMATE_STATE_DIR: join(work, 'state'),
    ...env,
  });
  running.push(service);
  return service;
}

const isReady = (log: Record<string, unknown>): boolean => String(log['msg']).startsWith('diplomate ready');

afterEach(() => {
  for (const service of running.splice(0)) if (service.child.exitCode === null) service.child.kill('SIGKILL');
});

describe('npm start (adapters/start.ts)', () => {
  it('runs the web server alone when no chat platform is configured, and stops with exit 0 on SIGTERM', async () => {
    const service = start();
    const ready = await service.waitForLog(isReady);
    expect(ready).toMatchObject({ passages: expect.any(Number), modelFree: true, adapters: ['web'], indexDir });
    expect(String(ready['msg'])).toMatch(/passages .*model-free.*adapters: web/u);
    const url = String(ready['url']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(ready['publicUrl']).toBe(url.replace('127.0.0.1', 'localhost'));

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, adapters: {} });
    const asked = await fetch(`${url}/api/ask?q=${encodeURIComponent(QUESTION)}`);
    expect(asked.status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('diplomate_questions_total{platform="web"} 1');
    const line = await service.waitForLog((log) => log['msg'] === 'question');
    expect(line).toMatchObject({ platform: 'web', kind: 'ask', question: QUESTION, abstained: false });

    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.logs().some((log) => log['msg'] === 'stopped')).toBe(true);
  });

  it('finishes a question in flight before exiting on SIGTERM, refusing new ones meanwhile', async () => {
    // The LLM stand-in holds its reply until released: the question stays in flight as long as the test needs.
    const llm = await startHeldLlm();
    try {
      const secret = 'sk-test-never-logged-0123456789';
      const service = start({ LLM_BASE_URL: llm.url, LLM_MODEL: 'test-model', LLM_API_KEY: secret, LLM_TIMEOUT_MS: '120000' });
      const url = String((await service.waitForLog(isReady))['url']);
      const pending = fetch(`${url}/api/ask?q=${encodeURIComponent(QUESTION)}`);
      await waitUntil(() => llm.received() > 0);
      service.child.kill('SIGTERM');
      await service.waitForLog((log) => String(log['msg']).startsWith('shutting down'));
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false });
      const refused = await fetch(`${url}/api/ask?q=${encodeURIComponent(QUESTION)}`);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: { code: 'SHUTTING_DOWN' } });
      expect(service.child.exitCode).toBeNull();

      llm.release(); // the LLM fails: the answer falls back to the extractive one
      const answer = await pending;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ abstained: false, mode: 'extractive' });
      expect(await service.exited).toEqual({ code: 0, signal: null });
      expect(service.lines.join('\n')).not.toContain(secret);
    } finally {
      await llm.close();
    }
  });

  it('exits 1 at once on a second signal while questions are still in flight', async () => {
    const llm = await startHeldLlm();
    try {
      const service = start({ LLM_BASE_URL: llm.url, LLM_MODEL: 'test-model', LLM_TIMEOUT_MS: '120000' });
      const url = String((await service.waitForLog(isReady))['url']);
      const pending = fetch(`${url}/api/ask?q=${encodeURIComponent(QUESTION)}`).catch(() => null);
      await waitUntil(() => llm.received() > 0);
      service.child.kill('SIGTERM');
      await service.waitForLog((log) => String(log['msg']).startsWith('shutting down'));
      service.child.kill('SIGINT');
      expect(await service.exited).toEqual({ code: 1, signal: null });
      expect(service.logs().some((log) => log['msg'] === 'second signal: exiting now')).toBe(true);
      await pending;
    } finally {
      await llm.close();
    }
  });

  it('refuses a bad environment, naming the variable but never its value', async () => {
    const service = start({ PORT: 'port-4242x', PUBLIC_URL: 'ftp://nope-value' });
    const { code } = await service.exited;
    expect(code).not.toBe(0);
    const output = service.lines.join('\n');
    expect(output).toContain('PORT');
    expect(output).toContain('PUBLIC_URL');
    expect(output).not.toContain('port-4242x');
    expect(output).not.toContain('nope-value');
    expect(output).not.toMatch(/\n\s+at /u); // no stack trace
  });
});

/** Polls `condition` (the child runs in another process: there is no event to wait on). */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition()).toBe(true);
}

/** A loopback stand-in for an LLM API that holds every request until `release()`, then fails them (HTTP 500). */
async function startHeldLlm(): Promise<{ url: string; received(): number; release(): void; close(): Promise<void> }> {
  const held: ServerResponse[] = [];
  let received = 0;
  let released = false;
  const fail = (res: ServerResponse): void => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'scripted failure', type: 'test', code: null } }));
  };
  const server = createServer((req, res) => {
    received += 1;
    req.resume();
    if (released) fail(res);
    else held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received: () => received,
    release() {
      released = true;
      for (const res of held.splice(0)) fail(res);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
