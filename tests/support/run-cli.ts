import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compiledEntry } from './compiled.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  indexDir: string;
  /** Variables over the inherited environment (the model and LLM variables are blanked unless set here). */
  env?: Record<string, string>;
  /** Written to the CLI's stdin. */
  input?: string;
}

/** Runs the real CLI entry point (compiled once for the run) and returns its exit code and output. */
export async function runCli(args: string[], options: CliRun): Promise<CliResult> {
  const child = run(process.execPath, [compiledEntry('src/cli/main.ts'), ...args, '--index-dir', options.indexDir], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DIPLOMATE_MODEL_DIR: '', LLM_BASE_URL: '', LLM_MODEL: '', ...options.env },
  });
  if (options.input !== undefined) {
    // The CLI may refuse the input and exit before reading it all; that is the behaviour under test.
    child.child.stdin?.on('error', () => {});
    child.child.stdin?.end(options.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
