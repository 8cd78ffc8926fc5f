import { describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../../../adapters/slack/config.js';
import { AppError } from '../../../src/index.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-123-abc', SLACK_SIGNING_SECRET: 'shh-secret-value' };

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('loadSlackConfig', () => {
  it('returns null when Slack is not configured (empty strings count as missing)', () => {
    expect(loadSlackConfig({})).toBeNull();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ', PORT: '8080' })).toBeNull();
  });

  it('applies defaults', () => {
    expect(loadSlackConfig(base)).toEqual({
      botToken: 'xoxb-123-abc',
      signingSecret: 'shh-secret-value',
      appToken: null,
      apiUrl: null,
      command: '/diplomate',
      allowedChannels: null,
      port: 3000,
    });
  });

  it('reads every optional variable', () => {
    const config = loadSlackConfig({
      ...base,
      SLACK_APP_TOKEN: 'xapp-1-xyz',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_COMMAND: '/ask-doc',
      SLACK_ALLOWED_CHANNELS: 'C01, C02 ,',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      appToken: 'xapp-1-xyz',
      apiUrl: 'http://127.0.0.1:9999/api/',
      command: '/ask-doc',
      allowedChannels: ['C01', 'C02'],
      port: 8080,
    });
  });

  it('requires the token and the secret together', () => {
    const e = errorOf(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }));
    expect(e.code).toBe('BAD_CONFIG');
    expect(e.message).toContain('SLACK_SIGNING_SECRET');
    expect(errorOf(() => loadSlackConfig({ SLACK_SIGNING_SECRET: 'abcdefghij', SLACK_BOT_TOKEN: '' })).message).toContain('SLACK_BOT_TOKEN');
  });

  it('names every bad variable and never echoes a value', () => {
    const e = errorOf(() =>
      loadSlackConfig({
        SLACK_BOT_TOKEN: 'not-a-token-SECRETVALUE',
        SLACK_SIGNING_SECRET: 'shh-secret-value',
        SLACK_APP_TOKEN: 'bad-app-SECRETVALUE',
        SLACK_API_URL: 'ftp://x',
        SLACK_COMMAND: 'nocommandslash',
        SLACK_ALLOWED_CHANNELS: '#general',
        PORT: '99999',
      }),
    );
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_COMMAND', 'SLACK_ALLOWED_CHANNELS', 'PORT']) {
      expect(e.message).toContain(name);
    }
    expect(e.message).not.toContain('SECRETVALUE');
    expect(e.message).not.toContain('shh-secret-value');
    expect(e.message).not.toContain('SLACK_SIGNING_SECRET,');
  });
});
