import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, errnoCode } from '../../src/index.js';
import type { RateDecision, StateStore } from './state-store.js';

export interface EmbeddedStoreOptions {
  /** The SQLite file (its folder is created), or `':memory:'` for a store that ends with the process. */
  file: string;
  /** Milliseconds since the epoch; injectable so tests can move time on. */
  now?: () => number;
  /** How often expired rows are deleted, in ms (default 10 min); reads ignore them in between. */
  sweepEveryMs?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS entries_expiry ON entries (expires_at);
  CREATE INDEX IF NOT EXISTS counters_expiry ON counters (expires_at);
`;

/**
 * The default store: one SQLite file, so deliveries, answers and votes survive a restart. Processes on one machine
 * may share the file (SQLite locks it; a claim is one atomic statement); replicas on several machines need Redis.
 */
export function openEmbeddedStore(options: EmbeddedStoreOptions): StateStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(options.file);
  const sql = statements(db);
  const sweep = (): void => {
    try {
      sql.sweepEntries.run(now());
      sql.sweepCounters.run(now());
    } catch {
      // A busy or full database is retried at the next sweep; reads already skip expired rows.
    }
  };
  sweep();
  const timer = setInterval(sweep, options.sweepEveryMs ?? 10 * 60_000);
  timer.unref();
  const expiry = (ttlSeconds: number): number => now() + ttlSeconds * 1000;

  return {
    claim: async (key, ttlSeconds) => guard(() => sql.claim.run({ key, expires: expiry(ttlSeconds), now: now() }).changes === 1),
    release: async (key) => guard(() => void sql.remove.run(key)),
    remember: async (key, value, ttlSeconds) => guard(() => void sql.remember.run(key, value, expiry(ttlSeconds))),
    recall: async (key) => guard(() => sql.recall.get(key, now())?.value),
    hit: async (key, windowSeconds, limit) => guard(() => decide(sql.hit.get({ key, expires: expiry(windowSeconds), now: now() }), limit, now())),
    health: () => ({ store: 'embedded', state: db.open ? 'up' : 'down' }),
    close: async () => {
      clearInterval(timer);
      if (db.open) db.close();
    },
  };
}

function openDatabase(file: string): Database.Database {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Another process on this machine may hold the write lock for a moment.
    db.pragma('busy_timeout = 2000');
    db.exec(SCHEMA);
    return db;
  } catch (error: unknown) {
    const code = errnoCode(error);
    const why = code === undefined ? '' : ` (${code})`;
    throw new AppError('BAD_CONFIG', `The state folder (DIPLOMATE_STATE_DIR) cannot be opened or written${why}.`, { cause: error });
  }
}

/** Named parameters of the statements that compare with the clock (ms since the epoch). */
interface Timed {
  key: string;
  expires: number;
  now: number;
}

function statements(db: Database.Database) {
  return {
    // A claim wins when the key is absent or expired: one statement, so two processes cannot both win.
    claim: db.prepare<[Timed]>(
      `INSERT INTO entries (key, value, expires_at) VALUES (@key, '', @expires)
       ON CONFLICT (key) DO UPDATE SET value = '', expires_at = excluded.expires_at WHERE entries.expires_at <= @now`,
    ),
    remove: db.prepare<[string]>('DELETE FROM entries WHERE key = ?'),
    remember: db.prepare<[string, string, number]>('INSERT OR REPLACE INTO entries (key, value, expires_at) VALUES (?, ?, ?)'),
    recall: db.prepare<[string, number], { value: string }>('SELECT value FROM entries WHERE key = ? AND expires_at > ?'),
    hit: db.prepare<[Timed], { count: number; expires_at: number }>(
      `INSERT INTO counters (key, count, expires_at) VALUES (@key, 1, @expires)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN counters.expires_at <= @now THEN 1 ELSE counters.count + 1 END,
         expires_at = CASE WHEN counters.expires_at <= @now THEN excluded.expires_at ELSE counters.expires_at END
       RETURNING count, expires_at`,
    ),
    sweepEntries: db.prepare<[number]>('DELETE FROM entries WHERE expires_at <= ?'),
    sweepCounters: db.prepare<[number]>('DELETE FROM counters WHERE expires_at <= ?'),
  };
}

function decide(row: { count: number; expires_at: number } | undefined, limit: number, time: number): RateDecision {
  if (row === undefined || row.count <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.expires_at - time) / 1000)) };
}

/** SQLite failures (disk full, lock held too long) become the contract's "cannot decide". */
function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error: unknown) {
    throw new AppError('UPSTREAM', 'The embedded state store failed.', { cause: error });
  }
}
