import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadCore } from '../../src/index.js';
import { compileProject } from './compile-project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A real index of the real `seeds/`, built once per test run; read it, never write it (see `shared-index.ts`). */
    sharedIndexDir: string;
    /** The project compiled once for the run's child processes (see `compiled.ts`). */
    compiledRoot: string;
  }
}

/** Builds the real index once for the whole run: each test file used to build its own, which took most of the run. */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'diplomate-shared-index-'));
  const indexDir = join(root, 'index');
  const projectRoot = join(import.meta.dirname, '..', '..');
  const compiledRoot = mkdtempSync(join(projectRoot, '.test-build-'));
  await Promise.all([loadCore({ indexDir }), compileProject(projectRoot, compiledRoot)]);
  project.provide('sharedIndexDir', indexDir);
  project.provide('compiledRoot', compiledRoot);
  return () => {
    rmSync(root, { recursive: true, force: true });
    rmSync(compiledRoot, { recursive: true, force: true });
  };
}
