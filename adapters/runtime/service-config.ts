import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src/index.js';

/** Settings of the service itself (web server, core folders), read once from the environment. */
export interface ServiceConfig {
  /** Port of the web server (and of Slack's `/slack/events` in HTTP mode); 0 picks a free one. */
  port: number;
  /** Interface to listen on; `undefined` means every interface. */
  host: string | undefined;
  /** Base of the links in chat messages, without trailing slash; `undefined` means `http://localhost:<port>`. */
  publicUrl: string | undefined;
  indexDir: string | undefined;
  seedsDir: string | undefined;
  modelDir: string | undefined;
  feedbackLog: string;
  /** The embedded state store's SQLite file (under DIPLOMATE_STATE_DIR, default `state/`); unused with Redis. */
  stateFile: string;
  /** `redis://` or `rediss://` URL of the store shared by replicas; `undefined` means the embedded store. */
  redisUrl: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Empty or blank strings count as missing. */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
});

const redisUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
});

const schema = z.object({
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/u)
      .refine((v) => Number(v) <= 65535)
      .optional(),
  ),
  HOST: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]{1,253}$/u)
      .optional(),
  ),
  PUBLIC_URL: optional.pipe(httpUrl.optional()),
  DIPLOMATE_INDEX_DIR: optional,
  DIPLOMATE_SEEDS_DIR: optional,
  DIPLOMATE_MODEL_DIR: optional,
  DIPLOMATE_FEEDBACK_LOG: optional,
  DIPLOMATE_STATE_DIR: optional,
  REDIS_URL: optional.pipe(redisUrl.optional()),
});

/**
 * Reads PORT (default 3000), HOST, PUBLIC_URL, REDIS_URL and the DIPLOMATE_* folders. Throws `AppError('BAD_CONFIG')` naming
 * every invalid variable — never its value.
 */
export function loadServiceConfig(env: Env = process.env): ServiceConfig {
  const input = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, env[name]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'environment')))].sort();
    throw new AppError('BAD_CONFIG', `Invalid service configuration: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} malformed.`);
  }
  const v = parsed.data;
  return {
    port: v.PORT === undefined ? 3000 : Number(v.PORT),
    host: v.HOST,
    publicUrl: v.PUBLIC_URL?.replace(/\/+$/u, ''),
    indexDir: v.DIPLOMATE_INDEX_DIR,
    seedsDir: v.DIPLOMATE_SEEDS_DIR,
    modelDir: v.DIPLOMATE_MODEL_DIR,
    feedbackLog: resolve(v.DIPLOMATE_FEEDBACK_LOG ?? 'feedback/feedback.jsonl'),
    stateFile: join(resolve(v.DIPLOMATE_STATE_DIR ?? 'state'), 'state.sqlite'),
    redisUrl: v.REDIS_URL,
  };
}
