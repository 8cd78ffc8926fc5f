import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/bot.js';
import { formatAnswer, formatFullSources } from '../../../adapters/discord/format.js';
import { createFeedbackLog, type Core } from '../../../src/index.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../support/discord-api.js';
import { APP_ID, dispatch, makeReady, slashCommandPacket } from '../../support/discord-gateway.js';
import { sourcePath } from '../../../adapters/shared/citation-text.js';
import { getTestCore } from '../../support/test-core.js';

const PUBLIC_URL = 'https://diplomate.example.org';
const QUESTION = 'Combien de pays ont ratifié la Convention de Budapest ?';

let core: Core;
beforeAll(async () => {
  core = await getTestCore();
});

describe('Discord citation links', () => {
  it('links each cited line range in the answer embed, and gives each full source a url', async () => {
    const answer = await core.ask(QUESTION);
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    const reply = formatAnswer(answer, 'a1', { publicUrl: PUBLIC_URL });
    const fields = reply.embeds[0]?.fields ?? [];
    expect(fields).toHaveLength(answer.citations.length);
    answer.citations.forEach((c, i) => {
      expect(fields[i]?.value).toContain(`[l. ${c.lines[0]}–${c.lines[1]}](${PUBLIC_URL}${sourcePath(c.doc, c.lines)})`);
    });
    const sources = formatFullSources(answer, 5, { publicUrl: PUBLIC_URL }).flatMap((r) => r.embeds);
    expect(sources.map((embed) => embed.url)).toEqual(answer.citations.map((c) => `${PUBLIC_URL}${sourcePath(c.doc, c.lines)}`));
  });

  it('adds no link without a public URL', async () => {
    const answer = await core.ask(QUESTION);
    expect(JSON.stringify(formatAnswer(answer, 'a1'))).not.toContain('/doc/');
    expect(formatFullSources(answer).flatMap((r) => r.embeds).every((embed) => embed.url === undefined)).toBe(true);
  });
});

describe('Discord bot with a public URL', () => {
  let api: FakeDiscordApi;
  let bot: DiscordBot | undefined;

  beforeEach(async () => {
    api = await startFakeDiscordApi();
  });
  afterEach(async () => {
    await bot?.stop();
    await api.close();
  });

  function startBot(): DiscordBot {
    bot = createDiscordBot({
      core,
      config: { token: 'test', applicationId: APP_ID, apiUrl: `${api.url}/api`, allowedChannels: [] },
      feedback: createFeedbackLog(join(mkdtempSync(join(tmpdir(), 'diplomate-discord-')), 'feedback.jsonl')),
      restOptions: { retries: 0, timeout: 5000 },
      publicUrl: PUBLIC_URL,
    });
    return bot;
  }

  it('answers /ask with links to the source viewer', async () => {
    const b = startBot();
    makeReady(b.client);
    dispatch(b.client, 'INTERACTION_CREATE', slashCommandPacket({ question: QUESTION }));
    await b.whenIdle();
    const edit = api.requests.find((r) => r.method === 'PATCH');
    expect(JSON.stringify(edit?.body)).toMatch(/\]\(https:\/\/diplomate\.example\.org\/doc\/004_c3f6cb5d275c60c7\.txt\?hl=\d+-\d+#L\d+-L\d+\)/u);
  });

  it('reports its gateway state from the client’s shard events', () => {
    const b = startBot();
    expect(b.state()).toBe('disconnected');
    b.client.emit(Events.ShardReady, 0, undefined);
    expect(b.state()).toBe('connected');
    b.client.emit(Events.ShardReconnecting, 0);
    expect(b.state()).toBe('starting');
    b.client.emit(Events.ShardResume, 0, 0);
    expect(b.state()).toBe('connected');
    b.client.emit(Events.ShardDisconnect, { code: 4004, reason: 'Authentication failed.', wasClean: true }, 0);
    expect(b.state()).toBe('disconnected');
  });
});
