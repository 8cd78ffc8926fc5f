import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder holding package.json, whether running from `src/` (tests) or from `dist/src/` (built CLI). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const defaultSeedsDir = (): string => join(packageRoot(), 'seeds');
export const defaultIndexDir = (): string => join(packageRoot(), 'index');
export const lexiconPath = (): string => join(packageRoot(), 'src', 'search', 'lexicon', 'lexicon.json');
/** The world's countries by name, written by scripts/build-countries.py. */
export const countriesPath = (): string => join(packageRoot(), 'src', 'search', 'lexicon', 'countries.tsv');
/** The fitted answerability model, written by scripts/fit.ts. */
export const answerabilityPath = (): string => join(packageRoot(), 'src', 'core', 'answerability.json');
/** The fitted ranking model, written by scripts/fit.ts. */
export const rankingPath = (): string => join(packageRoot(), 'src', 'search', 'ranking.json');

/** The `version` of package.json. */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}
