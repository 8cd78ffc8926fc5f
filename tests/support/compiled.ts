import { join } from 'node:path';
import { inject } from 'vitest';

/**
 * The project's TypeScript compiled once per run (`global-setup.ts`), so that the many child processes the tests start
 * (`diplomate …`, `npm start`) do not each compile every module again through tsx: the same esbuild transform tsx
 * applies, done once. `entry` is a path from the project root, e.g. `src/cli/main.ts`.
 */
export function compiledEntry(entry: string): string {
  return join(inject('compiledRoot'), entry.replace(/\.ts$/u, '.js'));
}
