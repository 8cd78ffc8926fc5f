import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/app.js';
import { ACTION_HELPFUL, formatAnswer, formatDraft, type SlackBlock } from '../../../adapters/slack/format.js';
import type { Core } from '../../../src/index.js';
import { startFakeLlmApi, scriptedAnswer, type FakeLlmApi, type RecordedLlmRequest } from '../../support/llm-api.js';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../../support/slack-api.js';
import { BOT_ID, BOT_USER_ID, commandBody, eventEnvelope, mentionEvent, postSigned, testSlackConfig } from '../../support/slack-requests.js';
import { getTestCore } from '../../support/test-core.js';
import { llmCore } from '../../llm/llm-test-core.js';

const QUESTION = 'Quelle est la position de la France sur la Convention de Budapest ?';
const PUBLIC_URL = 'https://diplomate.test';
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let slackApi: FakeSlackApi;
let llmApi: FakeLlmApi;
let streaming: Core;
let extractive: Core;
const running: SlackApp[] = [];

beforeAll(async () => {
  [slackApi, llmApi, extractive] = await Promise.all([startFakeSlackApi(), startFakeLlmApi(), getTestCore()]);
  ({ core: streaming } = await llmCore(llmApi, { timeoutMs: 4000 }));
});

afterEach(async () => {
  while (running.length > 0) await running.pop()?.stop();
  slackApi.reset();
});

afterAll(async () => {
  await Promise.all([slackApi.close(), llmApi.close()]);
});

async function startApp(core: Core): Promise<string> {
  const slack = createSlackApp({
    core,
    config: testSlackConfig(`${slackApi.url}/api/`),
    logger: silent,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    clientOptions: { slackApiUrl: `${slackApi.url}/api/`, retryConfig: { retries: 0 } },
    publicUrl: PUBLIC_URL,
    draftIntervalMs: 10,
  });
  running.push(slack);
  const { port } = await slack.start(0);
  return `http://127.0.0.1:${port}/slack/events`;
}

async function mention(url: string, text: string): Promise<Record<string, unknown>> {
  const event = mentionEvent(text);
  const res = await postSigned(url, eventEnvelope(event));
  expect(res.status).toBe(200);
  return event;
}

/** Posts and edits of messages, in the order Slack received them. */
const messageCalls = (): RecordedCall[] =>
  slackApi.calls.filter((call) => call.method === 'chat.postMessage' || call.method === 'chat.update');

const blocksOf = (call: RecordedCall | undefined): SlackBlock[] => (call?.body['blocks'] ?? []) as SlackBlock[];
const firstSection = (call: RecordedCall | undefined): string => {
  const block = blocksOf(call).find((b) => b.type === 'section');
  return block?.type === 'section' ? block.text.text : '';
};
const isDraft = (call: RecordedCall | undefined): boolean => firstSection(call).startsWith(':writing_hand: ');
const hasButtons = (call: RecordedCall | undefined): boolean =>
  JSON.stringify(blocksOf(call)).includes(ACTION_HELPFUL);

/** Waits until the answer (a message with feedback buttons) was posted or edited in, then a little longer. */
async function finalCall(): Promise<RecordedCall> {
  await vi.waitFor(() => expect(messageCalls().some(hasButtons)).toBe(true), { timeout: 20_000, interval: 20 });
  // Anything sent after the final answer would show up here.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const calls = messageCalls();
  return calls[calls.length - 1] as RecordedCall;
}

/** Holds chunk `index` until `index - 1` drafts reached Slack, so each verified sentence is seen on its own. */
const pacedBySlack = async (index: number): Promise<void> => {
  await vi
    .waitFor(() => expect(messageCalls().length).toBeGreaterThanOrEqual(index - 1), { timeout: 10_000, interval: 10 })
    .catch(() => undefined);
};

let quoted = '';
const goodAnswer = (request: RecordedLlmRequest): string => {
  const answer = scriptedAnswer(request);
  quoted = answer.quoted;
  return answer.text;
};

describe('Slack: progressive answers while the LLM streams', () => {
  it('posts a draft, edits it with growing drafts, and ends with the cited answer', async () => {
    llmApi.script({ reply: goodAnswer, chunkAfter: '. ', beforeChunk: pacedBySlack });
    const url = await startApp(streaming);
    const event = await mention(url, QUESTION);
    const last = await finalCall();

    expect(llmApi.requests[llmApi.requests.length - 1]?.body.stream).toBe(true);
    const posts = slackApi.callsTo('chat.postMessage');
    const updates = slackApi.callsTo('chat.update');
    expect(posts).toHaveLength(1);
    const [draft] = posts;
    expect(draft?.body).toMatchObject({ channel: 'C1', thread_ts: event['ts'] });
    expect(isDraft(draft)).toBe(true);
    expect(hasButtons(draft)).toBe(false);
    expect(firstSection(draft)).toContain(quoted.slice(0, 20));

    // Every edit targets the draft message, and the last one is the answer.
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (const update of updates) expect(update.body['channel']).toBe('C1');
    expect(new Set(updates.map((update) => update.body['ts'])).size).toBe(1);
    expect(updates[0]?.body['ts']).toMatch(/^\d+\.\d+$/);
    expect(last).toBe(updates[updates.length - 1]);
    const drafts = [draft, ...updates.slice(0, -1)].map(firstSection);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    for (const [i, text] of drafts.entries()) {
      expect(text.startsWith(':writing_hand: ')).toBe(true);
      expect(text).not.toContain('universalisation'); // the last sentence is only in the final answer
      if (i > 0) expect(text.length).toBeGreaterThan(drafts[i - 1]?.length ?? 0);
    }

    expect(isDraft(last)).toBe(false);
    expect(hasButtons(last)).toBe(true);
    const answerText = firstSection(last);
    expect(answerText).toContain('universalisation [1]');
    for (const text of drafts) expect(answerText.startsWith(text.slice(':writing_hand: '.length))).toBe(true);
    const shown = JSON.stringify(blocksOf(last));
    expect(shown).toContain('[1] *');
    expect(shown).toContain('[2] *');
    expect(shown).toContain(`<${PUBLIC_URL}/doc/`);
  });

  it('replaces the draft with the extractive answer when the stream breaks half way', async () => {
    llmApi.script({ reply: goodAnswer, chunkAfter: '. ', beforeChunk: pacedBySlack, then: 'malformed' });
    const url = await startApp(streaming);
    await mention(url, QUESTION);
    const last = await finalCall();

    const posts = slackApi.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(isDraft(posts[0])).toBe(true);
    expect(last.method).toBe('chat.update');
    const expected = formatAnswer(await extractive.ask(QUESTION), { publicUrl: PUBLIC_URL });
    expect(last.body['blocks']).toEqual(expected.blocks);
    expect(last.body['text']).toBe(expected.text);
  });

  it('still delivers the answer, as a new message, when Slack refuses every edit', async () => {
    llmApi.script({ reply: goodAnswer, chunkAfter: '. ', beforeChunk: pacedBySlack });
    slackApi.fail('chat.update', { error: 'cant_update_message' });
    const url = await startApp(streaming);
    await mention(url, QUESTION);
    const last = await finalCall();

    const posts = slackApi.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(isDraft(posts[0])).toBe(true);
    expect(last).toBe(posts[1]);
    expect(firstSection(last)).toContain('universalisation [1]');
    expect(slackApi.callsTo('chat.update').length).toBeGreaterThanOrEqual(2);
  });

  it('posts the answer once, with no edit, when nothing streams (extractive mode)', async () => {
    const url = await startApp(extractive);
    await mention(url, QUESTION);
    const last = await finalCall();
    expect(slackApi.callsTo('chat.postMessage')).toEqual([last]);
    expect(slackApi.callsTo('chat.update')).toEqual([]);
    expect(last.body['blocks']).toEqual(formatAnswer(await extractive.ask(QUESTION), { publicUrl: PUBLIC_URL }).blocks);
  });

  it('answers the slash command with one final ephemeral reply, even when the LLM streams', async () => {
    llmApi.script({ reply: goodAnswer, chunkAfter: '. ' });
    const url = await startApp(streaming);
    const responseUrl = `${slackApi.url}/response/progressive`;
    const res = await postSigned(url, commandBody('/diplomate', QUESTION, responseUrl), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(slackApi.callsTo('response_url')).toHaveLength(1), { timeout: 20_000 });
    const [reply] = slackApi.callsTo('response_url');
    expect(reply?.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(reply?.body['blocks'])).toContain('universalisation');
    expect(messageCalls()).toEqual([]);
  });
});

describe('formatDraft', () => {
  it('escapes a draft exactly like an answer: no mention, link or markup survives', () => {
    const draft = formatDraft('Alerte <!channel> @here <@U1> & <https://x.test|clic> [1].');
    const text = JSON.stringify(draft);
    expect(text).not.toMatch(/<!channel>|<@U1>|<https/);
    expect(text).toContain('@\u200Bhere');
    expect(text).toContain('&amp;');
    expect(draft.blocks).toHaveLength(1);
  });

  it('stays within Slack limits for a very long draft', () => {
    const draft = formatDraft('Une phrase vérifiée [1]. '.repeat(400));
    expect(draft.text.length).toBeLessThanOrEqual(2000);
    const [block] = draft.blocks;
    expect(block?.type === 'section' ? block.text.text.length : 0).toBeLessThanOrEqual(3000);
  });
});
