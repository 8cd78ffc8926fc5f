import { describe, expect, it } from 'vitest';
import { loadDiscordConfig } from '../../../adapters/discord/config.js';

const TOKEN = 'MTIz.secret-token-value';
const APP = '123456789012345678';

describe('loadDiscordConfig', () => {
  it('is null when not configured, empty strings counting as missing', () => {
    expect(loadDiscordConfig({})).toBeNull();
    expect(loadDiscordConfig({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '  ' })).toBeNull();
  });

  it('reads every variable', () => {
    expect(
      loadDiscordConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP,
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
        DISCORD_ALLOWED_CHANNELS: ' 323456789012345678, 423456789012345678,',
      }),
    ).toEqual({
      token: TOKEN,
      applicationId: APP,
      guildId: '223456789012345678',
      apiUrl: 'http://127.0.0.1:9999/api',
      allowedChannels: ['323456789012345678', '423456789012345678'],
    });
    expect(loadDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: '' })).toEqual({
      token: TOKEN,
      applicationId: APP,
      allowedChannels: [],
    });
  });

  it('names every bad variable and never echoes values', () => {
    let message = '';
    try {
      loadDiscordConfig({
        DISCORD_TOKEN: 'secret with spaces',
        DISCORD_APPLICATION_ID: 'not-a-snowflake',
        DISCORD_GUILD_ID: 'guild-x',
        DISCORD_API_URL: 'ftp://nope',
        DISCORD_ALLOWED_CHANNELS: 'abc,123',
      });
    } catch (error) {
      expect(error).toMatchObject({ name: 'AppError', code: 'BAD_CONFIG' });
      message = (error as Error).message;
    }
    for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_ALLOWED_CHANNELS']) {
      expect(message).toContain(name);
    }
    for (const value of ['secret', 'not-a-snowflake', 'guild-x', 'ftp', 'abc']) expect(message).not.toContain(value);
  });

  it('requires both the token and the application id', () => {
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: TOKEN })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => loadDiscordConfig({ DISCORD_APPLICATION_ID: APP })).toThrow(/DISCORD_TOKEN/);
    expect(loadDiscordConfig({ DISCORD_GUILD_ID: 'bad', DISCORD_ALLOWED_CHANNELS: APP })).toBeNull();
  });
});
