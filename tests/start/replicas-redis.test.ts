import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_HELPFUL, encodeFeedbackValue } from '../../adapters/slack/format.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack-api.js';
import { buttonBody, eventEnvelope, mentionEvent, postSigned } from '../support/slack-requests.js';
import { startSlackService, type SlackService } from './slack-service.js';

const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';
const RETRY = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
const indexDir = copyOfSharedIndex();
let redis: RedisServer;
let fake: FakeSlackApi;
let a: SlackService;
let b: SlackService;
/** Thread of the event delivered to both replicas at once, checked again once both have drained. */
let raced: unknown;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startRedisServer(), startFakeSlackApi()]);
  [a, b] = await Promise.all([
    startSlackService({ indexDir, slackUrl: fake.url, redisUrl: redis.url }),
    startSlackService({ indexDir, slackUrl: fake.url, redisUrl: redis.url }),
  ]);
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  await Promise.all([redis.stop(), fake.close()]);
});

const answersIn = (threadTs: unknown) => fake.callsTo('chat.postMessage').filter((call) => call.body['thread_ts'] === threadTs);
const health = async (service: SlackService) => {
  const res = await fetch(`${service.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { state?: unknown } };
};
const messages = (service: SlackService, prefix: string) =>
  service.process.logs().filter((line) => typeof line['msg'] === 'string' && line['msg'].startsWith(prefix));
const feedbackLines = (service: SlackService): string[] => {
  try {
    return readFileSync(service.feedbackLog, 'utf8').split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
};
const askBoth = async (events: [SlackService, Record<string, unknown>][]) => {
  for (const [service, event] of events) await postSigned(`${service.url}/slack/events`, eventEnvelope(event));
  await vi.waitFor(() => expect(events.every(([, event]) => answersIn(event['ts']).length === 1)).toBe(true), { timeout: 15_000, interval: 50 });
};

describe('two npm start replicas sharing one Redis', () => {
  it('report Redis as their state store in /healthz', async () => {
    for (const service of [a, b]) expect(await health(service)).toMatchObject({ status: 200, body: { state: { store: 'redis', state: 'up' } } });
  });

  it('answer once an event and its retry delivered to both at the same time', async () => {
    const event = mentionEvent(QUESTION);
    const body = eventEnvelope(event);
    const [first, retry] = await Promise.all([
      postSigned(`${a.url}/slack/events`, body),
      postSigned(`${b.url}/slack/events`, body, { headers: RETRY }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    // A question to each replica afterwards: once both are answered, the duplicate's claim was long decided.
    await askBoth([
      [a, mentionEvent(QUESTION)],
      [b, mentionEvent(QUESTION)],
    ]);
    expect(answersIn(event['ts'])).toHaveLength(1);
    raced = event['ts'];
  });

  it('count each vote once: a double click reaching both replicas, and another user on the second', async () => {
    const value = encodeFeedbackValue({ question: QUESTION, citations: ['004_c3f6cb5d275c60c7.txt#602-603'] });
    const click = (service: SlackService, user: string, id: string) =>
      postSigned(`${service.url}/slack/events`, buttonBody(ACTION_HELPFUL, value, `${fake.url}/response/${id}`, 'C1', user), {
        contentType: 'application/x-www-form-urlencoded',
      });
    await Promise.all([click(a, 'U1', 'v1'), click(b, 'U1', 'v2')]);
    await click(b, 'U2', 'v3');
    await vi.waitFor(() => expect(fake.callsTo('response_url')).toHaveLength(3), { timeout: 10_000, interval: 50 });
    const replies = fake.callsTo('response_url').map((call) => String(call.body['text']));
    expect(replies.sort()).toEqual(['Merci pour votre avis !', 'Merci pour votre avis !', 'Vous avez déjà donné votre avis sur cette réponse.']);
    await vi.waitFor(() => expect([...feedbackLines(a), ...feedbackLines(b)]).toHaveLength(2), { timeout: 5000, interval: 50 });
    const users = [...feedbackLines(a), ...feedbackLines(b)].map((line) => (JSON.parse(line) as { userId: string }).userId);
    expect(users.sort()).toEqual(['U1', 'U2']);
  });

  it('share one rate limit: 60 requests a minute in all, not 60 each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      statuses.push((await fetch(`${a.url}/api/search?q=budapest`)).status, (await fetch(`${b.url}/api/search?q=budapest`)).status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(0);
    const over = await fetch(`${a.url}/api/search?q=budapest`);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('Redis stopped mid-run: /healthz 503 with the store down, one log line, Slack events refused for redelivery; back when Redis is', async () => {
    await redis.stop();
    for (const service of [a, b]) {
      await vi.waitFor(async () => expect(await health(service)).toMatchObject({ status: 503, body: { state: { store: 'redis', state: 'down' } } }), {
        timeout: 10_000,
        interval: 100,
      });
    }
    const event = mentionEvent(QUESTION);
    const body = eventEnvelope(event);
    expect((await postSigned(`${a.url}/slack/events`, body)).status).toBe(503);
    // The web page keeps answering, on this process's own rate limit.
    expect((await fetch(`${a.url}/api/ask?q=${encodeURIComponent(QUESTION)}`)).status).toBe(200);

    await redis.restart();
    for (const service of [a, b]) {
      await vi.waitFor(async () => expect((await health(service)).status).toBe(200), { timeout: 10_000, interval: 100 });
      expect(messages(service, 'state store down')).toHaveLength(1);
      expect(messages(service, 'state store up again')).toHaveLength(1);
    }
    // Slack redelivers the refused event; it is answered once.
    expect((await postSigned(`${b.url}/slack/events`, body, { headers: RETRY })).status).toBe(200);
    await vi.waitFor(() => expect(answersIn(event['ts'])).toHaveLength(1), { timeout: 15_000, interval: 50 });
  });

  it('stop on SIGTERM with exit 0, having answered the raced event once, with no "store down" line but the real one', async () => {
    // The drain lets every delivery already taken finish, so nothing is still on its way to Slack.
    expect(await Promise.all([a.stop(), b.stop()])).toMatchObject([{ code: 0 }, { code: 0 }]);
    expect(answersIn(raced)).toHaveLength(1);
    for (const service of [a, b]) expect(messages(service, 'state store down')).toHaveLength(1);
  });
});
