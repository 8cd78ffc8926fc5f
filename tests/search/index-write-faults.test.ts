import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from '../support/compiled.js';
import { copyOfSharedIndex, sharedIndexDir } from '../support/shared-index.js';

// The index faults a full disk and a read-only folder cause (the others are in index-faults.test.ts).

const currentId = (indexDir: string): string => readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim();
const currentBuild = (indexDir: string): string => join(indexDir, 'builds', currentId(indexDir));

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
  const cli = `"${process.execPath}" "${compiledEntry('src/cli/main.ts')}"`;
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
