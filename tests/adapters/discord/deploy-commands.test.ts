import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askCommand, commands } from '../../../adapters/discord/commands.js';
import { deployCommands } from '../../../adapters/discord/deploy-commands.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../support/discord-api.js';

const APP = '123456789012345678';
const GUILD = '223456789012345678';

let api: FakeDiscordApi;
beforeEach(async () => {
  api = await startFakeDiscordApi();
});
afterEach(async () => {
  await api.close();
});

describe('slash commands', () => {
  it('defines /ask question:<string, required> private:<bool, optional>', () => {
    expect(askCommand.name).toBe('ask');
    expect(askCommand.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, max_length: 1000 }),
      expect.objectContaining({ name: 'private', type: 5, required: false }),
    ]);
    expect(askCommand.description.length).toBeLessThanOrEqual(100);
    expect(askCommand.contexts).toEqual([0, 1]);
  });

  it('registers in the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands(
      { token: 'tok', applicationId: APP, guildId: GUILD, apiUrl: `${api.url}/api`, allowedChannels: [] },
      { retries: 0 },
    );
    expect(result).toEqual({ scope: 'guild', count: 1 });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'PUT', path: `/api/v10/applications/${APP}/guilds/${GUILD}/commands`, body: JSON.parse(JSON.stringify(commands)) as unknown });
    expect(api.requests[0]?.headers.authorization).toBe('Bot tok');
  });

  it('registers globally otherwise', async () => {
    const result = await deployCommands({ token: 'tok', applicationId: APP, apiUrl: `${api.url}/api`, allowedChannels: [] }, { retries: 0 });
    expect(result).toEqual({ scope: 'global', count: 1 });
    expect(api.requests[0]).toMatchObject({ method: 'PUT', path: `/api/v10/applications/${APP}/commands` });
  });
});
