import { randomBytes } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AppError, errnoCode as errno } from '../errors.js';
import { makeDirectory } from './index-files.js';

/**
 * One index build at a time per index folder, across processes.
 *
 * The lock is a file created exclusively (`wx`) that names its holder's host and pid. A holder is presumed alive while
 * its pid runs on this host, not while it refreshes a timestamp: a build blocks its event loop for seconds (the LSA
 * fit), which would make a refresh-based lock look abandoned mid-build. A crashed holder's lock is broken at once.
 */
export interface BuildLockOptions {
  /** Called once when another build holds the lock and this one starts waiting. */
  onWait?: (message: string) => void;
  /** How long to wait for another build before giving up with INDEX_BUSY. */
  maxWaitMs?: number;
  pollMs?: number;
}

const holderSchema = z.object({ host: z.string(), pid: z.number().int(), startedAt: z.string(), token: z.string() });
type Holder = z.infer<typeof holderSchema>;

const LOCK_FILE = 'build.lock';
/** A lock file still empty or unparsable after this long was left by a holder that died while creating it. */
const HALF_WRITTEN_GRACE_MS = 5_000;

export const buildLockPath = (indexDir: string): string => join(indexDir, LOCK_FILE);

/** Runs `work` holding the index folder's build lock, waiting for another build to finish first. */
export async function withBuildLock<T>(indexDir: string, work: () => Promise<T>, options: BuildLockOptions = {}): Promise<T> {
  await makeDirectory(indexDir);
  const held = await acquire(indexDir, options);
  try {
    return await work();
  } finally {
    await release(indexDir, held);
  }
}

async function acquire(indexDir: string, options: BuildLockOptions): Promise<Holder> {
  const path = buildLockPath(indexDir);
  const mine: Holder = { host: hostname(), pid: process.pid, startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.maxWaitMs ?? 30 * 60_000);
  let announced = false;
  for (;;) {
    if (await tryCreate(path, mine)) return mine;
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (await isAbandoned(path, holder)) {
      await breakLock(indexDir, holder);
      continue;
    }
    if (Date.now() > deadline) throw busy(path, holder);
    if (!announced) {
      options.onWait?.(`Another index build is running in ${indexDir}${describeHolder(holder)}; waiting for it to finish…`);
      announced = true;
    }
    await sleep(options.pollMs ?? 250);
  }
}

async function tryCreate(path: string, holder: Holder): Promise<boolean> {
  try {
    await writeFile(path, JSON.stringify(holder), { flag: 'wx' });
    return true;
  } catch (error: unknown) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's holder, `null` when its content is not (yet) readable, `'gone'` when the lock was just released. */
async function readHolder(path: string): Promise<Holder | null | 'gone'> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch (error: unknown) {
    return errno(error) === 'ENOENT' ? 'gone' : null;
  }
}

async function isAbandoned(path: string, holder: Holder | null): Promise<boolean> {
  if (holder === null) {
    const modified = await stat(path).then((info) => info.mtimeMs, () => Date.now());
    return Date.now() - modified > HALF_WRITTEN_GRACE_MS;
  }
  return holder.host === hostname() && !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return errno(error) === 'EPERM';
  }
}

/**
 * Removes an abandoned lock. Two waiters may find it abandoned at once; a second exclusive file makes only one of them
 * break it, and that one removes the lock only if it still holds the abandoned content (not a newer holder's).
 */
async function breakLock(indexDir: string, abandoned: Holder | null): Promise<void> {
  const breaker = join(indexDir, `${LOCK_FILE}.break`);
  const mine: Holder = { host: hostname(), pid: process.pid, startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  if (!(await tryCreate(breaker, mine))) {
    const other = await readHolder(breaker);
    if (other !== 'gone' && (await isAbandoned(breaker, other))) await rm(breaker, { force: true });
    await sleep(20);
    return;
  }
  try {
    const now = await readHolder(buildLockPath(indexDir));
    const unchanged = now === null ? abandoned === null : now !== 'gone' && now.token === abandoned?.token;
    if (unchanged) await rm(buildLockPath(indexDir), { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

async function release(indexDir: string, held: Holder): Promise<void> {
  const now = await readHolder(buildLockPath(indexDir));
  if (now !== null && now !== 'gone' && now.token === held.token) await rm(buildLockPath(indexDir), { force: true });
}

function describeHolder(holder: Holder | null): string {
  if (!holder) return '';
  return ` (process ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
}

function busy(path: string, holder: Holder | null): AppError {
  return new AppError(
    'INDEX_BUSY',
    `Another index build${describeHolder(holder)} has not finished. Wait for it, or, if no build is running, delete ${path}.`,
  );
}
