import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errnoCode } from '../errors.js';

/**
 * Index builds live in `<indexDir>/builds/<id>/`; `<indexDir>/CURRENT` names the complete one.
 * A build is written in full before CURRENT is replaced by an atomic rename, so a crash mid-build
 * leaves the previous index in use and never a half-written one.
 */
export const FILES = {
  manifest: 'manifest.json',
  passages: 'passages.json',
  lexical: 'lexical.json',
  vectors: 'hnswlib.index',
  lsa: 'lsa.json',
  lsaProjection: 'lsa.bin',
} as const;

/** A build id is one plain folder name (what `newBuildDir` makes); anything else in CURRENT is refused. */
const BUILD_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,99}$/u;

export type CurrentBuild =
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'build'; id: string; dir: string };

/** What CURRENT names, refusing any value that would lead outside `<indexDir>/builds/`. */
export async function currentBuild(indexDir: string): Promise<CurrentBuild> {
  let id: string;
  try {
    id = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
  } catch {
    return { kind: 'none' };
  }
  if (!id) return { kind: 'none' };
  if (!BUILD_ID.test(id)) return { kind: 'invalid', reason: `${join(indexDir, 'CURRENT')} does not name a build of this folder` };
  return { kind: 'build', id, dir: join(indexDir, 'builds', id) };
}

export async function newBuildDir(indexDir: string): Promise<{ id: string; dir: string }> {
  const id = `${new Date().toISOString().replace(/[:.]/gu, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = join(indexDir, 'builds', id);
  await makeDirectory(dir);
  return { id, dir };
}

/** `mkdir -p` whose error tells why: Node's recursive mkdir reports a read-only or forbidden parent as ENOENT. */
export async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error: unknown) {
    if (errnoCode(error) !== 'ENOENT') throw error;
    const missing: string[] = [];
    for (let level = dir; !(await exists(level)) && dirname(level) !== level; level = dirname(level)) missing.unshift(level);
    for (const level of missing) await mkdir(level);
    throw error;
  }
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/**
 * Points CURRENT at a finished build, then removes the builds that are neither it nor the one CURRENT named
 * before: a process may still be reading that one. Call with the build lock held, so no other build is being written.
 */
export async function publishBuild(indexDir: string, id: string): Promise<void> {
  const previous = await currentBuild(indexDir);
  const temporary = join(indexDir, `.CURRENT.${process.pid}.tmp`);
  await writeFile(temporary, id + '\n', 'utf8');
  await rename(temporary, join(indexDir, 'CURRENT'));
  const keep = new Set([id, previous.kind === 'build' ? previous.id : id]);
  const builds = await readdir(join(indexDir, 'builds'));
  const stale = builds.filter((name) => !keep.has(name));
  await Promise.all(stale.map((name) => rm(join(indexDir, 'builds', name), { recursive: true, force: true })));
}

/**
 * Writes a new build with `write` into a fresh folder, then publishes it. A write that fails leaves no partial build
 * behind, and the published one stays. Call with the build lock held.
 */
export async function writeAndPublish<T>(indexDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  let build: { id: string; dir: string } | undefined;
  try {
    build = await newBuildDir(indexDir);
    const written = await write(build.dir);
    await publishBuild(indexDir, build.id);
    return written;
  } catch (error: unknown) {
    if (build) await rm(build.dir, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** Size and SHA-256 of every index file in `dir` but the manifest, which records them. */
export async function digestFiles(dir: string): Promise<Record<string, FileDigest>> {
  const names = (await readdir(dir)).filter((name) => name !== FILES.manifest).sort();
  const digests: Record<string, FileDigest> = {};
  for (const name of names) digests[name] = digest(await readFile(join(dir, name)));
  return digests;
}

export function digest(bytes: Buffer): FileDigest {
  return { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
