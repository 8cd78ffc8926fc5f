import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/bot.js';
import { LIMITS, formatAnswer, formatDraft } from '../../../adapters/discord/format.js';
import { createFeedbackLog, type Core } from '../../../src/index.js';
import { startFakeDiscordApi, type FakeDiscordApi, type RecordedRequest } from '../../support/discord-api.js';
import { APP_ID, BOT_ID, CHANNEL_ID, dispatch, makeReady, messagePacket, slashCommandPacket } from '../../support/discord-gateway.js';
import { scriptedAnswer, startFakeLlmApi, type FakeLlmApi, type RecordedLlmRequest } from '../../support/llm-api.js';
import { getTestCore } from '../../support/test-core.js';
import { llmCore } from '../../llm/llm-test-core.js';

const QUESTION = 'Quelle est la position de la France sur la Convention de Budapest ?';
const PUBLIC_URL = 'https://diplomate.test';
const DRAFT = '✍️ ';

interface Body {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id: string; label?: string }[] }[];
  allowed_mentions?: { parse?: string[] };
  message_reference?: { message_id?: string };
}
const body = (request: RecordedRequest | undefined): Body => (request?.body ?? {}) as Body;
const description = (request: RecordedRequest | undefined): string => body(request).embeds?.[0]?.description ?? '';
const isDraft = (request: RecordedRequest | undefined): boolean => description(request).startsWith(DRAFT);
const buttons = (request: RecordedRequest | undefined): string[] =>
  (body(request).components ?? []).flatMap((row) => row.components.map((c) => c.label ?? ''));

const ORIGINAL = new RegExp(`^/api/v10/webhooks/${APP_ID}/[^/]+/messages/@original$`);
const CHANNEL_MESSAGES = new RegExp(`^/api/v10/channels/${CHANNEL_ID}/messages(/\\d+)?$`);

let discordApi: FakeDiscordApi;
let llmApi: FakeLlmApi;
let streaming: Core;
let extractive: Core;
let bot: DiscordBot | undefined;

beforeAll(async () => {
  [llmApi, extractive] = await Promise.all([startFakeLlmApi(), getTestCore()]);
  ({ core: streaming } = await llmCore(llmApi, { timeoutMs: 3000 }));
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await discordApi.close();
});

afterAll(() => llmApi.close());

async function startBot(core: Core): Promise<DiscordBot> {
  discordApi = await startFakeDiscordApi();
  const feedback = createFeedbackLog(join(mkdtempSync(join(tmpdir(), 'diplomate-discord-')), 'feedback.jsonl'));
  bot = createDiscordBot({
    core,
    config: { token: 'test', applicationId: APP_ID, apiUrl: `${discordApi.url}/api`, allowedChannels: [] },
    feedback,
    restOptions: { retries: 0, timeout: 5000 },
    publicUrl: PUBLIC_URL,
    draftIntervalMs: 10,
  });
  makeReady(bot.client);
  return bot;
}

/** Message posts and edits, in the order Discord received them (no callbacks, no typing). */
const messageRequests = (): RecordedRequest[] =>
  discordApi.requests.filter((r) => (r.method === 'PATCH' || r.method === 'POST') && (ORIGINAL.test(r.path) || CHANNEL_MESSAGES.test(r.path)));

/** Holds chunk `index` until `index - 1` drafts reached Discord, so each verified sentence is seen on its own. */
const pacedByDiscord = async (index: number): Promise<void> => {
  await vi
    .waitFor(() => expect(messageRequests().length).toBeGreaterThanOrEqual(index - 1), { timeout: 2000, interval: 10 })
    .catch(() => undefined);
};

let quoted = '';
const goodAnswer = (request: RecordedLlmRequest): string => {
  const answer = scriptedAnswer(request);
  quoted = answer.quoted;
  return answer.text;
};

/** Waits for the handler, then checks that nothing else is sent later. */
async function settled(b: DiscordBot): Promise<RecordedRequest[]> {
  await b.whenIdle();
  const count = discordApi.requests.length;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(discordApi.requests.length).toBe(count);
  return messageRequests();
}

/** Drafts shown before the final message: unbuttoned, never pinging, each longer than the last (and a prefix of `llmFinal`). */
function expectGrowingDrafts(drafts: RecordedRequest[], llmFinal?: RecordedRequest): void {
  expect(drafts.length).toBeGreaterThanOrEqual(2);
  const texts = drafts.map(description);
  for (const [i, request] of drafts.entries()) {
    expect(isDraft(request)).toBe(true);
    expect(buttons(request)).toEqual([]);
    expect(body(request).allowed_mentions).toEqual({ parse: [] });
    expect(body(request).embeds?.[0]?.title).toBe(QUESTION);
    if (i > 0) expect(texts[i]?.length).toBeGreaterThan(texts[i - 1]?.length ?? 0);
    if (llmFinal) expect(description(llmFinal).startsWith(texts[i]?.slice(DRAFT.length) ?? '?')).toBe(true);
  }
}

describe('Discord: progressive answers while the LLM streams', () => {
  it('/ask edits the deferred reply with growing drafts, then with the cited answer', async () => {
    llmApi.script({ reply: goodAnswer, chunkAfter: '. ', beforeChunk: pacedByDiscord });
    const b = await startBot(streaming);
    const packet = slashCommandPacket({ question: QUESTION });
    dispatch(b.client, 'INTERACTION_CREATE', packet);
    const edits = await settled(b);

    expect(llmApi.requests[llmApi.requests.length - 1]?.body.stream).toBe(true);
    expect(discordApi.requests[0]?.path).toBe(`/api/v10/interactions/${packet.id}/${packet.token}/callback`);
    expect(edits.every((r) => r.method === 'PATCH' && ORIGINAL.test(r.path))).toBe(true);
    const final = edits[edits.length - 1];
    expectGrowingDrafts(edits.slice(0, -1), final);
    expect(description(edits[0])).toContain(quoted.slice(0, 20));
    expect(description(edits[0])).not.toContain('universalisation');

    expect(isDraft(final)).toBe(false);
    expect(description(final)).toContain('universalisation [1]');
    const fields = body(final).embeds?.[0]?.fields ?? [];
    expect(fields.map((f) => f.name.slice(0, 3))).toEqual(['[1]', '[2]']);
    expect(fields[0]?.value).toContain(`](${PUBLIC_URL}/doc/`);
    expect(buttons(final)).toEqual(['Utile', 'Pas utile']);
    expect(body(final).allowed_mentions).toEqual({ parse: [] });
  });

  it('a mention gets a draft reply that is edited, and the extractive answer when the stream stalls', async () => {
    llmApi.script({ reply: goodAnswer, chunkAfter: '. ', beforeChunk: pacedByDiscord, then: 'hang' });
    const b = await startBot(streaming);
    const packet = messagePacket({ content: `<@${BOT_ID}> ${QUESTION}`, mentionBot: true });
    dispatch(b.client, 'MESSAGE_CREATE', packet);
    const sent = await settled(b);

    const [first, ...edits] = sent;
    expect(first?.method).toBe('POST');
    expect(first?.path).toBe(`/api/v10/channels/${CHANNEL_ID}/messages`);
    expect(body(first).message_reference?.message_id).toBe(packet.id);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    const ids = new Set(edits.map((r) => r.path));
    expect(ids.size).toBe(1);
    expect(edits.every((r) => r.method === 'PATCH')).toBe(true);
    const final = edits[edits.length - 1];
    expectGrowingDrafts(sent.slice(0, -1));

    const expected = formatAnswer(await extractive.ask(QUESTION), 'any', { publicUrl: PUBLIC_URL });
    expect(body(final).embeds).toEqual(expected.embeds);
    expect(buttons(final)).toEqual(['Utile', 'Pas utile']);
  });

  it('sends one final message and no edit when nothing streams (extractive mode)', async () => {
    const b = await startBot(extractive);
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: `<@${BOT_ID}> ${QUESTION}`, mentionBot: true }));
    dispatch(b.client, 'INTERACTION_CREATE', slashCommandPacket({ question: QUESTION }));
    const sent = await settled(b);
    expect(sent.map((r) => `${r.method} ${ORIGINAL.test(r.path) ? 'original' : 'channel'}`).sort()).toEqual([
      'PATCH original',
      'POST channel',
    ]);
    const expected = formatAnswer(await extractive.ask(QUESTION), 'any', { publicUrl: PUBLIC_URL });
    for (const request of sent) expect(body(request).embeds).toEqual(expected.embeds);
  });
});

describe('formatDraft', () => {
  it('escapes markdown like an answer, never pings, and stays within limits', () => {
    const draft = formatDraft(QUESTION, `**Alerte** @everyone <@${BOT_ID}> [1]. `.repeat(300));
    expect(draft.allowedMentions).toEqual({ parse: [] });
    expect(draft.content).toBeUndefined();
    expect(draft.components).toEqual([]);
    const text = draft.embeds[0]?.description ?? '';
    expect(text.startsWith(`${DRAFT}\\*\\*Alerte\\*\\*`)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(LIMITS.embedDescription);
  });
});
