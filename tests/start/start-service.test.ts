import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startService, type RunningService, type ServiceLogger } from '../../adapters/runtime/start-service.js';
import { ACTION_HELPFUL, encodeFeedbackValue } from '../../adapters/slack/format.js';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack-api.js';
import { SIGNING_SECRET, buttonBody, eventEnvelope, mentionEvent, postSigned } from '../support/slack-requests.js';

const BOT_TOKEN = 'xoxb-never-logged-0123456789';
const PUBLIC_URL = 'https://diplomate.example.org';
const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';
const work = mkdtempSync(join(tmpdir(), 'diplomate-service-'));
const indexDir = copyOfSharedIndex(join(work, 'index'));

/** Every log line, as the JSON a pino logger would write. */
const logged: { msg: string | undefined; obj: Record<string, unknown> }[] = [];
const push = (obj: object, msg?: string): void => void logged.push({ msg, obj: { ...obj } });
const logger: ServiceLogger = { debug: push, info: push, warn: push, error: push };

let fake: FakeSlackApi;
let service: RunningService;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  service = await startService(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: `${PUBLIC_URL}/`,
      DIPLOMATE_INDEX_DIR: indexDir,
      DIPLOMATE_FEEDBACK_LOG: join(work, 'feedback.jsonl'),
      DIPLOMATE_STATE_DIR: join(work, 'state'),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${fake.url}/api/`,
    },
    logger,
  );
});

afterAll(async () => {
  await service.stop(1000);
  await fake.close();
});

describe('startService with Slack in HTTP mode', () => {
  it('summarises the start-up: index, passages, mode, adapters, URL', () => {
    const ready = logged.find((line) => line.msg?.startsWith('diplomate ready'));
    expect(ready?.obj).toMatchObject({
      indexDir,
      passages: service.core.info.passages,
      modelFree: true,
      adapters: ['web', 'slack (HTTP at /slack/events)'],
      url: service.url,
      publicUrl: PUBLIC_URL,
    });
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
  });

  it('reports the index and the Slack adapter in /healthz', async () => {
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, index: { passages: service.core.info.passages }, adapters: { slack: 'connected' } });
  });

  it('serves Slack events on the web server port, with citation links to PUBLIC_URL', async () => {
    const res = await postSigned(`${service.url}/slack/events`, eventEnvelope(mentionEvent(QUESTION)));
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage').length).toBe(1), { timeout: 15_000, interval: 20 });
    const blocks = JSON.stringify(fake.callsTo('chat.postMessage')[0]?.body['blocks']);
    expect(blocks).toMatch(/<https:\/\/diplomate\.example\.org\/doc\/004_c3f6cb5d275c60c7\.txt\?hl=\d+-\d+#L\d+-L\d+\|l\. /u);
    const wrong = await postSigned(`${service.url}/slack/events`, eventEnvelope(mentionEvent(QUESTION)), { secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
  });

  it.each([
    ['six minutes ahead', 6 * 60],
    ['six minutes old', -6 * 60],
  ])('refuses a correctly signed request dated %s (replay window)', async (_, offset) => {
    const before = fake.callsTo('chat.postMessage').length;
    const timestamp = Math.floor(Date.now() / 1000) + offset;
    const res = await postSigned(`${service.url}/slack/events`, eventEnvelope(mentionEvent(QUESTION)), { timestamp });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo('chat.postMessage').length).toBe(before);
  });

  it('counts Slack questions and votes in /metrics and logs one line per question without secrets', async () => {
    const value = encodeFeedbackValue({ question: QUESTION, citations: ['004_c3f6cb5d275c60c7.txt#602-603'] });
    const click = await postSigned(`${service.url}/slack/events`, buttonBody(ACTION_HELPFUL, value, `${fake.url}/response/fb1`), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(click.status).toBe(200);
    await vi.waitFor(() => expect(readFileSync(join(work, 'feedback.jsonl'), 'utf8')).toContain('"verdict":"helpful"'), { timeout: 5000 });

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('diplomate_questions_total{platform="slack"} 1');
    expect(metrics).toContain('diplomate_feedback_total{platform="slack",vote="helpful"} 1');
    const questions = logged.filter((line) => line.msg === 'question');
    expect(questions).toHaveLength(1);
    expect(questions[0]?.obj).toMatchObject({ platform: 'slack', question: QUESTION, abstained: false });
    const everything = JSON.stringify(logged);
    expect(everything).not.toContain(BOT_TOKEN);
    expect(everything).not.toContain(SIGNING_SECRET);
  });

  it('stops: refuses new questions, drains, closes the port', async () => {
    expect(await service.stop(5000)).toEqual({ drained: true });
    await expect(service.core.ask(QUESTION)).resolves.toBeDefined(); // the raw core is untouched
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });
});
