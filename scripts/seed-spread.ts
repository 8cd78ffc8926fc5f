/**
 * `npm run spread [-- --seeds K]`: runs `npm run fit -- --dry-run` from K random starts of the LSA fit (the committed
 * `LSA_SEED` and K − 1 others; 5 by default, 2 to 10) and prints each figure's mean and standard deviation over them,
 * per set: cross-validated ranking and answers on the fitted sets, then the held-out sets.
 *
 * Why: one LSA seed against another moves the cross-validated r@1 by about 0.003 and a held-out set by one to three
 * questions, as much as most single changes do. A change is worth keeping when its mean over seeds gains, not when
 * one seed happens to favour it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { LSA_SEED } from '../src/search/settings.js';
import { scriptArgs, wholeNumberFlag } from './script-args.js';

type Table = Record<string, Record<string, number>>;
interface Figures {
  ranking: Table;
  answers: Table;
  heldOut: Table;
}

const OTHER_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const seedsFlag = scriptArgs('spread', { options: { seeds: { type: 'string' } } }).values.seeds;
const count = wholeNumberFlag('spread', 'seeds', seedsFlag, { min: 2, max: 1 + OTHER_SEEDS.length }) ?? 5;
const seeds = [LSA_SEED, ...OTHER_SEEDS].slice(0, count);
const work = mkdtempSync(join(tmpdir(), 'diplomate-spread-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const runs: Figures[] = seeds.map((seed, i) => {
  process.stderr.write(`spread: seed ${seed} (${i + 1}/${seeds.length}), fitting…\n`);
  const file = join(work, `figures-${seed}.json`);
  const fit = join(packageRoot(), 'dist', 'scripts', 'fit.js');
  try {
    execFileSync(process.execPath, [fit, '--dry-run', '--lsa-seed', String(seed), '--figures-out', file], { stdio: 'ignore' });
  } catch {
    process.stderr.write(`spread: the fit from seed ${seed} failed; run \`npm run fit -- --dry-run --lsa-seed ${seed}\` to see why\n`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Figures;
});

/** "mean ± sd" of one figure over the runs, for each row of one of their tables. */
function spread(pick: (figures: Figures) => Table, columns: readonly string[]): Record<string, Record<string, string>> {
  const rows = Object.keys(pick(runs[0] as Figures));
  return Object.fromEntries(
    rows.map((row) => [
      row,
      Object.fromEntries(columns.map((column) => [column, meanAndSpread(runs.map((run) => pick(run)[row]?.[column] ?? Number.NaN))])),
    ]),
  );
}

function meanAndSpread(values: readonly number[]): string {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return `${mean.toFixed(3)} ± ${Math.sqrt(variance).toFixed(3)}`;
}

/** A markdown table: set, then one "mean ± sd" column per figure (ready to paste into a note). */
function printTable(title: string, table: Record<string, Record<string, string>>, columns: readonly string[]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| set | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [row, cells] of Object.entries(table)) console.log(`| ${row} | ${columns.map((column) => cells[column]).join(' | ')} |`);
}

const RANKING = ['r@1', 'r@5', 'mrr@10'];
const ANSWERS = ['cited_gold', 'wrongly_abstained', 'abstained_on_unanswerable'];
const HELD_OUT = ['r@1', 'r@5', ...ANSWERS];
console.log(`## over ${seeds.length} LSA seeds (${seeds.join(', ')}): mean ± standard deviation`);
printTable('ranking, 5-fold cross-validated (fitted sets)', spread((run) => run.ranking, RANKING), RANKING);
printTable('answers, 5-fold cross-validated (fitted sets)', spread((run) => run.answers, ANSWERS), ANSWERS);
printTable('the models fitted on all fitted sets, on the held-out sets', spread((run) => run.heldOut, HELD_OUT), HELD_OUT);
