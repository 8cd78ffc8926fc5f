import { loadCore, type Core } from '../../src/index.js';
import { sharedIndexDir } from './shared-index.js';

let shared: Promise<Core> | undefined;

/** A real core over the real seeds, opened from the run's shared index (never rebuilt, never written). */
export function getTestCore(): Promise<Core> {
  shared ??= loadCore({ indexDir: sharedIndexDir(), autoBuild: false });
  return shared;
}
