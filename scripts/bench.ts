/**
 * `npm run bench [-- --scale K] [questions.jsonl]`: index build time (wall and CPU, by step), passages, index size on
 * disk, cold CLI start, warm ask latency and CPU time (median, p95) over the dev questions in a process that only
 * serves, the time to add one document to the built index and to remove it again, and peak RSS of building and of
 * serving — model-free unless DIPLOMATE_MODEL_DIR is set. `--scale K` indexes K copies of the seeds, each line of copy
 * k ≥ 1 with its first words in an order of that copy's own (see `bench/scaled-seeds.ts`), so that copies are not
 * merged as duplicates. Figures are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDocuments } from '../src/documents/add-documents.js';
import { removeDocument } from '../src/documents/remove-document.js';
import { loadCore } from '../src/index.js';
import { packageRoot } from '../src/paths.js';
import { perturb, scaledSeeds } from './bench/scaled-seeds.js';

const root = packageRoot();
const { values, positionals } = parseArgs({ options: { scale: { type: 'string', default: '1' } }, allowPositionals: true });
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new Error('--scale must be a whole number from 1 to 1000');
const questionsFile = resolve(positionals[0] ?? join(root, '..', 'shared', 'eval', 'dev-questions.jsonl'));
const questions = readFileSync(questionsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { question: string }).question);
const work = mkdtempSync(join(tmpdir(), 'diplomate-bench-'));
const indexDir = join(work, 'index');
const seedsDir = scaledSeeds(join(root, 'seeds'), join(work, 'seeds'), scale);
const modelDir = process.env.DIPLOMATE_MODEL_DIR || undefined;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** Time spent in each build step, from the build's own progress calls. */
function stepTimer() {
  const steps = new Map<string, number>();
  let current = '';
  let since = performance.now();
  const onProgress = (name: string) => {
    if (name === current) return;
    const now = performance.now();
    if (current) steps.set(current, (steps.get(current) ?? 0) + now - since);
    current = name;
    since = now;
  };
  return { onProgress, report: () => [...steps].map(([name, time]) => `${name} ${seconds(time)}`).join(', ') };
}

const dirBytes = (dir: string): number => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

/** CPU seconds (user + system) this process has used: unlike wall time, barely moved by other work on the machine. */
const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

let started = performance.now();
let cpuStarted = cpuSeconds();
const timer = stepTimer();
await loadCore({ seedsDir, indexDir, modelDir, forceBuild: true, onProgress: timer.onProgress });
const buildMs = performance.now() - started;
const buildCpu = cpuSeconds() - cpuStarted;
const build = join(indexDir, 'builds', readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim());
const indexBytes = dirBytes(build);

const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const cold: number[] = [];
for (let i = 0; i < 3; i += 1) {
  started = performance.now();
  const args = [cli, 'ask', '--json', '--seeds-dir', seedsDir, '--index-dir', indexDir, questions[0] ?? 'Convention de Budapest'];
  execFileSync(process.execPath, args, { stdio: 'pipe' });
  cold.push(performance.now() - started);
}

const buildRss = process.resourceUsage().maxRSS / 1024;
const serving = JSON.parse(
  execFileSync(process.execPath, [join(root, 'dist', 'scripts', 'bench', 'warm-asks.js'), seedsDir, indexDir, questionsFile], { encoding: 'utf8' }),
) as { loadMs: number; warm: number[]; cpu: number[]; rssMiB: number };
const { loadMs, warm, cpu } = serving;
const core = await loadCore({ seedsDir, indexDir, modelDir, autoBuild: false });
cold.sort((a, b) => a - b);

// One more document, as a user adds one: a further perturbed copy of the longest seed, then the index update.
const extra = join(work, 'one-more.txt');
writeFileSync(extra, perturb(readFileSync(join(root, 'seeds', '004_c3f6cb5d275c60c7.txt'), 'utf8'), scale + 1));
started = performance.now();
cpuStarted = cpuSeconds();
await addDocuments([extra], { title: 'Document ajouté', date: '2024', lang: 'fr' }, seedsDir);
const addTimer = stepTimer();
const updated = await loadCore({ seedsDir, indexDir, modelDir, onProgress: addTimer.onProgress });
const addMs = performance.now() - started;
const addCpu = cpuSeconds() - cpuStarted;

// And out again: the index shrinks by its passages, nothing embedded or fitted.
started = performance.now();
cpuStarted = cpuSeconds();
await removeDocument('one-more.txt', seedsDir);
const removeTimer = stepTimer();
await loadCore({ seedsDir, indexDir, modelDir, onProgress: removeTimer.onProgress });
const removeMs = performance.now() - started;
const removeCpu = cpuSeconds() - cpuStarted;
const load = (await import('node:os')).loadavg()[0] ?? 0;

console.log(`bench: scale ${scale}, ${questions.length} questions, ${modelDir ? 'model ' + modelDir : 'model-free'}, node ${process.version}, load average ${load.toFixed(1)}`);
console.log(`index build (in-process, ${core.info.passages} passages): ${seconds(buildMs)}, CPU ${buildCpu.toFixed(1)} s (${timer.report()})`);
console.log(`index size on disk: ${(indexBytes / 1024 / 1024).toFixed(1)} MiB`);
console.log(`cold CLI ask (process start to answer), median of 3: ${ms(percentile(cold, 50))}`);
console.log(`core load from built index (serving process): ${ms(loadMs)}`);
console.log(`warm ask (serving process): median ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}, max ${ms(warm[warm.length - 1] ?? 0)} over ${warm.length} asks`);
console.log(`warm ask CPU time (serving process): median ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}`);
console.log(`add one document (${updated.info.passages - core.info.passages} passages) and update the index: ${seconds(addMs)}, CPU ${addCpu.toFixed(1)} s (${addTimer.report()})`);
console.log(`remove it again and update the index: ${seconds(removeMs)}, CPU ${removeCpu.toFixed(1)} s (${removeTimer.report()})`);
console.log(`peak RSS: building ${buildRss.toFixed(0)} MiB; serving (a process that loads the index and answers) ${serving.rssMiB.toFixed(0)} MiB`);
console.log(`| ${scale} | ${core.info.passages} | ${seconds(buildMs)} (CPU ${buildCpu.toFixed(1)} s) | ${(indexBytes / 1024 / 1024).toFixed(1)} MiB | ${buildRss.toFixed(0)} / ${serving.rssMiB.toFixed(0)} MiB | ${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))} (CPU ${ms(percentile(cpu, 50))} / ${ms(percentile(cpu, 95))}) | ${seconds(addMs)} (CPU ${addCpu.toFixed(1)} s) | ${seconds(removeMs)} (CPU ${removeCpu.toFixed(1)} s) | ${load.toFixed(1)} |`);
rmSync(work, { recursive: true, force: true });
