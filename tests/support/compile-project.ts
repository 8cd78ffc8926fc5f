import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const SOURCES = ['src', 'adapters', 'scripts'];

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Transpiles the project's TypeScript, file by file, into `outDir` inside the project (so that `packageRoot()` finds
 * package.json above it and the seeds, lexicon and web assets resolve as in `dist/`).
 */
export async function compileProject(root: string, outDir: string): Promise<void> {
  const entryPoints = SOURCES.flatMap((dir) => typeScriptFiles(join(root, dir))).map((file) => relative(root, file));
  await build({ absWorkingDir: root, entryPoints, outdir: outDir, outbase: '.', format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
}
