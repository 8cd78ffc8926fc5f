import { createHmac } from 'node:crypto';
import type { SlackConfig } from '../../adapters/slack/config.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

/** Slack's v0 request signature for `body` at `timestamp` (seconds). */
export function sign(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** POSTs a signed body to the app, as Slack does. */
export async function postSigned(
  url: string,
  body: string,
  options: { contentType?: string; secret?: string; headers?: Record<string, string>; timestamp?: number } = {},
): Promise<Response> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(options.secret ?? SIGNING_SECRET, ts, body),
      ...options.headers,
    },
    body,
  });
}

let seq = 0;
/** A unique Slack-like message timestamp. */
export function nextTs(): string {
  seq += 1;
  return `1710000000.${String(seq).padStart(6, '0')}`;
}

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${Math.random().toString(36).slice(2, 8)}`): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: BOT_USER_ID, is_bot: true }],
    event,
  });
}

export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return { type: 'app_mention', user: 'U123', text: `<@${BOT_USER_ID}> ${text}`, ts, channel: 'C1', event_ts: ts, ...extra };
}

export function messageEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return { type: 'message', user: 'U123', text, ts, channel: 'C1', channel_type: 'channel', event_ts: ts, ...extra };
}

/** A form-encoded slash command body. */
export function commandBody(command: string, text: string, responseUrl: string, channel = 'C1'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: channel,
    channel_name: 'general',
    user_id: 'U123',
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: 't1',
  }).toString();
}

/** A form-encoded `block_actions` payload for one button click. */
export function buttonBody(actionId: string, value: string, responseUrl: string, channel = 'C1', user = 'U123'): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: user },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', channel_id: channel, message_ts: '1.1', is_ephemeral: true },
    trigger_id: 't1',
    channel: { id: channel, name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'diplomate_actions', value, action_ts: '1.2', text: { type: 'plain_text', text: 'x' } }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** HTTP-mode Slack configuration against a loopback Web API at `apiBase` (e.g. `${fake.url}/api/`). */
export function testSlackConfig(apiBase: string, overrides: Partial<SlackConfig> = {}): SlackConfig {
  return {
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    appToken: null,
    apiUrl: apiBase,
    command: '/diplomate',
    allowedChannels: null,
    port: 0,
    ...overrides,
  };
}
