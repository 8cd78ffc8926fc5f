import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebServer } from '../../../adapters/web/server.js';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import { formatAnswer } from '../../../adapters/slack/format.js';
import { type Core } from '../../../src/index.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack-api.js';
import { BOT_ID, BOT_USER_ID, eventEnvelope, mentionEvent, postSigned, testSlackConfig } from '../../support/slack-requests.js';
import { sourcePath } from '../../../adapters/shared/citation-text.js';
import { getTestCore } from '../../support/test-core.js';

const PUBLIC_URL = 'https://diplomate.example.org';
const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let core: Core;
beforeAll(async () => {
  core = await getTestCore();
});

describe('Slack citation links', () => {
  it('links each cited line range to its source-viewer page when a public URL is known', async () => {
    const answer = await core.ask(QUESTION);
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    const text = JSON.stringify(formatAnswer(answer, { publicUrl: PUBLIC_URL }).blocks);
    for (const c of answer.citations) {
      expect(text).toContain(`<${PUBLIC_URL}${sourcePath(c.doc, c.lines)}|l. ${c.lines[0]}–${c.lines[1]}>`);
    }
    expect(JSON.stringify(formatAnswer(answer).blocks)).not.toContain('/doc/');
  });

  it('links the nearest passages of a "not covered" answer too', async () => {
    const answer = await core.ask('What is France’s position on regulating cryptocurrencies such as Bitcoin?');
    expect(answer.kind).toBe('not-covered');
    if (answer.kind !== 'not-covered') return;
    const text = JSON.stringify(formatAnswer(answer, { publicUrl: PUBLIC_URL }).blocks);
    for (const hit of answer.seeAlso) expect(text).toContain(`<${PUBLIC_URL}${sourcePath(hit.passage.doc, hit.passage.lines)}|line`);
  });
});

describe('Slack mounted on the web server (one port)', () => {
  let fake: FakeSlackApi;
  let slack: SlackApp;
  let web: ReturnType<typeof createWebServer>;
  let base: string;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    slack = createSlackApp({
      core,
      config: testSlackConfig(`${fake.url}/api/`, { port: 1 }), // the port is never used: a mounted receiver does not listen
      logger: silent,
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
      clientOptions: { retryConfig: { retries: 0 } },
      publicUrl: PUBLIC_URL,
      mounted: true,
    });
    const handler = slack.requestListener;
    if (handler === null) throw new Error('HTTP mode must expose a request listener');
    web = createWebServer({ core, mounts: [{ path: '/slack/events', handler }] });
    const { port } = await web.start(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await slack.stop();
    await web.stop();
    await fake.close();
  });

  it('reports its state: disconnected, then connected once started, without a port of its own', async () => {
    expect(slack.state()).toBe('disconnected');
    expect(await slack.start()).toEqual({ port: null });
    expect(slack.state()).toBe('connected');
  });

  it('answers a signed event posted to the web server, with links to PUBLIC_URL', async () => {
    const res = await postSigned(`${base}/slack/events`, eventEnvelope(mentionEvent(QUESTION)));
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage').length).toBeGreaterThan(0), { timeout: 15_000, interval: 20 });
    const blocks = JSON.stringify(fake.callsTo('chat.postMessage')[0]?.body['blocks']);
    expect(blocks).toMatch(/<https:\/\/diplomate\.example\.org\/doc\/004_c3f6cb5d275c60c7\.txt\?hl=\d+-\d+#L\d+-L\d+\|l\. \d+/u);
  });

  it('refuses a request signed with the wrong secret (401), and serves the web pages beside it', async () => {
    const res = await postSigned(`${base}/slack/events`, eventEnvelope(mentionEvent(QUESTION)), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('is disconnected after stop', async () => {
    await slack.stop();
    expect(slack.state()).toBe('disconnected');
  });
});
