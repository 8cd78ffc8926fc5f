import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

export async function currentBuildDir(indexDir: string): Promise<string | null> {
  try {
    const id = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
    return id ? join(indexDir, 'builds', id) : null;
  } catch {
    return null;
  }
}

export async function newBuildDir(indexDir: string): Promise<{ id: string; dir: string }> {
  const id = `${new Date().toISOString().replace(/[:.]/gu, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = join(indexDir, 'builds', id);
  await mkdir(dir, { recursive: true });
  return { id, dir };
}

/** Points CURRENT at a finished build, then removes every other build. */
export async function publishBuild(indexDir: string, id: string): Promise<void> {
  const temporary = join(indexDir, `.CURRENT.${process.pid}.tmp`);
  await writeFile(temporary, id + '\n', 'utf8');
  await rename(temporary, join(indexDir, 'CURRENT'));
  const builds = await readdir(join(indexDir, 'builds'));
  await Promise.all(builds.filter((name) => name !== id).map((name) => rm(join(indexDir, 'builds', name), { recursive: true, force: true })));
}
