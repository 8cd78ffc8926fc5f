import { LogLevel, type Logger } from '@slack/bolt';
import type { AdapterLogger } from '../shared/logger.js';

/** Routes Bolt's own log lines (warnings and errors only) to our logger. */
export function toBoltLogger(log: AdapterLogger): Logger {
  let level: LogLevel = LogLevel.WARN;
  const text = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => log.warn({ source: 'bolt' }, text(parts)),
    error: (...parts: unknown[]) => log.error({ source: 'bolt' }, text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** Slack's error code from a Web API error (`data.error`) or a Node error code, for logs. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data: unknown = Reflect.get(error, 'data');
    if (typeof data === 'object' && data !== null) {
      const code: unknown = Reflect.get(data, 'error');
      if (typeof code === 'string') return code;
    }
    const code: unknown = Reflect.get(error, 'code');
    if (typeof code === 'string') return code;
  }
  return 'unknown';
}
