import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, loadCore } from '../../src/index.js';
import { copyOfSharedIndex } from '../support/shared-index.js';
import { smallWorkspace } from '../support/small-corpus.js';
import { LSA_SEED } from '../../src/search/settings.js';

const realSeeds = join(import.meta.dirname, '..', '..', 'seeds');

/** Real seeds in a folder of the test's own, with a copy of the run's shared index of them unless `withIndex` is false. */
function workspace({ withIndex = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'diplomate-lifecycle-'));
  const seedsDir = join(root, 'seeds');
  cpSync(realSeeds, seedsDir, { recursive: true });
  const indexDir = join(root, 'index');
  if (withIndex) copyOfSharedIndex(indexDir);
  return { seedsDir, indexDir };
}

const currentBuild = (indexDir: string) => join(indexDir, 'builds', readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim());

describe('index lifecycle', () => {
  let dirs: ReturnType<typeof workspace>;
  beforeAll(async () => {
    dirs = workspace();
    await loadCore({ ...dirs });
  });

  it('a missing index is an INDEX_MISSING error when building is not allowed', async () => {
    const fresh = workspace({ withIndex: false });
    await expect(loadCore({ ...fresh, autoBuild: false })).rejects.toMatchObject({ code: 'INDEX_MISSING' });
  });

  it('records seed hashes, embedder and settings in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(currentBuild(dirs.indexDir), 'manifest.json'), 'utf8'));
    expect(manifest.seeds).toHaveLength(5);
    expect(manifest.embedder.id).toMatch(/^lsa-tfidf-v1\//u);
    expect(manifest.passages).toBeGreaterThan(400);
    expect(manifest.settings.lsaSeed).toBe(LSA_SEED);
  });

  it('an index fitted from another LSA seed is stale for the committed one, and says why', async () => {
    const own = await smallWorkspace();
    await loadCore({ ...own, lsaSeed: 1 });
    const manifest = JSON.parse(readFileSync(join(currentBuild(own.indexDir), 'manifest.json'), 'utf8'));
    expect(manifest.settings.lsaSeed).toBe(1);
    await expect(loadCore({ ...own, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_STALE',
      message: expect.stringContaining('index settings changed'),
    });
  });

  it('an up-to-date index is reused, not rebuilt', async () => {
    const before = readFileSync(join(dirs.indexDir, 'CURRENT'), 'utf8');
    const notices: string[] = [];
    await loadCore({ ...dirs, onNotice: (m) => notices.push(m) });
    expect(readFileSync(join(dirs.indexDir, 'CURRENT'), 'utf8')).toBe(before);
    expect(notices).toEqual([]);
  });

  it('a changed seed makes the index stale: refused without autoBuild, rebuilt with it', async () => {
    const own = await smallWorkspace();
    appendFileSync(join(own.seedsDir, '000_adb6d1e7b0eb011b.txt'), '\n6. Paragraphe ajouté sur les câbles sous-marins.\n');
    await expect(loadCore({ ...own, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_STALE',
      message: expect.stringContaining('000_adb6d1e7b0eb011b.txt changed'),
    });
    const notices: string[] = [];
    const core = await loadCore({ ...own, onNotice: (m) => notices.push(m) });
    expect(notices.join(' ')).toContain('out of date');
    const hits = await core.search('câbles sous-marins', { limit: 3 });
    expect(hits[0]?.passage.text).toContain('câbles sous-marins');
  });

  it('a damaged index is detected (INDEX_CORRUPT) and rebuilt, never used', async () => {
    const own = await smallWorkspace();
    writeFileSync(join(currentBuild(own.indexDir), 'hnswlib.index'), 'not an index');
    await expect(loadCore({ ...own, autoBuild: false })).rejects.toBeInstanceOf(AppError);
    await expect(loadCore({ ...own, autoBuild: false })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    const core = await loadCore({ ...own });
    expect((await core.search('feuille de route franco-indienne', { limit: 1 })).length).toBe(1);
  });

  it('a passage store from an older build, without its proper names, is INDEX_CORRUPT and rebuilt', async () => {
    const own = await smallWorkspace();
    const storePath = join(currentBuild(own.indexDir), 'passages.json');
    const { properNames, ...older } = JSON.parse(readFileSync(storePath, 'utf8')) as Record<string, unknown>;
    expect(properNames).toEqual(expect.arrayContaining(['singapour', 'inde']));
    writeFileSync(storePath, JSON.stringify(older));
    await expect(loadCore({ ...own, autoBuild: false })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    const core = await loadCore({ ...own });
    expect((await core.search('feuille de route Singapour', { limit: 1 })).length).toBe(1);
  });

  it('a build that crashed half-way leaves the published index in use', async () => {
    const own = workspace();
    const crashed = join(own.indexDir, 'builds', 'crashed-build');
    mkdirSync(crashed, { recursive: true });
    writeFileSync(join(crashed, 'passages.json'), '{"trunc');
    const core = await loadCore({ ...own, autoBuild: false });
    expect(core.info.passages).toBeGreaterThan(400);
    expect(readdirSync(join(own.indexDir, 'builds'))).toContain('crashed-build');
  });
});
