import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The run's shared index of the real seeds (built by `global-setup.ts`): open it with `autoBuild: false`, never write it. */
export const sharedIndexDir = (): string => inject('sharedIndexDir');

/** A private copy of the shared index, for a test that writes, damages or rebuilds its index. */
export function copyOfSharedIndex(target = join(mkdtempSync(join(tmpdir(), 'diplomate-index-copy-')), 'index')): string {
  cpSync(sharedIndexDir(), target, { recursive: true });
  return target;
}
