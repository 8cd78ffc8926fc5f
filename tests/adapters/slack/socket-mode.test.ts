import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import type { Core } from '../../../src/index.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack-api.js';
import { eventEnvelope, mentionEvent, testSlackConfig } from '../../support/slack-requests.js';
import { attachSocketMode, type FakeSocketMode } from '../../support/slack-socket.js';
import { getTestCore } from '../../support/test-core.js';

const QUESTION = "Quelle est la position de la France sur la gouvernance de l'Internet ?";
const APP_TOKEN = 'xapp-1-test-socket';
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeSlackApi;
let socket: FakeSocketMode;
let core: Core;
let slack: SlackApp;
/** What the core waits for before answering: nothing, unless a test holds it back. */
let gate: Promise<void> = Promise.resolve();

/** An `events_api` envelope as Slack sends it over the WebSocket. */
function eventsApi(envelopeId: string, event: Record<string, unknown>, eventId: string, retry = 0): Record<string, unknown> {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: retry,
    retry_reason: retry === 0 ? '' : 'timeout',
    payload: JSON.parse(eventEnvelope(event, eventId)) as unknown,
  };
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
  socket = attachSocketMode(fake);
  core = await getTestCore();
  // Without known bot ids the token is checked with auth.test first, as in production.
  const held: Pick<Core, 'ask'> = {
    async ask(question, options) {
      await gate;
      return core.ask(question, options);
    },
  };
  slack = createSlackApp({
    core: held,
    config: testSlackConfig(`${fake.url}/api/`, { appToken: APP_TOKEN }),
    logger: silent,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const { port } = await slack.start();
  expect(port).toBeNull();
  await socket.connected();
}, 20_000);

afterAll(async () => {
  await slack.stop();
  await socket.close();
  await fake.close();
});

describe('Slack in Socket Mode (the real Bolt SocketModeReceiver against a loopback Slack)', () => {
  it('opens the connection with the app-level token and reports connected once Slack says hello', async () => {
    const opened = fake.callsTo('apps.connections.open');
    expect(opened.length).toBeGreaterThanOrEqual(1);
    expect(opened[0]?.token).toBe(APP_TOKEN);
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
    await vi.waitFor(() => expect(slack.state()).toBe('connected'), { timeout: 5000 });
  });

  it('acks an app_mention envelope with its envelope_id at once, then posts the cited answer in the thread', async () => {
    let release: () => void = () => {};
    gate = new Promise((resolve) => (release = resolve));
    const mention = mentionEvent(QUESTION, { user: 'U123' });
    socket.send(eventsApi('env-mention-1', mention, 'EvSocket1'));
    // Acked while the core is still held back: Slack's 3 s do not wait for the answer.
    await vi.waitFor(() => expect(socket.received.map((m) => m['envelope_id'])).toContain('env-mention-1'), { timeout: 5000 });
    expect(socket.received.find((m) => m['envelope_id'] === 'env-mention-1')).toEqual({ envelope_id: 'env-mention-1', payload: {} });
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    release();
    gate = Promise.resolve();

    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage').length).toBe(1), { timeout: 15_000 });
    const post = fake.callsTo('chat.postMessage')[0];
    expect(post?.token).toBe('xoxb-test');
    expect(post?.body).toMatchObject({ channel: 'C1', thread_ts: mention['ts'] });
    const answer = await core.ask(QUESTION);
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') expect(JSON.stringify(post?.body['blocks'])).toContain(answer.citations[0]?.quote.slice(0, 80));
  });

  it('acks a redelivered envelope but answers its event only once', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    const mention = mentionEvent(QUESTION);
    socket.send(eventsApi('env-first', mention, 'EvSocket2'));
    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage').length).toBe(before + 1), { timeout: 15_000 });
    socket.send(eventsApi('env-retry', mention, 'EvSocket2', 1));
    await vi.waitFor(() => expect(socket.received.map((m) => m['envelope_id'])).toContain('env-retry'), { timeout: 5000 });
    // The retry is acknowledged (Slack would redeliver it otherwise); the claim on its event id keeps it unanswered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo('chat.postMessage').length).toBe(before + 1);
  });
});
