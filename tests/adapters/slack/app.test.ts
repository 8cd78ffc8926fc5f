import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import type { SlackConfig } from '../../../adapters/slack/config.js';
import { ACTION_HELPFUL, ACTION_NOT_HELPFUL, ACTION_SHARE, encodeFeedbackValue } from '../../../adapters/slack/format.js';
import { AppError, createFeedbackLog, type Answer, type Core, type FeedbackLog } from '../../../src/index.js';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../../support/slack-api.js';
import {
  BOT_ID,
  BOT_USER_ID,
  testSlackConfig,
  buttonBody,
  commandBody,
  eventEnvelope,
  mentionEvent,
  messageEvent,
  nextTs,
  postSigned,
} from '../../support/slack-requests.js';
import { getTestCore } from '../../support/test-core.js';

const QUESTION = "Quelle est la position de la France sur la gouvernance de l'Internet ?";
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

interface Running {
  slack: SlackApp;
  url: string;
}

let fake: FakeSlackApi;
let realCore: Core;
const running: Running[] = [];

const configFor = (overrides: Partial<SlackConfig> = {}): SlackConfig => testSlackConfig(`${fake.url}/api/`, overrides);

async function startApp(
  options: { core?: Pick<Core, 'ask'>; config?: Partial<SlackConfig>; feedback?: FeedbackLog; answerTimeoutMs?: number } = {},
): Promise<Running> {
  const slack = createSlackApp({
    core: options.core ?? realCore,
    config: configFor(options.config),
    logger: silent,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    clientOptions: { slackApiUrl: `${fake.url}/api/`, retryConfig: { retries: 0 } },
    ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
    ...(options.answerTimeoutMs === undefined ? {} : { answerTimeoutMs: options.answerTimeoutMs }),
  });
  const { port } = await slack.start(0);
  expect(port).toBeGreaterThan(0);
  const r = { slack, url: `http://127.0.0.1:${port}/slack/events` };
  running.push(r);
  return r;
}

async function sendEvent(url: string, event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>): Promise<Response> {
  const res = await postSigned(url, eventEnvelope(event, eventId), headers === undefined ? {} : { headers });
  expect(res.status).toBe(200);
  return res;
}

function posts(): RecordedCall[] {
  return fake.callsTo('chat.postMessage');
}

/** Resolves once at least `n` messages were posted. */
async function waitForPosts(n: number, timeout = 15_000): Promise<RecordedCall[]> {
  await vi.waitFor(() => expect(posts().length).toBeGreaterThanOrEqual(n), { timeout, interval: 20 });
  return posts();
}

function blocksText(call: RecordedCall | undefined): string {
  return JSON.stringify(call?.body['blocks'] ?? '');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  fake = await startFakeSlackApi();
  realCore = await getTestCore();
});

afterEach(async () => {
  while (running.length > 0) await running.pop()?.slack.stop();
  fake.reset();
});

afterAll(async () => {
  await fake.close();
});

describe('Slack app over HTTP', () => {
  it('answers a mention in its thread, with a 👀 reaction and the cited quote', async () => {
    const { url } = await startApp();
    const event = mentionEvent(QUESTION);
    await sendEvent(url, event);
    const [post] = await waitForPosts(1);
    expect(post?.body['channel']).toBe('C1');
    expect(post?.body['thread_ts']).toBe(event['ts']);
    const answer = await realCore.ask(QUESTION);
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') {
      expect(blocksText(post)).toContain(answer.citations[0]?.quote.slice(0, 80));
    }
    expect(blocksText(post)).toContain(ACTION_HELPFUL);
    const reaction = fake.callsTo('reactions.add')[0];
    expect(reaction?.body).toMatchObject({ name: 'eyes', channel: 'C1', timestamp: event['ts'] });
    // Once the answer is posted, 👀 ("answering") is taken off the question.
    await vi.waitFor(() => expect(fake.callsTo('reactions.remove').length).toBe(1), { timeout: 5000 });
    const removed = fake.callsTo('reactions.remove')[0];
    expect(removed?.body).toMatchObject({ name: 'eyes', channel: 'C1', timestamp: event['ts'] });
    expect(removed?.at ?? 0).toBeGreaterThanOrEqual(post?.at ?? Number.POSITIVE_INFINITY);
  });

  it('answers an empty mention with help in French and English (nothing says which the user reads)', async () => {
    const { url } = await startApp();
    await sendEvent(url, mentionEvent(''));
    const [post] = await waitForPosts(1);
    expect(blocksText(post)).toContain('Posez-moi une question');
    expect(blocksText(post)).toContain('Ask me a question');
    expect(blocksText(post)).toContain('`/diplomate ');
  });

  it('replies inside an existing thread when mentioned there', async () => {
    const { url } = await startApp();
    await sendEvent(url, mentionEvent(QUESTION, { thread_ts: '1600000000.000100' }));
    const [post] = await waitForPosts(1);
    expect(post?.body['thread_ts']).toBe('1600000000.000100');
  });

  it('answers direct messages without a mention', async () => {
    const { url } = await startApp();
    await sendEvent(url, messageEvent(QUESTION, { channel: 'D1', channel_type: 'im' }));
    const [post] = await waitForPosts(1);
    expect(post?.body['channel']).toBe('D1');
    expect(post?.body['thread_ts']).toBeUndefined();
    expect(blocksText(post)).toContain('[1]');
  });

  it('answers follow-ups in a thread it answered, and ignores other channel chatter', async () => {
    const { url } = await startApp();
    const mention = mentionEvent(QUESTION);
    await sendEvent(url, mention);
    await waitForPosts(1);
    await sendEvent(url, messageEvent('Et la cybersécurité ?', { channel: 'C1', thread_ts: '1599999999.000001' }));
    await sendEvent(url, messageEvent('hello everyone', { channel: 'C1' }));
    await sendEvent(url, messageEvent('Et la cybersécurité ?', { channel: 'C1', thread_ts: mention['ts'] }));
    const all = await waitForPosts(2);
    expect(all[1]?.body['thread_ts']).toBe(mention['ts']);
    await sleep(300);
    expect(posts()).toHaveLength(2);
  });

  it('ignores bot messages, its own messages and edits', async () => {
    const { url } = await startApp();
    await sendEvent(url, messageEvent(QUESTION, { channel: 'D1', channel_type: 'im', bot_id: 'BOTHER' }));
    await sendEvent(url, messageEvent(QUESTION, { channel: 'D1', channel_type: 'im', user: BOT_USER_ID }));
    await sendEvent(url, messageEvent(QUESTION, { channel: 'D1', channel_type: 'im', subtype: 'message_changed' }));
    await sendEvent(url, mentionEvent(QUESTION, { bot_id: 'BOTHER' }));
    await sleep(500);
    expect(posts()).toHaveLength(0);
  });

  it('never answers a retried delivery twice', async () => {
    const { url } = await startApp();
    const event = mentionEvent(QUESTION);
    await sendEvent(url, event, 'EvSAME');
    await sendEvent(url, event, 'EvSAME', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    // Same message under a different event id (e.g. app_mention + message.channels) is also one answer.
    await sendEvent(url, event, 'EvOTHER', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await waitForPosts(1);
    await sleep(500);
    expect(posts()).toHaveLength(1);
  });

  it('rejects a bad signature with 401', async () => {
    const { url } = await startApp();
    const res = await postSigned(url, eventEnvelope(mentionEvent(QUESTION)), { secret: 'wrong-secret' });
    expect(res.status).toBe(401);
    await sleep(200);
    expect(posts()).toHaveLength(0);
  });

  it('refuses requests signed more than five minutes ahead or behind (401), and takes one four minutes ahead', async () => {
    const { url } = await startApp();
    const now = Math.floor(Date.now() / 1000);
    const ahead = await postSigned(url, eventEnvelope(mentionEvent(QUESTION)), { timestamp: now + 6 * 60 });
    const behind = await postSigned(url, eventEnvelope(mentionEvent(QUESTION)), { timestamp: now - 6 * 60 });
    expect([ahead.status, behind.status]).toEqual([401, 401]);
    const within = await postSigned(url, eventEnvelope(mentionEvent(QUESTION)), { timestamp: now + 4 * 60 });
    expect(within.status).toBe(200);
    // Only the request within the window is answered.
    await waitForPosts(1);
    await sleep(200);
    expect(posts()).toHaveLength(1);
  });

  it('respects the channel allow-list (DMs stay open)', async () => {
    const { url } = await startApp({ config: { allowedChannels: ['CALLOWED'] } });
    await sendEvent(url, mentionEvent(QUESTION, { channel: 'CBLOCKED' }));
    await sendEvent(url, mentionEvent(QUESTION, { channel: 'CALLOWED' }));
    await sendEvent(url, messageEvent(QUESTION, { channel: 'D9', channel_type: 'im' }));
    await waitForPosts(2);
    await sleep(300);
    expect(posts().map((p) => p.body['channel']).sort()).toEqual(['CALLOWED', 'D9']);
  });

  it('answers the slash command ephemerally with a share button, and shares the very answer shown on click', async () => {
    let asked = 0;
    const counting: Pick<Core, 'ask'> = { ask: (question, options) => ((asked += 1), realCore.ask(question, options)) };
    const { url } = await startApp({ core: counting });
    const responseUrl = `${fake.url}/response/cmd1`;
    const res = await postSigned(url, commandBody('/diplomate', QUESTION, responseUrl), { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo('response_url').length).toBe(1), { timeout: 15_000 });
    const reply = fake.callsTo('response_url')[0];
    expect(reply?.path).toBe('/response/cmd1');
    expect(reply?.body['response_type']).toBe('ephemeral');
    expect(blocksText(reply)).toContain(ACTION_SHARE);
    expect(posts()).toHaveLength(0);

    const blocks = (reply?.body['blocks'] ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
    const shareValue = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === ACTION_SHARE)?.value;
    expect(shareValue).toBeDefined();
    const click = buttonBody(ACTION_SHARE, shareValue ?? '', `${fake.url}/response/share1`);
    const clicked = await postSigned(url, click, { contentType: 'application/x-www-form-urlencoded' });
    expect(clicked.status).toBe(200);
    const [shared] = await waitForPosts(1);
    expect(shared?.body['channel']).toBe('C1');
    // Said in the question's language, like the rest of the shared answer.
    expect(blocksText(shared)).toContain('<@U123> a demandé :');
    expect(blocksText(shared)).not.toContain(ACTION_SHARE);
    // The answer shown is the one shared: the core is not asked again.
    expect(asked).toBe(1);
    const sourceSections = (call: typeof reply) =>
      ((call?.body['blocks'] ?? []) as { type: string; text?: { text: string } }[])
        .filter((block) => block.type === 'section' && block.text?.text.startsWith('>'))
        .map((block) => block.text?.text);
    expect(sourceSections(reply).length).toBeGreaterThan(0);
    expect(sourceSections(shared)).toEqual(sourceSections(reply));
  });

  it('records feedback clicks and acknowledges them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'diplomate-slack-fb-')), 'feedback.jsonl');
    const { url } = await startApp({ feedback: createFeedbackLog(path) });
    const value = encodeFeedbackValue({ question: QUESTION, citations: ['004_c3f6cb5d275c60c7.txt#232-240'] });
    const res = await postSigned(url, buttonBody(ACTION_HELPFUL, value, `${fake.url}/response/fb1`), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo('response_url').length).toBe(1), { timeout: 5000 });
    // The thanks and the log line are written concurrently; wait for the line.
    const line: unknown = await vi.waitFor(() => JSON.parse(readFileSync(path, 'utf8').trim()) as unknown, { timeout: 5000 });
    expect(line).toMatchObject({
      platform: 'slack',
      userId: 'U123',
      verdict: 'helpful',
      question: QUESTION,
      citations: ['004_c3f6cb5d275c60c7.txt#232-240'],
    });
  });

  it('counts one vote per user per answer', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'diplomate-slack-fb-')), 'feedback.jsonl');
    const { url } = await startApp({ feedback: createFeedbackLog(path) });
    const value = encodeFeedbackValue({ question: QUESTION, citations: ['004_c3f6cb5d275c60c7.txt#232-240'] });
    for (const [i, action] of [ACTION_HELPFUL, ACTION_HELPFUL, ACTION_NOT_HELPFUL].entries()) {
      const res = await postSigned(url, buttonBody(action, value, `${fake.url}/response/v${i}`), {
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(res.status).toBe(200);
      await vi.waitFor(() => expect(fake.callsTo('response_url').length).toBe(i + 1), { timeout: 5000 });
    }
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
    const replies = fake.callsTo('response_url').map((call) => String(call.body['text']));
    // The question is French, so is what the bot says about the vote.
    expect(replies[0]).toBe('Merci pour votre avis !');
    expect(replies.slice(1).every((text) => text.includes('déjà donné votre avis'))).toBe(true);
  });

  it('tells the voter when the vote could not be saved, instead of thanking them', async () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'diplomate-slack-fb-')), 'a-file');
    writeFileSync(blocked, '');
    const { url } = await startApp({ feedback: createFeedbackLog(join(blocked, 'feedback.jsonl')) });
    const value = encodeFeedbackValue({ question: QUESTION, citations: ['004_c3f6cb5d275c60c7.txt#232-240'] });
    const res = await postSigned(url, buttonBody(ACTION_HELPFUL, value, `${fake.url}/response/fb2`), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo('response_url').length).toBe(1), { timeout: 5000 });
    const reply = String(fake.callsTo('response_url')[0]?.body['text']);
    expect(reply).toContain('n’a pas pu être enregistré');
    expect(reply).not.toContain('Merci');
  });

  it('posts a short error when Slack refuses the answer', async () => {
    const { url } = await startApp();
    fake.fail('chat.postMessage', { error: 'invalid_blocks', times: 1 });
    await sendEvent(url, mentionEvent(QUESTION));
    const all = await waitForPosts(2);
    expect(JSON.stringify(all[1]?.body['text'])).toContain('je n’ai pas pu publier la réponse');
  });

  it('survives a rate-limited Slack API by posting a short error afterwards', async () => {
    const { url } = await startApp();
    fake.fail('chat.postMessage', { status: 429, times: 1 });
    await sendEvent(url, mentionEvent(QUESTION));
    const all = await waitForPosts(2);
    expect(String(all[1]?.body['text'])).toContain('pas pu publier');
  });

  it('posts a short error when the core fails', async () => {
    const failing: Pick<Core, 'ask'> = { ask: () => Promise.reject(new AppError('INDEX_MISSING', 'The index is missing.')) };
    const { url } = await startApp({ core: failing });
    await sendEvent(url, mentionEvent(QUESTION));
    const [post] = await waitForPosts(1);
    expect(String(post?.body['text'])).toContain('The index is missing.');
  });

  it('time-boxes the core and never posts a stale answer', async () => {
    let release: (a: Answer) => void = () => {};
    const slow: Pick<Core, 'ask'> = { ask: () => new Promise<Answer>((resolve) => (release = resolve)) };
    const { url } = await startApp({ core: slow, answerTimeoutMs: 200 });
    await sendEvent(url, mentionEvent(QUESTION));
    const [post] = await waitForPosts(1);
    expect(String(post?.body['text'])).toContain('a pris trop de temps');
    release({ kind: 'not-covered', query: QUESTION, lang: 'fr', seeAlso: [], reason: { code: 'no-passage-covers-question', detail: '' } });
    await sleep(300);
    expect(posts()).toHaveLength(1);
  });

  it('answers 20 concurrent mentions, each in its own thread', async () => {
    const { url } = await startApp();
    const events = Array.from({ length: 20 }, (_, i) => mentionEvent(`${QUESTION} (${i})`, { ts: nextTs() }));
    await Promise.all(events.map((e) => sendEvent(url, e)));
    const all = await waitForPosts(20, 30_000);
    expect(all).toHaveLength(20);
    expect(new Set(all.map((p) => p.body['thread_ts']))).toEqual(new Set(events.map((e) => e['ts'])));
  });

  it('does not let a slow question block a fast one', async () => {
    const slowCore: Pick<Core, 'ask'> = {
      ask: async (q) => {
        if (q.startsWith('slow')) await sleep(1500);
        return { kind: 'not-covered', query: q, lang: 'en', seeAlso: [], reason: { code: 'no-passage-covers-question', detail: `reply to ${q}` } };
      },
    };
    const { url } = await startApp({ core: slowCore });
    await sendEvent(url, mentionEvent('slow question'));
    await sendEvent(url, mentionEvent('fast question'));
    const [first] = await waitForPosts(1);
    expect(String(first?.body['text'])).toContain('reply to fast question');
    await waitForPosts(2);
  });
});
