import { z } from 'zod';
import { AppError } from '../../src/index.js';

/** Everything the Slack adapter needs from the environment. */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Set when Socket Mode is wanted (`xapp-…` app-level token). */
  appToken: string | null;
  /** Web API base URL, always ending with `/`; `null` means Slack's own (`https://slack.com/api/`). */
  apiUrl: string | null;
  /** Slash command name, with its leading slash. */
  command: string;
  /** Channel ids the bot answers in; `null` means every channel it is invited to. DMs are always answered. */
  allowedChannels: string[] | null;
  port: number;
}

/** Empty or blank strings count as missing. */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xox').optional()),
  SLACK_SIGNING_SECRET: optional.pipe(z.string().min(8).optional()),
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-').optional()),
  SLACK_API_URL: optional.pipe(
    z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .optional(),
  ),
  SLACK_COMMAND: optional.pipe(
    z
      .string()
      .regex(/^\/[a-z0-9][a-z0-9_-]{0,31}$/i)
      .optional(),
  ),
  SLACK_ALLOWED_CHANNELS: optional.pipe(
    z
      .string()
      .regex(/^\s*[A-Z0-9]+\s*(,\s*[A-Z0-9]+\s*)*,?\s*$/)
      .optional(),
  ),
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/)
      .refine((v) => Number(v) <= 65535)
      .optional(),
  ),
});

type Env = Record<string, string | undefined>;

/**
 * Reads the Slack settings from `env`. Returns `null` when neither SLACK_BOT_TOKEN nor
 * SLACK_SIGNING_SECRET is set (Slack disabled). Throws `AppError('BAD_CONFIG')` naming every
 * invalid variable — never its value.
 */
export function loadSlackConfig(env: Env = process.env): SlackConfig | null {
  const input = {
    SLACK_BOT_TOKEN: env['SLACK_BOT_TOKEN'],
    SLACK_SIGNING_SECRET: env['SLACK_SIGNING_SECRET'],
    SLACK_APP_TOKEN: env['SLACK_APP_TOKEN'],
    SLACK_API_URL: env['SLACK_API_URL'],
    SLACK_COMMAND: env['SLACK_COMMAND'],
    SLACK_ALLOWED_CHANNELS: env['SLACK_ALLOWED_CHANNELS'],
    PORT: env['PORT'],
  };
  const parsed = schema.safeParse(input);
  const bad = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0];
      if (typeof name === 'string') bad.add(name);
    }
  }
  const isSet = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';
  const hasToken = isSet(input.SLACK_BOT_TOKEN);
  const hasSecret = isSet(input.SLACK_SIGNING_SECRET);
  if (!hasToken && !hasSecret) {
    // Slack not configured; other SLACK_* variables are irrelevant.
    return null;
  }
  if (!hasToken) bad.add('SLACK_BOT_TOKEN');
  if (!hasSecret) bad.add('SLACK_SIGNING_SECRET');
  if (bad.size > 0 || !parsed.success) {
    const names = [...bad].sort();
    throw new AppError(
      'BAD_CONFIG',
      `Invalid Slack configuration: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} missing or malformed. ` +
        'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together.',
    );
  }
  const v = parsed.data;
  const apiUrl = v.SLACK_API_URL === undefined ? null : v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/`;
  const channels =
    v.SLACK_ALLOWED_CHANNELS === undefined
      ? null
      : v.SLACK_ALLOWED_CHANNELS.split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '');
  return {
    botToken: v.SLACK_BOT_TOKEN ?? '',
    signingSecret: v.SLACK_SIGNING_SECRET ?? '',
    appToken: v.SLACK_APP_TOKEN ?? null,
    apiUrl,
    command: v.SLACK_COMMAND ?? '/diplomate',
    allowedChannels: channels === null || channels.length === 0 ? null : channels,
    port: v.PORT === undefined ? 3000 : Number(v.PORT),
  };
}
