/**
 * A serving process for `npm run bench`: loads the built index once, asks every question three times after one warm-up
 * round, and prints one JSON line with the latencies (ms, sorted), the CPU time of each ask (ms, sorted: on a machine
 * shared with other work, wall time also counts the time the process waited for a core) and its own peak RSS (MiB), so
 * the figures are those of a process that only serves, not of the one that also built the index.
 */
import { readFileSync } from 'node:fs';
import { loadCore } from '../../src/index.js';

const [seedsDir, indexDir, questionsFile] = process.argv.slice(2);
const questions = readFileSync(questionsFile ?? '', 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { question: string }).question);
const modelDir = process.env.DIPLOMATE_MODEL_DIR || undefined;
let started = performance.now();
const core = await loadCore({ seedsDir, indexDir, modelDir, autoBuild: false });
const loadMs = performance.now() - started;
for (const question of questions) await core.ask(question);
const warm: number[] = [];
const cpu: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const question of questions) {
    started = performance.now();
    const cpuStarted = process.cpuUsage();
    await core.ask(question);
    warm.push(performance.now() - started);
    const { user, system } = process.cpuUsage(cpuStarted);
    cpu.push((user + system) / 1000);
  }
}
warm.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ loadMs, warm, cpu, rssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
