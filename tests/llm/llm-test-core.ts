import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCore, type Core, type LlmLogEntry } from '../../src/index.js';
import type { FakeLlmApi } from '../support/llm-api.js';
import { sharedIndexDir } from '../support/shared-index.js';

const root = join(import.meta.dirname, '..', '..');
export const seedsDir = join(root, 'seeds');

/**
 * A real core over `seedsDir` whose `ask` goes through the fake LLM API; its log entries are collected.
 * Over the real seeds it opens the run's shared index; over other seeds it builds its own.
 */
export async function llmCore(
  api: Pick<FakeLlmApi, 'url'>,
  options: { seedsDir?: string; timeoutMs?: number } = {},
): Promise<{ core: Core; logs: LlmLogEntry[] }> {
  const logs: LlmLogEntry[] = [];
  const ownSeeds = options.seedsDir !== undefined;
  const core = await loadCore({
    seedsDir: options.seedsDir ?? seedsDir,
    indexDir: ownSeeds ? mkdtempSync(join(tmpdir(), 'diplomate-llm-index-')) : sharedIndexDir(),
    autoBuild: ownSeeds,
    llm: { baseUrl: api.url, model: 'test-model', apiKey: 'sk-test-secret', timeoutMs: options.timeoutMs ?? 2000 },
    onLlmLog: (entry) => logs.push(entry),
  });
  return { core, logs };
}

/** The real seeds plus the injection fixture, in a temporary folder. */
export function seedsWithInjection(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diplomate-injection-seeds-'));
  cpSync(seedsDir, dir, { recursive: true });
  cpSync(join(root, 'tests/fixtures/injection/900_note_injection.txt'), join(dir, '900_note_injection.txt'));
  return dir;
}

export const seedLines = (dir: string, doc: string): string[] => readFileSync(join(dir, doc), 'utf8').split('\n');
