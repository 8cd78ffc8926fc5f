import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDocuments } from '../../src/documents/add-documents.js';
import { removeDocument } from '../../src/documents/remove-document.js';
import { readCorpus } from '../../src/ingest/read-corpus.js';
import { lsaEmbedderId } from '../../src/search/embedders/select-embedder.js';
import { indexSettings } from '../../src/search/settings.js';
import { shrinkIndex } from '../../src/search/shrink-index.js';
import { loadCore } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { SMALL_CORPUS, smallSeeds, smallWorkspace } from '../support/small-corpus.js';

const currentId = (indexDir: string): string => readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim();
const currentBuild = (indexDir: string): string => join(indexDir, 'builds', currentId(indexDir));

/** Overwrites `length` bytes in the middle of a file with random bytes: same size, damaged content. */
function damageInside(path: string, length: number): void {
  const size = statSync(path).size;
  const bytes = Buffer.alloc(Math.min(length, Math.floor(size / 2)));
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, Math.floor(size / 4));
  closeSync(fd);
  expect(statSync(path).size).toBe(size);
}

describe('a damaged index is detected before it is read', () => {
  it('random bytes inside hnswlib.index: refused (INDEX_CORRUPT naming the file), never loaded', async () => {
    const indexDir = copyOfSharedIndex();
    damageInside(join(currentBuild(indexDir), 'hnswlib.index'), 128 * 1024);
    // Loading these bytes into hnswlib crashes the whole process: reaching the assertion at all is the test.
    await expect(loadCore({ indexDir, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('hnswlib.index is damaged'),
    });
  });

  it('random bytes inside lsa.bin: refused, then rebuilt and used', async () => {
    const { seedsDir, indexDir } = await smallWorkspace();
    const damaged = currentId(indexDir);
    damageInside(join(currentBuild(indexDir), 'lsa.bin'), 128 * 1024);
    await expect(loadCore({ seedsDir, indexDir, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('lsa.bin is damaged'),
    });
    const notices: string[] = [];
    const core = await loadCore({ seedsDir, indexDir, onNotice: (message) => notices.push(message) });
    expect(notices.join(' ')).toMatch(/lsa\.bin is damaged.*Building the index/u);
    expect(currentId(indexDir)).not.toBe(damaged);
    expect((await core.search('feuille de route franco-indienne', { limit: 1 }))[0]?.passage.doc).toBe('001_d31d5ff027f99deb.txt');
  });

  it('records the size and SHA-256 of every other file of a build in its manifest', () => {
    const build = currentBuild(copyOfSharedIndex());
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { files: Record<string, { bytes: number }> };
    const others = readdirSync(build).filter((name) => name !== 'manifest.json').sort();
    expect(Object.keys(manifest.files).sort()).toEqual(others);
    for (const name of others) expect(manifest.files[name]?.bytes).toBe(statSync(join(build, name)).size);
  });
});

describe('with added documents', () => {
  it('an extended build records every file too: damage in it is refused, naming the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'diplomate-faults-added-'));
    const seedsDir = join(root, 'seeds');
    cpSync(join(import.meta.dirname, '..', '..', 'seeds'), seedsDir, { recursive: true });
    const indexDir = copyOfSharedIndex(join(root, 'index'));
    writeFileSync(join(root, 'cables.md'), '# Câbles sous-marins\n\nLa France protège les câbles sous-marins de télécommunication et leurs atterrages.\n');
    await addDocuments([join(root, 'cables.md')], { date: '2024', lang: 'fr' }, seedsDir);
    const extended = await loadCore({ seedsDir, indexDir });
    expect(extended.documents.map((meta) => meta.doc)).toContain('cables.md');
    damageInside(join(currentBuild(indexDir), 'lexical.json'), 4 * 1024);
    await expect(loadCore({ seedsDir, indexDir, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('lexical.json is damaged'),
    });
  });
});

describe('with a removed document', () => {
  it('a shrunk build records every file too: damage in it is refused, naming the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'diplomate-faults-removed-'));
    const seedsDir = join(root, 'seeds');
    cpSync(join(import.meta.dirname, '..', '..', 'seeds'), seedsDir, { recursive: true });
    const indexDir = copyOfSharedIndex(join(root, 'index'));
    await removeDocument('000_adb6d1e7b0eb011b.txt', seedsDir);
    const steps = new Set<string>();
    const shrunk = await loadCore({ seedsDir, indexDir, onProgress: (step) => steps.add(step) });
    expect(steps.has('vectors (hnswlib, stored vectors)')).toBe(true);
    expect(shrunk.documents.map((meta) => meta.doc)).not.toContain('000_adb6d1e7b0eb011b.txt');
    damageInside(join(currentBuild(indexDir), 'hnswlib.index'), 4 * 1024);
    await expect(loadCore({ seedsDir, indexDir, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('hnswlib.index is damaged'),
    });
  });
});

describe('removing the first copy of a repeated paragraph', () => {
  it('is left to a full build (003 repeats part of 002, never indexed): removing 002 does not shrink, removing 000 does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'diplomate-faults-repeat-'));
    const seedsDir = join(root, 'seeds');
    cpSync(join(import.meta.dirname, '..', '..', 'seeds'), seedsDir, { recursive: true });
    const indexDir = copyOfSharedIndex(join(root, 'index'));
    await removeDocument('002_b68b6197e0460cb7.txt', seedsDir);
    const corpus = await readCorpus(seedsDir);
    const key = {
      seeds: corpus.seeds.map(({ doc, sha256 }) => ({ doc, sha256 })),
      metadataSha: corpus.metadataSha,
      settings: indexSettings(),
      embedderId: lsaEmbedderId,
    };
    expect(await shrinkIndex(corpus, indexDir, { kind: 'lsa', id: lsaEmbedderId }, key, () => {})).toBeNull();
    const other = await readCorpus(join(import.meta.dirname, '..', '..', 'seeds'));
    const without000 = { ...other, seeds: other.seeds.filter((seed) => seed.doc !== '000_adb6d1e7b0eb011b.txt') };
    const shrunkKey = { ...key, seeds: without000.seeds.map(({ doc, sha256 }) => ({ doc, sha256 })), metadataSha: other.metadataSha };
    expect(await shrinkIndex(without000, indexDir, { kind: 'lsa', id: lsaEmbedderId }, shrunkKey, () => {})).toMatchObject({ passages: expect.any(Number) });
  });
});

describe('CURRENT names a build of its own folder only', () => {
  it.each([
    ['a path outside the index folder', (outside: string) => outside],
    ['a relative path climbing out of it', (outside: string) => join('..', '..', outside)],
  ])('%s is refused, never followed', async (_, pointer) => {
    const indexDir = copyOfSharedIndex();
    // A complete, valid index elsewhere: following CURRENT there would load it without complaint.
    const elsewhere = copyOfSharedIndex();
    writeFileSync(join(indexDir, 'CURRENT'), pointer(currentBuild(elsewhere)) + '\n');
    await expect(loadCore({ indexDir, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('does not name a build of this folder'),
    });
  });
});

describe('concurrent builds of one index folder', () => {
  it('two `index --force` at once both succeed, one waiting for the other; CURRENT names a complete build', async () => {
    const { seedsDir, indexDir } = smallSeeds();
    const build = () => runCli(['index', '--force', '--seeds-dir', seedsDir], { indexDir });
    const [first, second] = await Promise.all([build(), build()]);
    expect(first?.code, first?.stderr).toBe(0);
    expect(second?.code, second?.stderr).toBe(0);
    expect(`${first?.stderr}${second?.stderr}`).toContain('Another index build is running');
    expect(readdirSync(join(indexDir, 'builds'))).toContain(currentId(indexDir));
    expect(readdirSync(indexDir)).not.toContain('build.lock');
    const core = await loadCore({ seedsDir, indexDir, autoBuild: false });
    expect(core.info.passages).toBeGreaterThan(10);
    expect(JSON.parse(readFileSync(join(currentBuild(indexDir), 'manifest.json'), 'utf8')).seeds).toHaveLength(SMALL_CORPUS.length);
  });

  it('a lock left by a process that died is broken, and the build goes on', async () => {
    const { seedsDir, indexDir } = await smallWorkspace();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lock = { host: hostname(), pid: Number(dead.stdout), startedAt: new Date().toISOString(), token: 'dead' };
    writeFileSync(join(indexDir, 'build.lock'), JSON.stringify(lock));
    const before = currentId(indexDir);
    await loadCore({ seedsDir, indexDir, forceBuild: true });
    expect(currentId(indexDir)).not.toBe(before);
    expect(readdirSync(indexDir)).not.toContain('build.lock');
  });
});
