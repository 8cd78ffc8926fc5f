import type { Client } from 'discord.js';
import { messageFields } from './discord-message.js';

/**
 * Feeds raw gateway packets through discord.js's own dispatch path
 * (`WebSocketManager#handlePacket` → `handlers/<EVENT>.js` → `client.actions.*`), as the gateway would.
 * The casts into discord.js internals live here only.
 */
interface Internals {
  ws: {
    status: number;
    handlePacket(packet: { t: string; d: unknown }, shard: { id: number; checkReady(): void }): boolean;
  };
}

const shard = { id: 0, checkReady() {} };

export function dispatch(client: Client, t: string, d: unknown): void {
  const internals = client as unknown as Internals;
  internals.ws.handlePacket({ t, d }, shard);
}

export const BOT_ID = '100000000000000001';
export const APP_ID = '100000000000000001';
export const GUILD_ID = '110000000000000001';
export const CHANNEL_ID = '120000000000000001';
export const OTHER_CHANNEL_ID = '120000000000000002';
export const DM_CHANNEL_ID = '130000000000000001';
export const USER_ID = '140000000000000001';

export const user = {
  id: USER_ID,
  username: 'alice',
  discriminator: '0',
  global_name: 'Alice',
  avatar: null,
};

/** READY + GUILD_CREATE, and the manager marked ready so later packets are not queued. */
export function makeReady(client: Client): void {
  const internals = client as unknown as Internals;
  internals.ws.status = 0; // Status.Ready
  client.rest.setToken('test');
  dispatch(client, 'READY', {
    v: 10,
    user: { id: BOT_ID, username: 'diplomate', discriminator: '0', avatar: null, bot: true, global_name: null },
    guilds: [],
    session_id: 'session',
    resume_gateway_url: 'wss://example.invalid',
    application: { id: APP_ID, flags: 0 },
  });
  dispatch(client, 'GUILD_CREATE', {
    id: GUILD_ID,
    name: 'Test guild',
    icon: null,
    owner_id: USER_ID,
    features: [],
    roles: [],
    emojis: [],
    stickers: [],
    members: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    member_count: 2,
    unavailable: false,
    channels: [
      { id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: GUILD_ID },
      { id: OTHER_CHANNEL_ID, type: 0, name: 'random', position: 1, permission_overwrites: [], guild_id: GUILD_ID },
    ],
  });
}

let seq = 0;
function nextId(base: bigint): string {
  seq += 1;
  return String(base + BigInt(seq));
}

export function slashCommandPacket(options: { question: string; private?: boolean; id?: string; token?: string; channelId?: string }) {
  const id = options.id ?? nextId(500000000000000000n);
  const opts: { name: string; type: number; value: string | boolean }[] = [
    { name: 'question', type: 3, value: options.question },
  ];
  if (options.private !== undefined) opts.push({ name: 'private', type: 5, value: options.private });
  return {
    id,
    application_id: APP_ID,
    type: 2,
    token: options.token ?? `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: options.channelId ?? CHANNEL_ID,
    channel: { id: options.channelId ?? CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: { user, roles: [], joined_at: new Date(0).toISOString(), permissions: '0', deaf: false, mute: false, flags: 0 },
    locale: 'fr',
    guild_locale: 'fr',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    data: { id: '600000000000000001', name: 'ask', type: 1, options: opts },
  };
}

export function buttonPacket(options: { customId: string; id?: string; token?: string }) {
  const id = options.id ?? nextId(700000000000000000n);
  return {
    id,
    application_id: APP_ID,
    type: 3,
    token: options.token ?? `token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: { user, roles: [], joined_at: new Date(0).toISOString(), permissions: '0', deaf: false, mute: false, flags: 0 },
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    message: {
      id: nextId(800000000000000000n),
      channel_id: CHANNEL_ID,
      type: 0,
      content: '',
      author: { id: BOT_ID, username: 'diplomate', discriminator: '0', avatar: null, bot: true },
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    },
    data: { custom_id: options.customId, component_type: 2 },
  };
}

export function messagePacket(options: {
  content: string;
  dm?: boolean;
  mentionBot?: boolean;
  id?: string;
  author?: { id: string; username: string; bot?: boolean };
  channelId?: string;
}) {
  const id = options.id ?? nextId(900000000000000000n);
  const author = options.author ?? user;
  const base = messageFields({
    id,
    content: options.content,
    author,
    mentions: options.mentionBot ? [{ id: BOT_ID, username: 'diplomate', discriminator: '0', avatar: null, bot: true, global_name: null }] : [],
  });
  if (options.dm) return { ...base, channel_id: DM_CHANNEL_ID, channel_type: 1 };
  return {
    ...base,
    channel_id: options.channelId ?? CHANNEL_ID,
    guild_id: GUILD_ID,
    channel_type: 0,
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}
