import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
const imports = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/from '([^']+)'/gu)].map((m) => m[1] ?? '');

describe('dependency direction', () => {
  it('src/ never imports adapters or chat SDKs', () => {
    for (const file of files('src')) {
      for (const target of imports(file)) expect(target, file).not.toMatch(/adapters\/|@slack\/|^discord\.js$/u);
    }
  });

  it('adapters reach the core only through src/index.ts and never import each other', () => {
    // The composition root (start.ts and its runtime/ folder) is the one place that wires adapters together.
    const composition = (file: string): boolean => file === 'adapters/start.ts' || file.startsWith('adapters/runtime/');
    for (const file of files('adapters')) {
      const own = file.split('/')[1] ?? '';
      for (const target of imports(file)) {
        if (target.includes('/src/')) expect(target, file).toMatch(/\/src\/index\.js$/u);
        for (const other of ['slack', 'discord', 'web']) {
          if (other !== own && !composition(file)) expect(target, file).not.toContain(`/${other}/`);
        }
      }
    }
  });

  it('adapters/shared/ imports no adapter, so every adapter may import it', () => {
    for (const file of files('adapters/shared')) {
      for (const target of imports(file)) expect(target, file).not.toMatch(/\/(slack|discord|web|runtime)\/|@slack\/|^discord\.js$/u);
    }
  });
});
