import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCore, type Core } from '../../src/index.js';

let shared: Promise<Core> | undefined;

/** A real core over the real seeds, with its index built once per test worker in a temporary folder. */
export function getTestCore(): Promise<Core> {
  shared ??= loadCore({ indexDir: mkdtempSync(join(tmpdir(), 'diplomate-test-index-')) });
  return shared;
}
