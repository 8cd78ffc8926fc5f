import { z } from 'zod';
import { AppError } from '../../src/index.js';

/** Settings of the Discord adapter, read from the environment. */
export interface DiscordConfig {
  /** Bot token (never logged). */
  token: string;
  /** Application (client) id: owns the slash commands and the interaction webhooks. */
  applicationId: string;
  /** When set, commands are registered in this guild only (instant); otherwise globally. */
  guildId?: string;
  /** REST base URL, e.g. `https://discord.com/api` (a test or proxy server otherwise). */
  apiUrl?: string;
  /** Channel ids where the bot answers in guilds; empty means every channel. DMs are always allowed. */
  allowedChannels: string[];
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

const snowflake = z.string().regex(/^\d{15,21}$/, 'must be a numeric Discord id');

const schema = z.object({
  DISCORD_TOKEN: z.string().regex(/^\S+$/, 'must not contain whitespace').optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z
    .string()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'must be an http(s) URL')
    .optional(),
  DISCORD_ALLOWED_CHANNELS: z
    .string()
    .refine(
      (value) => splitList(value).length > 0 && splitList(value).every((part) => /^\d{15,21}$/.test(part)),
      'must be a comma-separated list of numeric channel ids',
    )
    .optional(),
});

const NAMES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'DISCORD_ALLOWED_CHANNELS',
] as const;

/**
 * Reads the Discord settings. Returns `null` when the adapter is not configured
 * (neither DISCORD_TOKEN nor DISCORD_APPLICATION_ID set; the optional variables are then ignored). Empty strings count as missing.
 * Throws `AppError('BAD_CONFIG')` naming every bad variable — never its value.
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | null {
  const raw: Partial<Record<(typeof NAMES)[number], string>> = {};
  for (const name of NAMES) {
    const value = env[name]?.trim();
    if (value) raw[name] = value;
  }

  const hasToken = raw.DISCORD_TOKEN !== undefined;
  const hasApp = raw.DISCORD_APPLICATION_ID !== undefined;
  // Not configured: the adapter is off, whatever the optional variables say.
  if (!hasToken && !hasApp) return null;

  const problems: string[] = [];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      problems.push(`${name} ${issue.message}`);
    }
  }
  if (hasToken && !hasApp) problems.push('DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set');
  if (hasApp && !hasToken) problems.push('DISCORD_TOKEN is required when DISCORD_APPLICATION_ID is set');

  if (problems.length > 0 || !parsed.success || !raw.DISCORD_TOKEN || !raw.DISCORD_APPLICATION_ID) {
    throw new AppError('BAD_CONFIG', `Invalid Discord configuration: ${problems.join('; ')}.`);
  }

  const config: DiscordConfig = {
    token: raw.DISCORD_TOKEN,
    applicationId: raw.DISCORD_APPLICATION_ID,
    allowedChannels: raw.DISCORD_ALLOWED_CHANNELS
      ? [...new Set(splitList(raw.DISCORD_ALLOWED_CHANNELS))]
      : [],
  };
  if (raw.DISCORD_GUILD_ID) config.guildId = raw.DISCORD_GUILD_ID;
  if (raw.DISCORD_API_URL) config.apiUrl = raw.DISCORD_API_URL.replace(/\/+$/, '');
  return config;
}
