import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCore } from '../../src/index.js';

const realSeeds = join(import.meta.dirname, '..', '..', 'seeds');

/** The two shortest real seeds (24 KB of 218): enough for tests of the index's mechanics, which rebuild it. */
export const SMALL_CORPUS = ['000_adb6d1e7b0eb011b.txt', '001_d31d5ff027f99deb.txt'] as const;

export interface Workspace {
  seedsDir: string;
  indexDir: string;
}

/** A folder holding the small corpus's real seeds, and where its index would go. */
export function smallSeeds(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'diplomate-small-'));
  const seedsDir = join(root, 'seeds');
  mkdirSync(seedsDir);
  for (const name of SMALL_CORPUS) cpSync(join(realSeeds, name), join(seedsDir, name));
  return { seedsDir, indexDir: join(root, 'index') };
}

let built: Promise<string> | undefined;

/** The small corpus's index, built once per worker; tests get private copies (see `smallWorkspace`). */
function smallIndex(): Promise<string> {
  built ??= (async () => {
    const { seedsDir, indexDir } = smallSeeds();
    await loadCore({ seedsDir, indexDir });
    return indexDir;
  })();
  return built;
}

/** Small-corpus seeds with a private, up-to-date copy of their index. */
export async function smallWorkspace(): Promise<Workspace> {
  const workspace = smallSeeds();
  cpSync(await smallIndex(), workspace.indexDir, { recursive: true });
  return workspace;
}
