/**
 * `npm run eval [-- SET.jsonl …] [--ablation]`: retrieval recall@1/5/10 and MRR by language and kind, and answer
 * figures (gold cited, abstention, must-mention, verbatim), for each question set separately, then one summary row per
 * set. Without files: the three development sets (../shared/eval/dev, dev2, and tests/fixtures/eval/team). Model-free
 * unless DIPLOMATE_MODEL_DIR is set. Runs are written as JSON Lines under test-output/eval/<set>/ for
 * ../shared/eval/score.py.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerToJson, isVerbatim, loadCore, searchToJson, type Core } from '../src/index.js';
import { packageRoot, rankingPath } from '../src/paths.js';
import { fusedOrderModel, readRankingModel } from '../src/search/ranking-model.js';
import { isHit, locateGolds, retrievalSummary, type RetrievalRow } from './eval-metrics.js';
import { DEVELOPMENT_SETS, readQuestionSet, readSeedLines, type QuestionSet } from './question-sets.js';
import { scriptArgs } from './script-args.js';

const root = packageRoot();
type Figures = Record<string, number>;

const args = scriptArgs('eval', { options: { ablation: { type: 'boolean', default: false } }, allowPositionals: true });
const ablation = args.values.ablation;
const files = args.positionals.map((arg) => resolve(arg));
const sets = (files.length ? files : DEVELOPMENT_SETS).map(readQuestionSet);
const seedsDir = join(root, 'seeds');
const seeds = readSeedLines(seedsDir);
const indexDir = mkdtempSync(join(tmpdir(), 'diplomate-eval-'));
// A run's index is its own: each run would otherwise leave one behind in the temporary folder.
process.on('exit', () => rmSync(indexDir, { recursive: true, force: true }));
const modelDir = process.env.DIPLOMATE_MODEL_DIR || undefined;

/** Ranks of the first gold hit per answerable question, with the search run written for score.py. */
async function evaluateSearch(core: Core, set: QuestionSet, label: string): Promise<Figures> {
  const rows: RetrievalRow[] = [];
  const lines: string[] = [];
  let chars = 0;
  let counted = 0;
  for (const q of set.questions) {
    const json = searchToJson(q.question, await core.search(q.question, { limit: 10 }));
    lines.push(JSON.stringify(json));
    const golds = locateGolds(q, seeds);
    if (golds.length === 0) continue;
    const index = json.results.findIndex((result) => isHit(result, golds));
    rows.push({ id: q.id, lang: q.lang, kind: q.kind, rank: index >= 0 ? index + 1 : null });
    json.results.slice(0, 5).forEach((result) => { chars += result.text.length; counted += 1; });
  }
  writeRun(set, `search-${label}.jsonl`, lines);
  writeRun(set, `ranks-${label}.json`, [JSON.stringify(rows)]);
  const table: Record<string, ReturnType<typeof retrievalSummary>> = { all: retrievalSummary(rows) };
  for (const lang of new Set(rows.map((row) => row.lang))) table[`lang=${lang}`] = retrievalSummary(rows.filter((row) => row.lang === lang));
  for (const kind of new Set(rows.map((row) => row.kind))) table[`kind=${kind}`] = retrievalSummary(rows.filter((row) => row.kind === kind));
  console.log(`\n## ${set.name}: search (${label})`);
  console.table(Object.fromEntries(Object.entries(table).map(([k, v]) => [k, roundAll(v)])));
  console.log(`mean characters per result (top 5): ${Math.round(chars / Math.max(counted, 1))}`);
  console.log(`missed at 5: ${rows.filter((row) => row.rank === null || row.rank > 5).map((row) => row.id).join(', ') || 'none'}`);
  const at = (key: string, metric: 'r@1' | 'r@5'): number => table[key]?.[metric] ?? Number.NaN;
  const at5 = (key: string): number => at(key, 'r@5');
  return { ...table['all'], 'en r@1': at('lang=en', 'r@1'), 'en r@5': at5('lang=en'), 'fr r@5': at5('lang=fr'), 'para r@5': at5('kind=paraphrase'), 'kw r@5': at5('kind=keyword') };
}

/** Answer figures: gold cited, wrong abstentions, abstention on unanswerable questions, verbatim quotes. */
async function evaluateAsk(core: Core, set: QuestionSet): Promise<Figures> {
  const lines: string[] = [];
  let answerable = 0, cited = 0, wrongAbstain = 0, mention = 0, unanswerable = 0, rightAbstain = 0, checked = 0, verbatim = 0;
  // Citing gold counts once per answer however many quotes stand beside it; this counts the quotes themselves.
  let answeredCitations = 0, goldCitations = 0;
  const uncited: string[] = [];
  const refusals = new Map<string, { right: number; wrong: string[] }>();
  for (const q of set.questions) {
    const json = answerToJson(await core.ask(q.question));
    lines.push(JSON.stringify(json));
    const refusal = json.reason ? refusals.get(json.reason.code) ?? { right: 0, wrong: [] } : null;
    if (json.reason && refusal) refusals.set(json.reason.code, refusal);
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
      if (refusal) refusal.right += 1;
      continue;
    }
    answerable += 1;
    if (json.abstained) wrongAbstain += 1;
    refusal?.wrong.push(q.id);
    const hits = json.citations.filter((c) => isHit({ doc: c.doc, lines: c.lines, text: c.quote }, golds)).length;
    answeredCitations += json.citations.length;
    goldCitations += hits;
    if (hits > 0) cited += 1; else uncited.push(q.id);
    const terms = q.must_mention ?? [];
    const answer = json.answer.toLowerCase();
    mention += terms.length ? terms.filter((t) => answer.includes(t.toLowerCase())).length / terms.length : 1;
  }
  writeRun(set, 'ask.jsonl', lines);
  const figures = {
    answerable, cited_gold: cited / Math.max(answerable, 1), wrongly_abstained: wrongAbstain / Math.max(answerable, 1),
    must_mention: mention / Math.max(answerable, 1), unanswerable, abstained_on_unanswerable: rightAbstain / Math.max(unanswerable, 1),
    citations_checked: checked, verbatim: checked ? verbatim / checked : 1,
    gold_citation_share: goldCitations / Math.max(answeredCitations, 1),
  };
  console.log(`\n## ${set.name}: ask`);
  console.table(roundAll(figures));
  console.log(`answerable questions without a gold citation: ${uncited.join(', ') || 'none'}`);
  console.log('refusals by reason (right: on unanswerable questions; wrong: on answerable ones):');
  for (const [code, { right, wrong }] of [...refusals].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`  ${code}: ${right} right, ${wrong.length} wrong${wrong.length ? ` (${wrong.join(', ')})` : ''}`);
  }
  return figures;
}

function roundAll(values: Figures): Figures {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number.isInteger(v) ? v : Number(v.toFixed(3))]));
}

function writeRun(set: QuestionSet, name: string, lines: string[]): void {
  const dir = join(root, 'test-output', 'eval', set.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
}

const SUMMARY_KEYS = ['n', 'r@1', 'r@5', 'r@10', 'mrr@10', 'en r@1', 'en r@5', 'fr r@5', 'para r@5', 'kw r@5', 'cited_gold', 'wrongly_abstained', 'abstained_on_unanswerable'];

console.log(`eval: ${sets.map((set) => `${set.name} (${set.questions.length})`).join(', ')}; ${modelDir ? `model ${modelDir}` : 'model-free'}`);
const core = await loadCore({ indexDir, seedsDir, modelDir });
const summary: Record<string, Figures> = {};
for (const set of sets) {
  const figures = { ...(await evaluateSearch(core, set, 'hybrid')), ...(await evaluateAsk(core, set)) };
  summary[set.name] = roundAll(Object.fromEntries(SUMMARY_KEYS.map((key) => [key, figures[key] ?? Number.NaN])));
}
if (ablation) {
  const variants: [string, Parameters<typeof loadCore>[0]][] = [
    ['fused-order', { ranking: fusedOrderModel(readRankingModel(rankingPath()).candidates) }],
    ['lexical-only', { mode: 'lexical' }],
    ['vectors-only', { mode: 'vector' }],
    ['hybrid-without-lexicon', { noLexicon: true }],
  ];
  for (const [label, options] of variants) {
    const variant = await loadCore({ indexDir, seedsDir, modelDir, ...options });
    for (const set of sets) {
      const figures = await evaluateSearch(variant, set, label);
      summary[`${set.name} ${label}`] = roundAll(Object.fromEntries(SUMMARY_KEYS.slice(0, 9).map((key) => [key, figures[key] ?? Number.NaN])));
    }
  }
}
console.log('\n## summary (retrieval over answerable questions; answers over all)');
console.table(summary);
