import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/slack-api.js';
import { eventEnvelope, mentionEvent, postSigned } from '../support/slack-requests.js';
import { startSlackService } from './slack-service.js';

const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';
const indexDir = copyOfSharedIndex();
let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await fake.close();
});

const answersIn = (threadTs: unknown) => fake.callsTo('chat.postMessage').filter((call) => call.body['thread_ts'] === threadTs);

describe('the embedded state store across a restart', () => {
  it('the same Slack event delivered before and after a restart is answered once', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'diplomate-restart-state-'));
    const event = mentionEvent(QUESTION);
    const body = eventEnvelope(event);

    const first = await startSlackService({ indexDir, slackUrl: fake.url, stateDir });
    const health = await fetch(`${first.url}/healthz`);
    expect({ status: health.status, body: await health.json() }).toMatchObject({ status: 200, body: { state: { store: 'embedded', state: 'up' } } });
    expect((await postSigned(`${first.url}/slack/events`, body)).status).toBe(200);
    await vi.waitFor(() => expect(answersIn(event['ts'])).toHaveLength(1), { timeout: 15_000, interval: 50 });
    expect(await first.stop()).toMatchObject({ code: 0 });

    // Slack's retry of the same delivery reaches the restarted process, followed by a new question.
    const second = await startSlackService({ indexDir, slackUrl: fake.url, stateDir });
    const retry = await postSigned(`${second.url}/slack/events`, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'timeout' } });
    expect(retry.status).toBe(200);
    const other = mentionEvent(QUESTION);
    await postSigned(`${second.url}/slack/events`, eventEnvelope(other));
    await vi.waitFor(() => expect(answersIn(other['ts'])).toHaveLength(1), { timeout: 15_000, interval: 50 });
    // The drain on SIGTERM lets every delivery already taken finish before the count is read.
    expect(await second.stop()).toMatchObject({ code: 0 });
    expect(answersIn(event['ts'])).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
