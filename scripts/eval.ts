/**
 * `npm run eval [-- QUESTIONS.jsonl] [--ablation]`: retrieval recall@1/5/10 and MRR by language and kind,
 * answer figures (gold cited, abstention, must-mention, verbatim), model-free unless DIPLOMATE_MODEL_DIR is set.
 * Also writes search/ask runs as JSON Lines under test-output/ for ../shared/eval/score.py.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerToJson, errnoCode, isVerbatim, loadCore, searchToJson, type Core } from '../src/index.js';
import { packageRoot } from '../src/paths.js';
import { isHit, locateGolds, retrievalSummary, type EvalQuestion, type RetrievalRow } from './eval-metrics.js';

const args = process.argv.slice(2);
const ablation = args.includes('--ablation');
const file = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(packageRoot(), '..', 'shared', 'eval', 'dev-questions.jsonl'));
const questions = readQuestionFile(file);
const seedsDir = join(packageRoot(), 'seeds');
const seeds = new Map(
  readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name): [string, string[]] => [name, readFileSync(join(seedsDir, name), 'utf8').split('\n')]),
);
const indexDir = mkdtempSync(join(tmpdir(), 'diplomate-eval-'));
const modelDir = process.env.DIPLOMATE_MODEL_DIR || undefined;
const minCoverage = process.env.DIPLOMATE_MIN_COVERAGE ? Number(process.env.DIPLOMATE_MIN_COVERAGE) : undefined;


async function evaluateSearch(core: Core, label: string): Promise<void> {
  const rows: RetrievalRow[] = [];
  const lines: string[] = [];
  let chars = 0;
  let counted = 0;
  for (const q of questions) {
    const hits = await core.search(q.question, { limit: 10 });
    const json = searchToJson(q.question, hits);
    lines.push(JSON.stringify(json));
    const golds = locateGolds(q, seeds);
    if (golds.length === 0) continue;
    const index = json.results.findIndex((result) => isHit(result, golds));
    rows.push({ id: q.id, lang: q.lang, kind: q.kind, rank: index >= 0 ? index + 1 : null });
    json.results.slice(0, 5).forEach((result) => { chars += result.text.length; counted += 1; });
  }
  writeRun(`search-${label}.jsonl`, lines);
  const table: Record<string, ReturnType<typeof retrievalSummary>> = { all: retrievalSummary(rows) };
  for (const lang of new Set(rows.map((row) => row.lang))) table[`lang=${lang}`] = retrievalSummary(rows.filter((row) => row.lang === lang));
  for (const kind of new Set(rows.map((row) => row.kind))) table[`kind=${kind}`] = retrievalSummary(rows.filter((row) => row.kind === kind));
  console.log(`\n## search (${label})`);
  console.table(Object.fromEntries(Object.entries(table).map(([k, v]) => [k, roundAll(v)])));
  console.log(`mean characters per result (top 5): ${Math.round(chars / Math.max(counted, 1))}`);
  console.log(`missed at 5: ${rows.filter((row) => row.rank === null || row.rank > 5).map((row) => row.id).join(', ') || 'none'}`);
}

async function evaluateAsk(core: Core): Promise<void> {
  const lines: string[] = [];
  let answerable = 0, cited = 0, wrongAbstain = 0, mention = 0, unanswerable = 0, rightAbstain = 0, checked = 0, verbatim = 0;
  const uncited: string[] = [];
  const latencies: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    const json = answerToJson(await core.ask(q.question));
    latencies.push(performance.now() - started);
    lines.push(JSON.stringify(json));
    if (!json.abstained) {
      for (const c of json.citations) {
        checked += 1;
        if (isVerbatim(seeds.get(c.doc) ?? [], c.lines, c.quote)) verbatim += 1;
      }
    }
    const golds = locateGolds(q, seeds);
    if (q.kind === 'unanswerable' || golds.length === 0) {
      unanswerable += 1;
      if (json.abstained) rightAbstain += 1;
      continue;
    }
    answerable += 1;
    if (json.abstained) wrongAbstain += 1;
    const hit = json.citations.some((c) => isHit({ doc: c.doc, lines: c.lines, text: c.quote }, golds));
    if (hit) cited += 1; else uncited.push(q.id);
    const terms = q.must_mention ?? [];
    const answer = json.answer.toLowerCase();
    mention += terms.length ? terms.filter((t) => answer.includes(t.toLowerCase())).length / terms.length : 1;
  }
  writeRun('ask.jsonl', lines);
  console.log('\n## ask');
  console.table(roundAll({
    answerable, cited_gold: cited / Math.max(answerable, 1), wrongly_abstained: wrongAbstain / Math.max(answerable, 1),
    must_mention: mention / Math.max(answerable, 1), unanswerable, abstained_on_unanswerable: rightAbstain / Math.max(unanswerable, 1),
    citations_checked: checked, verbatim: checked ? verbatim / checked : 1,
  }));
  console.log(`answerable questions without a gold citation: ${uncited.join(', ') || 'none'}`);
}

/** The question set, or one line on stderr naming the file (and the line) at fault, and exit code 2. */
function readQuestionFile(path: string): EvalQuestion[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    return fail(errnoCode(error) === 'ENOENT' ? `no question file at ${path}` : `cannot read the question file ${path}`);
  }
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as EvalQuestion];
    } catch {
      return fail(`${path}, line ${i + 1}: not a JSON object`);
    }
  });
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

function roundAll<T extends Record<string, number>>(values: T): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number.isInteger(v) ? v : Number(v.toFixed(3))]));
}

function writeRun(name: string, lines: string[]): void {
  const dir = join(packageRoot(), 'test-output', 'eval');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
}

console.log(`eval: ${questions.length} questions from ${file}; ${modelDir ? `model ${modelDir}` : 'model-free'}`);
const core = await loadCore({ indexDir, seedsDir, modelDir, minCoverage });
await evaluateSearch(core, 'hybrid');
await evaluateAsk(core);
if (ablation) {
  await evaluateSearch(await loadCore({ indexDir, seedsDir, modelDir, mode: 'lexical' }), 'lexical-only');
  await evaluateSearch(await loadCore({ indexDir, seedsDir, modelDir, mode: 'vector' }), 'vectors-only');
  await evaluateSearch(await loadCore({ indexDir, seedsDir, modelDir, noLexicon: true }), 'hybrid-without-lexicon');
}
