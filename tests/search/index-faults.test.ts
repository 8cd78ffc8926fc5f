import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDocuments } from '../../src/documents/add-documents.js';
import { loadCore } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';
import { copyOfSharedIndex, sharedIndexDir } from '../support/shared-index.js';

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
    const indexDir = copyOfSharedIndex();
    const damaged = currentId(indexDir);
    damageInside(join(currentBuild(indexDir), 'lsa.bin'), 128 * 1024);
    await expect(loadCore({ indexDir, autoBuild: false })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining('lsa.bin is damaged'),
    });
    const notices: string[] = [];
    const core = await loadCore({ indexDir, onNotice: (message) => notices.push(message) });
    expect(notices.join(' ')).toMatch(/lsa\.bin is damaged.*Building the index/u);
    expect(currentId(indexDir)).not.toBe(damaged);
    expect((await core.search('Convention de Budapest', { limit: 1 }))[0]?.passage.text).toMatch(/Budapest/u);
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
    const indexDir = copyOfSharedIndex();
    const [first, second] = await Promise.all([runCli(['index', '--force'], { indexDir }), runCli(['index', '--force'], { indexDir })]);
    expect(first?.code, first?.stderr).toBe(0);
    expect(second?.code, second?.stderr).toBe(0);
    expect(`${first?.stderr}${second?.stderr}`).toContain('Another index build is running');
    expect(readdirSync(join(indexDir, 'builds'))).toContain(currentId(indexDir));
    expect(readdirSync(indexDir)).not.toContain('build.lock');
    const core = await loadCore({ indexDir, autoBuild: false });
    expect(core.info.passages).toBeGreaterThan(400);
  });

  it('a lock left by a process that died is broken, and the build goes on', async () => {
    const indexDir = copyOfSharedIndex();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lock = { host: hostname(), pid: Number(dead.stdout), startedAt: new Date().toISOString(), token: 'dead' };
    writeFileSync(join(indexDir, 'build.lock'), JSON.stringify(lock));
    const before = currentId(indexDir);
    await loadCore({ indexDir, forceBuild: true });
    expect(currentId(indexDir)).not.toBe(before);
    expect(readdirSync(indexDir)).not.toContain('build.lock');
  });
});

/**
 * Disk-full and read-only folders are real: a small tmpfs mounted in a private mount namespace (`unshare`), so the
 * test needs no privilege beyond user namespaces and leaves no mount behind. CI runs them; elsewhere they are skipped
 * when the namespace cannot be made.
 */
const namespaceUnavailable = (): string | null => {
  if (process.env['CI']) return null;
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$(mktemp -d)"']);
  return probe.status === 0 ? null : 'no mount namespace (unshare -rm) here; disk-full and read-only tests skipped';
};
const skipMounts = namespaceUnavailable();
const root = join(import.meta.dirname, '..', '..');

/** Runs `script` (sh) in a private mount namespace with a tmpfs of `sizeKiB` at $MNT holding a copy of the index at $MNT/index. */
function inTmpfs(sizeKiB: number, script: string): { status: number | null; stdout: string; stderr: string } {
  const mnt = mkdtempSync(join(tmpdir(), 'diplomate-tmpfs-'));
  const shared = copyOfSharedIndex();
  const cli = `"${process.execPath}" --import tsx "${join(root, 'src/cli/main.ts')}"`;
  const body = `set -u; mount -t tmpfs -o size=${sizeKiB}k tmpfs "$MNT" && cp -r "$SHARED" "$MNT/index" || exit 90\n${script}`;
  const result = spawnSync('unshare', ['-rm', 'sh', '-c', body], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MNT: mnt, SHARED: shared, CLI: cli, DIPLOMATE_MODEL_DIR: '', LLM_BASE_URL: '', LLM_MODEL: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(skipMounts !== null)('an index folder that cannot be written', () => {
  it('disk full: says so and where, removes the partial build, keeps serving the old index', () => {
    const build = currentBuild(sharedIndexDir());
    const indexBytes = readdirSync(build).reduce((sum, name) => sum + statSync(join(build, name)).size, 0);
    // Room for the published index and half of another one.
    const size = Math.ceil((indexBytes * 1.5) / 1024) + 64;
    const run = inTmpfs(
      size,
      `before=$(cat "$MNT/index/CURRENT")
       eval "$CLI index --force --index-dir \\"$MNT/index\\"" 2>"$MNT/../build.err"; echo "build=$?"
       cat "$MNT/../build.err" | tail -1
       echo "builds=$(ls "$MNT/index/builds" | tr '\\n' ' ')"; echo "before=$before"; echo "after=$(cat "$MNT/index/CURRENT")"
       echo "free=$(df -k "$MNT" | awk 'NR==2 {print $4}')"
       eval "$CLI search --json -k 1 --index-dir \\"$MNT/index\\" Convention de Budapest"; echo "search=$?"`,
    );
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toContain('build=1');
    expect(out).toMatch(/diplomate: No space left in .*\/index to build the index; the partial build was removed/u);
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'mu').exec(out)?.[1]?.trim();
    expect(value('before')).toBe(value('after'));
    expect(value('builds')).toBe(value('before'));
    expect(Number(value('free'))).toBeGreaterThan(indexBytes / 1024 / 4);
    expect(out).toContain('search=0');
    expect(out).toContain('Budapest');
    expect(out).not.toMatch(/internal error|at .*\.ts:\d+/u);
  });

  it('read-only folder: says it is read-only, keeps serving the old index', () => {
    const run = inTmpfs(
      16 * 1024,
      `mount -o remount,ro "$MNT" || exit 91
       eval "$CLI index --force --index-dir \\"$MNT/index\\""; echo "build=$?"
       eval "$CLI ask --json --index-dir \\"$MNT/index\\" Combien d\\'États ont ratifié la Convention de Budapest"; echo "ask=$?"
       eval "$CLI ask --index-dir \\"$MNT/fresh\\" cyber"; echo "fresh=$?"`,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('build=1');
    expect(run.stderr).toMatch(/diplomate: .*\/index is read-only, so the index cannot be built there/u);
    expect(run.stdout).toContain('ask=0');
    expect(run.stdout).toMatch(/"abstained":false/u);
    expect(run.stdout).toContain('fresh=1');
    expect(run.stderr).toMatch(/diplomate: .*\/fresh is read-only/u);
    expect(run.stderr).not.toMatch(/internal error|at .*\.ts:\d+/u);
  });
});
