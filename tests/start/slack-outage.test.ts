import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startService, type RunningService, type ServiceLogger } from '../../adapters/runtime/start-service.js';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack-api.js';
import { SIGNING_SECRET, eventEnvelope, mentionEvent, postSigned } from '../support/slack-requests.js';

const BOT_TOKEN = 'xoxb-never-logged-0123456789';
const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';
const indexDir = copyOfSharedIndex();

interface Line {
  level: string;
  msg: string | undefined;
  obj: Record<string, unknown>;
}

const running: { service: RunningService; fake?: FakeSlackApi }[] = [];
afterEach(async () => {
  for (const { service, fake } of running.splice(0)) {
    await service.stop(1000);
    await fake?.close();
  }
});

async function start(apiUrl: string, fake?: FakeSlackApi): Promise<{ service: RunningService; lines: Line[] }> {
  const lines: Line[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, msg, obj: { ...obj } });
  const logger: ServiceLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const work = mkdtempSync(join(tmpdir(), 'diplomate-slack-outage-'));
  const service = await startService(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DIPLOMATE_INDEX_DIR: indexDir,
      DIPLOMATE_FEEDBACK_LOG: join(work, 'feedback.jsonl'),
      DIPLOMATE_STATE_DIR: join(work, 'state'),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${apiUrl}/api/`,
    },
    logger,
  );
  running.push({ service, ...(fake ? { fake } : {}) });
  return { service, lines };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const health = async (service: RunningService) => {
  const res = await fetch(`${service.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { adapters: Record<string, string> } };
};

describe('Slack down or refusing never stops the service', () => {
  it('Slack unreachable at start: the web keeps answering, /healthz says Slack is disconnected, one log line', async () => {
    const { service, lines } = await start(await closedPortUrl());
    await vi.waitFor(() => expect(lines.some((line) => line.msg?.startsWith('slack unreachable at start'))).toBe(true), {
      timeout: 15_000,
      interval: 50,
    });
    // Bolt's own token check used to reject unhandled about two seconds in, ending the process; give it time to.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await health(service)).toMatchObject({ status: 503, body: { adapters: { slack: 'disconnected' } } });
    expect((await fetch(`${service.url}/api/ask?q=${encodeURIComponent(QUESTION)}`)).status).toBe(200);
    const events = await postSigned(`${service.url}/slack/events`, eventEnvelope(mentionEvent(QUESTION)));
    expect(events.status).toBe(503);
    expect(lines.filter((line) => line.msg?.startsWith('slack unreachable')).length).toBe(1);
    expect(JSON.stringify(lines)).not.toContain(BOT_TOKEN);
  });

  it('Slack failing, then back: the adapter retries with backoff and connects', async () => {
    const fake = await startFakeSlackApi();
    // The Web API client's own retries included, the first check fails; the next one, a second later, succeeds.
    fake.fail('auth.test', { status: 503, times: 3 });
    const { service, lines } = await start(fake.url, fake);
    await vi.waitFor(async () => expect((await health(service)).body.adapters['slack']).toBe('connected'), { timeout: 20_000, interval: 100 });
    expect(fake.callsTo('auth.test').length).toBe(4);
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^slack unreachable at start/u), 'slack reachable again: adapter connected']),
    );
  });

  it('a refused token: one line naming SLACK_BOT_TOKEN, disconnected, no retry loop', async () => {
    const fake = await startFakeSlackApi();
    fake.fail('auth.test', { error: 'invalid_auth' });
    const { service, lines } = await start(fake.url, fake);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const refused = lines.filter((line) => line.level === 'error' && line.msg?.includes('SLACK_BOT_TOKEN'));
    expect(refused).toHaveLength(1);
    expect(refused[0]?.msg).toContain('invalid_auth');
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(await health(service)).toMatchObject({ status: 503, body: { adapters: { slack: 'disconnected' } } });
    expect((await fetch(`${service.url}/api/ask?q=${encodeURIComponent(QUESTION)}`)).status).toBe(200);
  });
});
