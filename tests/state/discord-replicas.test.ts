import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.js';
import { customIdFor, parseCustomId } from '../../adapters/discord/button-ids.js';
import { openRedisStore } from '../../adapters/shared/redis-store.js';
import type { StateStore } from '../../adapters/shared/state-store.js';
import { createFeedbackLog } from '../../src/index.js';
import { startFakeDiscordApi, type FakeDiscordApi, type RecordedRequest } from '../support/discord-api.js';
import { APP_ID, BOT_ID, buttonPacket, dispatch, makeReady, messagePacket, slashCommandPacket } from '../support/discord-gateway.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { getTestCore } from '../support/test-core.js';

const QUESTION = 'Que prévoit la coopération franco-indienne en cybersécurité ?';
const CALLBACK = /^\/api\/v10\/interactions\/[^/]+\/[^/]+\/callback$/u;
const ORIGINAL = new RegExp(`^/api/v10/webhooks/${APP_ID}/[^/]+/messages/@original$`, 'u');
const quiet = { info: () => {}, warn: () => {} };

let redis: RedisServer;
let api: FakeDiscordApi;
const stores: StateStore[] = [];
let bots: DiscordBot[];
const work = mkdtempSync(join(tmpdir(), 'diplomate-discord-replicas-'));
const feedbackPath = (n: number): string => join(work, `feedback-${n}.jsonl`);

beforeAll(async () => {
  [redis, api] = await Promise.all([startRedisServer(), startFakeDiscordApi()]);
  const core = await getTestCore();
  bots = await Promise.all(
    [0, 1].map(async (n) => {
      const state = await openRedisStore({ url: redis.url, log: quiet });
      stores.push(state);
      const bot = createDiscordBot({
        core,
        config: { token: 'test', applicationId: APP_ID, apiUrl: `${api.url}/api`, allowedChannels: [] },
        feedback: createFeedbackLog(feedbackPath(n)),
        restOptions: { retries: 0, timeout: 5000 },
        state,
      });
      makeReady(bot.client);
      return bot;
    }),
  );
});
afterAll(async () => {
  for (const bot of bots) await bot.stop();
  for (const store of stores) await store.close();
  await Promise.all([redis.stop(), api.close()]);
});

/** Both sessions of one shard receive every gateway event: dispatch it to both and wait for both to settle. */
async function toBoth(type: string, packet: unknown): Promise<void> {
  for (const bot of bots) dispatch(bot.client, type, packet);
  await Promise.all(bots.map((bot) => bot.whenIdle()));
}
type Callback = { type?: number; data?: { content?: string; embeds?: unknown[] } };
const data = (request: RecordedRequest | undefined): Callback => (request?.body ?? {}) as Callback;
const lines = (n: number): string[] => {
  try {
    return readFileSync(feedbackPath(n), 'utf8').split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
};

describe('two Discord bots sharing one Redis (two sessions of the same shard)', () => {
  it('answer a replayed /ask and a mention once, and either one serves the buttons of the other', async () => {
    const ask = slashCommandPacket({ question: QUESTION });
    await toBoth('INTERACTION_CREATE', ask);
    expect(api.find('POST', CALLBACK)).toHaveLength(1);
    expect(api.find('PATCH', ORIGINAL)).toHaveLength(1);

    await toBoth('MESSAGE_CREATE', messagePacket({ content: `<@${BOT_ID}> ${QUESTION}`, mentionBot: true }));
    expect(api.find('POST', /\/channels\/\d+\/messages$/u)).toHaveLength(1);

    const body = api.find('PATCH', ORIGINAL)[0]?.body as { components?: { components: { custom_id: string }[] }[] };
    const ids = body.components?.flatMap((row) => row.components.map((c) => c.custom_id)) ?? [];
    // The answer fits, so it has no sources button; the one of a longer answer is built from its id.
    const vote = parseCustomId(ids.find((id) => id.startsWith('dpl:up:')) ?? '');
    expect(vote).not.toBeNull();
    const sources = vote ? customIdFor({ action: 'sources', answerId: vote.answerId }) : undefined;
    api.requests.length = 0;
    // The answer was remembered by whichever bot answered; the other one shows its sources.
    for (const bot of bots) dispatch(bot.client, 'INTERACTION_CREATE', buttonPacket({ customId: sources ?? '' }));
    await Promise.all(bots.map((bot) => bot.whenIdle()));
    const shown = api.find('POST', CALLBACK).map((request) => data(request));
    expect(shown).toHaveLength(2);
    for (const reply of shown) expect(reply.data?.embeds?.length).toBeGreaterThan(0);
  });

  it('count a vote once when the same click reaches both, and a change of verdict not at all (one vote per user and answer)', async () => {
    const ask = slashCommandPacket({ question: QUESTION });
    await toBoth('INTERACTION_CREATE', ask);
    const body = api.find('PATCH', ORIGINAL).at(-1)?.body as { components?: { components: { custom_id: string }[] }[] };
    const ids = body.components?.flatMap((row) => row.components.map((c) => c.custom_id)) ?? [];
    const up = ids.find((id) => id.startsWith('dpl:up:')) ?? '';
    const before = lines(0).length + lines(1).length;
    // Two clicks (two interactions), each reaching both sessions.
    await toBoth('INTERACTION_CREATE', buttonPacket({ customId: up }));
    await toBoth('INTERACTION_CREATE', buttonPacket({ customId: up }));
    await toBoth('INTERACTION_CREATE', buttonPacket({ customId: ids.find((id) => id.startsWith('dpl:down:')) ?? '' }));
    const replies = api.find('POST', CALLBACK).slice(-3).map((request) => data(request).data?.content);
    const [thanks, already] = ['Merci, votre avis a été enregistré.', 'Votre avis sur cette réponse était déjà enregistré.'];
    expect(replies).toEqual([thanks, already, already]);
    expect(lines(0).length + lines(1).length - before).toBe(1);
  });
});
