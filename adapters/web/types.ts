import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../src/index.js';
import type { ConnectionState } from '../shared/connection-state.js';
import type { AdapterLogger } from '../shared/logger.js';
import type { StateStore, StoreHealth } from '../shared/state-store.js';

/** What the web adapter logs through (a pino logger fits). */
export type WebLogger = Pick<AdapterLogger, 'info' | 'warn' | 'error'>;

/** What `/healthz` reports; `ok: false` answers 503. */
export interface HealthReport {
  ok: boolean;
  index: { passages: number; embedder: string; modelFree: boolean; builtAt: string };
  adapters: Record<string, ConnectionState>;
  /** Where deliveries, votes and rate counters are kept, and whether that store answers (absent: none given). */
  state?: StoreHealth;
}

/** A handler owning a path prefix (e.g. Slack's `/slack/events`); it reads its own body and may take any method. */
export interface Mount {
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface WebLimits {
  /** Longest question accepted, in characters (default: the core's MAX_QUESTION_CHARS). */
  maxQuestionChars?: number;
  /** Largest declared request body, in bytes (default 1 MiB); larger gets 413. */
  maxBodyBytes?: number;
  /** Requests per minute per client address to pages and the API (default 60). */
  requestsPerMinute?: number;
}

export interface WebServerOptions {
  /** Already instrumented by the composition root. */
  core: Core;
  /** Absolute base for shared links, e.g. `https://diplomate.example.org`; default: derived from the request Host. */
  publicUrl?: string;
  logger?: WebLogger;
  health?: () => HealthReport;
  metrics?: { contentType: string; render(): Promise<string> };
  mounts?: Mount[];
  limits?: WebLimits;
  /** Counts the rate limit in this store (shared by replicas with Redis); default: in this process. */
  state?: StateStore;
  /** How long `stop()` waits for in-flight requests before closing their connections (default 10 s). */
  shutdownGraceMs?: number;
}

/** Everything a route needs, resolved once at build time. */
export interface WebContext {
  core: Core;
  publicUrl: string | undefined;
  logger: WebLogger;
  health: () => HealthReport;
  metrics: WebServerOptions['metrics'];
  maxQuestionChars: number;
}
