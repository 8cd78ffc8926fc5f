import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { compiledEntry } from '../support/compiled.js';

const root = join(import.meta.dirname, '..', '..');

/** Variables that would switch on an adapter or a model from the developer's shell: tests set their own. */
const CLEARED = /^(SLACK_|DISCORD_|LLM_|PORT$|HOST$|PUBLIC_URL$|REDIS_URL$|DIPLOMATE_)/u;

/** The real `npm start` entry point (compiled once for the run), its output collected line by line. */
export interface ServiceProcess {
  child: ChildProcess;
  /** Every stdout + stderr line so far. */
  lines: string[];
  /** Parsed JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** Resolves with the first JSON log line matching `test` (rejects if the process exits first). */
  waitForLog(test: (log: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServiceProcess(env: Record<string, string>): ServiceProcess {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CLEARED.test(name)));
  const child = spawn(process.execPath, [compiledEntry('adapters/start.ts')], {
    cwd: root,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line !== ''));
      for (const wake of [...waiters]) wake();
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      // Let the last output chunks arrive before anyone reads `lines`.
      setImmediate(() => {
        resolve({ code, signal });
        for (const wake of [...waiters]) wake();
      });
    });
  });
  let done = false;
  void exited.then(() => (done = true));

  const logs = (): Record<string, unknown>[] =>
    lines.flatMap((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });

  const waitForLog = (test: (log: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = logs().find(test);
        if (found) {
          waiters.delete(check);
          resolve(found);
        } else if (done) {
          waiters.delete(check);
          reject(new Error(`process exited before the expected log line:\n${lines.join('\n')}`));
        }
      };
      waiters.add(check);
      check();
    });

  return { child, lines, logs, waitForLog, exited };
}
