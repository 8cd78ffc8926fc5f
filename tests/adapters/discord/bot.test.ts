import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError, createFeedbackLog, isVerbatim, type Answer, type Core } from '../../../src/index.js';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/bot.js';
import { customIdFor, parseCustomId } from '../../../adapters/discord/button-ids.js';
import { LIMITS, embedsLength } from '../../../adapters/discord/format.js';
import { startFakeDiscordApi, type FakeDiscordApi, type RecordedRequest } from '../../support/discord-api.js';
import {
  APP_ID,
  BOT_ID,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  OTHER_CHANNEL_ID,
  USER_ID,
  buttonPacket,
  dispatch,
  makeReady,
  messagePacket,
  slashCommandPacket,
} from '../../support/discord-gateway.js';
import { getTestCore } from '../../support/test-core.js';

const QUESTION = 'Que prévoit la coopération franco-indienne en cybersécurité ?';

interface Body {
  type?: number;
  content?: string;
  flags?: number;
  data?: Body;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: { components: { custom_id: string; label?: string }[] }[];
  allowed_mentions?: { parse?: string[] };
  message_reference?: { message_id?: string };
}

const body = (request: RecordedRequest | undefined): Body => (request?.body ?? {}) as Body;

/** A Core that delegates to the real one and remembers what it answered. */
function recording(real: Core, answers: Answer[]): Core {
  return {
    async ask(question) {
      const answer = await real.ask(question);
      answers.push(answer);
      return answer;
    },
    search: (question, options) => real.search(question, options),
    explain: (question) => real.explain(question),
    documentView: (doc) => real.documentView(doc),
    documents: real.documents,
    info: real.info,
  };
}

/** A Core that always gives the same answer, or throws. */
function fixed(result: Answer | Error, real: Core): Core {
  return {
    ask: async () => {
      if (result instanceof Error) throw result;
      return result;
    },
    search: (question, options) => real.search(question, options),
    explain: (question) => real.explain(question),
    documentView: (doc) => real.documentView(doc),
    documents: real.documents,
    info: real.info,
  };
}

const seedLines = (doc: string): string[] => readFileSync(join('seeds', doc), 'utf8').split(/\r?\n/);

function expectWithinLimits(payload: Body): void {
  expect((payload.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = payload.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embedsLength(embeds.map((e) => ({ ...e, fields: e.fields?.map((f) => ({ ...f })) })))).toBeLessThanOrEqual(
    LIMITS.embedsTotal,
  );
  for (const embed of embeds) {
    expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
}

const CALLBACK = /^\/api\/v10\/interactions\/[^/]+\/[^/]+\/callback$/;
const ORIGINAL = new RegExp(`^/api/v10/webhooks/${APP_ID}/[^/]+/messages/@original$`);

let real: Core;
let api: FakeDiscordApi;
let bot: DiscordBot | undefined;
let answers: Answer[];
let feedbackPath: string;

beforeAll(async () => {
  real = await getTestCore();
});

beforeEach(async () => {
  api = await startFakeDiscordApi();
  answers = [];
  feedbackPath = join(mkdtempSync(join(tmpdir(), 'diplomate-discord-')), 'logs', 'feedback.jsonl');
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await api.close();
});

function startBot(options: { core?: Core; allowedChannels?: string[]; respondWithinMs?: number } = {}): DiscordBot {
  bot = createDiscordBot({
    core: options.core ?? recording(real, answers),
    config: { token: 'test', applicationId: APP_ID, apiUrl: `${api.url}/api`, allowedChannels: options.allowedChannels ?? [] },
    feedback: createFeedbackLog(feedbackPath),
    restOptions: { retries: 0, timeout: 5000 },
    ...(options.respondWithinMs === undefined ? {} : { respondWithinMs: options.respondWithinMs }),
  });
  makeReady(bot.client);
  return bot;
}

async function askBySlash(b: DiscordBot, options: { private?: boolean; channelId?: string } = {}) {
  const packet = slashCommandPacket({ question: QUESTION, ...options });
  dispatch(b.client, 'INTERACTION_CREATE', packet);
  await b.whenIdle();
  return packet;
}

describe('Discord bot over a fake Discord API', () => {
  it('answers /ask: defers at once, then edits the reply with cited, verbatim quotes', async () => {
    const b = startBot();
    const packet = await askBySlash(b);

    const paths = api.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual([
      `POST /api/v10/interactions/${packet.id}/${packet.token}/callback`,
      `PATCH /api/v10/webhooks/${APP_ID}/${packet.token}/messages/@original`,
    ]);
    expect(body(api.requests[0])).toEqual({ type: 5, data: { flags: 0 } });

    const edit = body(api.requests[1]);
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(edit);
    const answer = answers[0];
    expect(answer?.kind).toBe('answered');
    if (answer?.kind !== 'answered') return;
    const first = answer.citations[0];
    expect(first).toBeDefined();
    if (!first) return;
    const embed = edit.embeds?.[0];
    // The lead says how far the model trusts the answer (this question's best passage is a near miss).
    const lead = answer.confidence === 'firm'
      ? 'Les documents indiquent (citations exactes) :'
      : 'Réponse incertaine : les passages les plus proches indiquent (citations exactes) :';
    expect(embed?.description).toBe(lead);
    const field = embed?.fields?.[0];
    expect(field?.name).toBe(`[1] ${first.title}`);
    // The quote shown is a real quote, shown once: found verbatim in the cited lines of the seed file.
    const shown = (field?.value ?? '').split('\n').slice(0, -1).join(' ').replace(/^> /, '').replace(/…$/, '');
    expect(shown.length).toBeGreaterThan(20);
    expect(isVerbatim(seedLines(first.doc), first.lines, shown)).toBe(true);
    expect(JSON.stringify(edit.embeds).split(shown.slice(0, 40)).length - 1).toBe(1);
    // Its source under it, with the document's date.
    expect(field?.value.split('\n').at(-1)).toContain(first.date);
    const labels = edit.components?.flatMap((row) => row.components.map((c) => c.label));
    expect(labels).toEqual(['Utile', 'Pas utile']);
  });

  it('defers ephemerally when private:true', async () => {
    const b = startBot();
    await askBySlash(b, { private: true });
    expect(body(api.requests[0])).toEqual({ type: 5, data: { flags: 64 } });
    expect(api.find('PATCH', ORIGINAL)).toHaveLength(1);
  });

  it('answers a mention in a guild channel: typing, then a reply to the message', async () => {
    const b = startBot();
    const packet = messagePacket({ content: `<@${BOT_ID}> ${QUESTION}`, mentionBot: true });
    dispatch(b.client, 'MESSAGE_CREATE', packet);
    await b.whenIdle();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /api/v10/channels/${CHANNEL_ID}/typing`,
      `POST /api/v10/channels/${CHANNEL_ID}/messages`,
    ]);
    const reply = body(api.requests[1]);
    expect(reply.message_reference?.message_id).toBe(packet.id);
    expect(reply.allowed_mentions?.parse).toEqual([]);
    expect(answers[0]?.query).toBe(QUESTION);
    expect(reply.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('answers a direct message', async () => {
    const b = startBot();
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: QUESTION, dm: true }));
    await b.whenIdle();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /api/v10/channels/${DM_CHANNEL_ID}/typing`,
      `POST /api/v10/channels/${DM_CHANNEL_ID}/messages`,
    ]);
    expect(body(api.requests[1]).embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('ignores bots, itself, and guild messages that do not mention it', async () => {
    const b = startBot();
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: QUESTION }));
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: `<@${BOT_ID}> hi`, mentionBot: true, author: { id: '150000000000000001', username: 'otherbot', bot: true } }));
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: QUESTION, dm: true, author: { id: BOT_ID, username: 'diplomate', bot: true } }));
    await b.whenIdle();
    expect(api.requests).toEqual([]);
    expect(answers).toEqual([]);
  });

  it('asks for a question when mentioned with nothing else', async () => {
    const b = startBot();
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: `<@${BOT_ID}>  `, mentionBot: true }));
    await b.whenIdle();
    expect(api.requests).toHaveLength(1);
    expect(body(api.requests[0]).content).toMatch(/Ask me a question/);
    expect(answers).toEqual([]);
  });

  it('answers a replayed interaction or message only once', async () => {
    const b = startBot();
    const packet = slashCommandPacket({ question: QUESTION });
    dispatch(b.client, 'INTERACTION_CREATE', packet);
    dispatch(b.client, 'INTERACTION_CREATE', structuredClone(packet));
    await b.whenIdle();
    dispatch(b.client, 'INTERACTION_CREATE', structuredClone(packet));
    const message = messagePacket({ content: QUESTION, dm: true });
    dispatch(b.client, 'MESSAGE_CREATE', message);
    dispatch(b.client, 'MESSAGE_CREATE', structuredClone(message));
    await b.whenIdle();
    expect(api.find('POST', CALLBACK)).toHaveLength(1);
    expect(api.find('PATCH', ORIGINAL)).toHaveLength(1);
    expect(api.find('POST', /\/messages$/)).toHaveLength(1);
    expect(answers).toHaveLength(2);
  });

  it('shows full sources ephemerally and records feedback in the log file', async () => {
    const b = startBot();
    await askBySlash(b);
    const ids = body(api.find('PATCH', ORIGINAL)[0]).components?.flatMap((row) => row.components.map((c) => c.custom_id)) ?? [];
    const [helpful, notHelpful] = ids;
    const vote = parseCustomId(helpful ?? '');
    expect(helpful && notHelpful && vote).toBeTruthy();
    if (!helpful || !notHelpful || !vote) return;
    // Nothing was trimmed, so the message has no "Show full sources" button; one from a longer answer still works.
    const sources = customIdFor({ action: 'sources', answerId: vote.answerId });
    api.requests.length = 0;

    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: sources }));
    await b.whenIdle();
    const shown = body(api.find('POST', CALLBACK)[0]);
    expect(shown.type).toBe(4);
    expect(shown.data?.flags).toBe(64);
    const answer = answers[0];
    if (answer?.kind !== 'answered') throw new Error('expected an answer');
    expect(shown.data?.embeds).toHaveLength(answer.citations.length);
    expect(shown.data?.embeds?.[0]?.title).toBe(`[1] ${answer.citations[0]?.title}`);
    expectWithinLimits(shown.data ?? {});

    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: helpful }));
    await b.whenIdle();
    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: helpful }));
    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: notHelpful }));
    await b.whenIdle();
    const replies = api.find('POST', CALLBACK).slice(1).map((r) => body(r).data);
    // One vote per user and answer, whichever button: a change of mind is not a second vote.
    expect(replies.map((r) => r?.content)).toEqual([
      'Merci, votre avis a été enregistré.',
      'Votre avis sur cette réponse était déjà enregistré.',
      'Votre avis sur cette réponse était déjà enregistré.',
    ]);
    expect(replies.every((r) => r?.flags === 64)).toBe(true);

    const lines = readFileSync(feedbackPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      platform: 'discord',
      userId: USER_ID,
      verdict: 'helpful',
      question: QUESTION,
      citations: answer.citations.map((c) => c.passageId),
    });
  });

  it('tells the voter when the vote could not be written, and lets them vote again once it can be', async () => {
    const b = startBot();
    await askBySlash(b);
    const ids = body(api.find('PATCH', ORIGINAL)[0]).components?.flatMap((row) => row.components.map((c) => c.custom_id)) ?? [];
    const helpful = ids.find((id) => id.startsWith('dpl:up:')) ?? '';
    // The log's folder is a file: every write fails, as on a full or read-only disk.
    writeFileSync(dirname(feedbackPath), '');
    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: helpful }));
    await b.whenIdle();
    rmSync(dirname(feedbackPath));
    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: helpful }));
    await b.whenIdle();
    const replies = api.find('POST', CALLBACK).slice(1).map((r) => body(r).data?.content);
    expect(replies).toEqual(['Désolé, votre avis n’a pas pu être enregistré.', 'Merci, votre avis a été enregistré.']);
    expect(readFileSync(feedbackPath, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('says so when a button refers to a forgotten answer', async () => {
    const b = startBot();
    dispatch(b.client, 'INTERACTION_CREATE', buttonPacket({ customId: 'dpl:up:unknown1' }));
    await b.whenIdle();
    expect(body(api.requests[0]).data?.content).toMatch(/no longer available/);
    expect(body(api.requests[0]).data?.flags).toBe(64);
  });

  it('keeps an oversized answer within Discord limits', async () => {
    const citations = Array.from({ length: 40 }, (_, i) => ({
      n: i + 1,
      doc: '001_d31d5ff027f99deb.txt',
      title: 'Feuille de route '.repeat(30),
      section: 'Section '.repeat(100),
      paragraph: `§${i + 1}`,
      lines: [1, 2] as [number, number],
      quote: 'Une très longue citation. '.repeat(300),
      date: '2019',
      passageId: `001_d31d5ff027f99deb.txt#1-${i + 2}`,
    }));
    const b = startBot({ core: fixed({ kind: 'answered', query: 'q'.repeat(3000), lang: 'fr', citations, confidence: 'firm', mode: 'extractive' }, real) });
    await askBySlash(b);
    const edit = body(api.find('PATCH', ORIGINAL)[0]);
    expectWithinLimits(edit);
    expect(edit.embeds?.[0]?.fields).toHaveLength(25);
  });

  it('waits out a 429 and then delivers the answer', async () => {
    const b = startBot();
    api.script('PATCH', ORIGINAL, api.rateLimited(0.05));
    await askBySlash(b);
    const edits = api.find('PATCH', ORIGINAL);
    expect(edits).toHaveLength(2);
    expect(body(edits[1]).embeds?.[0]?.fields?.length).toBeGreaterThan(0);
    expect(body(edits[1])).toEqual(body(edits[0]));
  });

  it('reports a Discord API error to the user instead of spinning', async () => {
    const b = startBot();
    api.script('PATCH', ORIGINAL, { status: 500, body: { message: 'Internal Server Error', code: 0 } });
    await askBySlash(b);
    const edits = api.find('PATCH', ORIGINAL);
    expect(edits).toHaveLength(2);
    expect(body(edits[1]).content).toMatch(/n’a pas pu être envoyée/);
    expect(body(edits[1]).embeds).toEqual([]);
  });

  it('reports a core failure briefly', async () => {
    const b = startBot({ core: fixed(new AppError('INDEX_MISSING', 'The search index is missing.'), real) });
    await askBySlash(b);
    expect(body(api.find('PATCH', ORIGINAL)[0]).content).toBe('⚠️ The search index is missing.');
    await b.stop();
    const hidden = startBot({ core: fixed(new Error('secret internals at /home/x'), real) });
    await askBySlash(hidden);
    const last = api.find('PATCH', ORIGINAL).at(-1);
    expect(body(last).content).toBe('⚠️ Désolé, une erreur est survenue pendant la réponse. Veuillez réessayer.');
  });

  it('stops quietly when the deferral itself fails', async () => {
    const b = startBot();
    api.script('POST', CALLBACK, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    await askBySlash(b);
    expect(api.requests).toHaveLength(1);
    expect(answers).toEqual([]);
  });

  it('reports briefly in the channel, within the 3 s window, when Discord rate-limits the callback for 30 s', async () => {
    const b = startBot();
    api.script('POST', CALLBACK, api.rateLimited(30));
    await askBySlash(b);
    // One callback, refused at once rather than waited on; the core is never asked, so no answer can come late.
    expect(api.find('POST', CALLBACK)).toHaveLength(1);
    expect(answers).toEqual([]);
    expect(api.find('PATCH', ORIGINAL)).toEqual([]);
    const [report, ...more] = api.find('POST', new RegExp(`/channels/${CHANNEL_ID}/messages$`));
    expect(more).toEqual([]);
    expect(body(report).content).toBe(`⚠️ Discord retient mes réponses pendant 30 s : cette question est restée sans réponse. Reposez-la ensuite.\n> ${QUESTION}`);
    expect(body(report).allowed_mentions).toEqual({ parse: [] });
  });

  it('never tells the channel about a private question it could not acknowledge', async () => {
    const b = startBot();
    api.script('POST', CALLBACK, api.rateLimited(30));
    await askBySlash(b, { private: true });
    expect(answers).toEqual([]);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([expect.stringMatching(/^POST .*\/callback$/)]);
  });

  it('turns a deferral Discord takes too late into the brief report, never into the answer', async () => {
    // A 300 ms budget stands for the 2.5 s of Discord's 3 s window, to keep the test short.
    const b = startBot({ respondWithinMs: 300 });
    api.script('POST', CALLBACK, { status: 204, delayMs: 700 });
    await askBySlash(b);
    expect(answers).toEqual([]);
    expect(body(api.find('POST', new RegExp(`/channels/${CHANNEL_ID}/messages$`))[0]).content).toMatch(/^⚠️ Discord n’a pas pris ma réponse à temps/u);
    const late = await api.waitFor((r) => r.method === 'PATCH' && ORIGINAL.test(r.path));
    expect(body(late).content).toBe('⚠️ Discord n’a pas pris ma réponse à temps : cette question est restée sans réponse. Posez-la de nouveau.');
    expect(body(late).embeds).toEqual([]);
  });

  it('answers only in allowed channels (DMs always allowed)', async () => {
    const b = startBot({ allowedChannels: [CHANNEL_ID] });
    await askBySlash(b, { channelId: OTHER_CHANNEL_ID });
    expect(body(api.requests[0])).toMatchObject({ type: 4, data: { flags: 64, content: '⚠️ Je ne suis pas activé dans ce salon.' } });
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: `<@${BOT_ID}> ${QUESTION}`, mentionBot: true, channelId: OTHER_CHANNEL_ID }));
    await b.whenIdle();
    expect(api.requests).toHaveLength(1);
    dispatch(b.client, 'MESSAGE_CREATE', messagePacket({ content: QUESTION, dm: true }));
    await b.whenIdle();
    expect(api.find('POST', new RegExp(`/channels/${DM_CHANNEL_ID}/messages$`))).toHaveLength(1);
    expect(answers).toHaveLength(1);
  });
});
