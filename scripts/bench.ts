/**
 * `npm run bench`: index build time, cold CLI start, warm in-process ask latency (median, p95) over the dev
 * questions, and peak RSS — model-free unless DIPLOMATE_MODEL_DIR is set. Figures are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCore } from '../src/index.js';
import { packageRoot } from '../src/paths.js';

const root = packageRoot();
const questionsFile = resolve(process.argv[2] ?? join(root, '..', 'shared', 'eval', 'dev-questions.jsonl'));
const questions = readFileSync(questionsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { question: string }).question);
const indexDir = mkdtempSync(join(tmpdir(), 'diplomate-bench-'));
const modelDir = process.env.DIPLOMATE_MODEL_DIR || undefined;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

let started = performance.now();
await loadCore({ indexDir, modelDir, forceBuild: true });
const buildMs = performance.now() - started;

const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const cold: number[] = [];
for (let i = 0; i < 3; i += 1) {
  started = performance.now();
  execFileSync(process.execPath, [cli, 'ask', '--json', '--index-dir', indexDir, questions[0] ?? 'Convention de Budapest'], { stdio: 'pipe' });
  cold.push(performance.now() - started);
}

started = performance.now();
const core = await loadCore({ indexDir, modelDir });
const loadMs = performance.now() - started;
for (const question of questions) await core.ask(question);
const warm: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const question of questions) {
    started = performance.now();
    await core.ask(question);
    warm.push(performance.now() - started);
  }
}
warm.sort((a, b) => a - b);
cold.sort((a, b) => a - b);

console.log(`bench: ${questions.length} questions, ${modelDir ? 'model ' + modelDir : 'model-free'}, node ${process.version}`);
console.log(`index build (in-process, ${core.info.passages} passages): ${ms(buildMs)}`);
console.log(`cold CLI ask (process start to answer), median of 3: ${ms(percentile(cold, 50))}`);
console.log(`core load from built index (in-process): ${ms(loadMs)}`);
console.log(`warm ask: median ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}, max ${ms(warm[warm.length - 1] ?? 0)} over ${warm.length} asks`);
console.log(`peak RSS (this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
