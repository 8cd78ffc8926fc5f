/**
 * `npm run fit [-- --dry-run]`: fits the answerability model (src/core/answerability-model.ts) on the labelled
 * development sets, reports its k-fold cross-validated answer figures per set, and writes the model fitted on all of
 * them to src/core/answerability.json. Cross-validation fits on k−1 folds and runs the real `ask` (quote selection and
 * verification included) on the held-out fold, so every figure it prints is on questions the fit did not see.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { answerToJson, loadCore, type Core } from '../src/index.js';
import { SUPPORT_FEATURES, type AnswerabilityModel } from '../src/core/answerability-model.js';
import { answerabilityPath, packageRoot } from '../src/paths.js';
import { askOutcome, isHit, locateGolds, type AskOutcome, type EvalQuestion } from './eval-metrics.js';
import { fitModel, type LabelledQuestion } from './fit/decision.js';
import { DEVELOPMENT_SETS, readQuestionSet, readSeedLines } from './question-sets.js';

const FOLDS = 5;
const root = packageRoot();
const seedsDir = join(root, 'seeds');
const indexDir = mkdtempSync(join(tmpdir(), 'diplomate-fit-'));
const seeds = readSeedLines(seedsDir);
const dryRun = process.argv.includes('--dry-run');

interface Question extends EvalQuestion {
  set: string;
  fold: number;
}

const questions: Question[] = DEVELOPMENT_SETS.map(readQuestionSet).flatMap((set) =>
  [...set.questions].sort((a, b) => hash(a.id) - hash(b.id)).map((q, i) => ({ ...q, set: set.name, fold: i % FOLDS })),
);

/** Folds by a hash of the id, within each set, so that each fold holds a share of every set. */
function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const probe: AnswerabilityModel = {
  weights: Object.fromEntries(SUPPORT_FEATURES.map((name) => [name, 0])) as AnswerabilityModel['weights'],
  bias: 0,
  cut: 0,
  candidates: 8,
};

async function label(core: Core, q: Question): Promise<LabelledQuestion> {
  const golds = locateGolds(q, seeds);
  const { candidates } = await core.explain(q.question);
  return {
    id: q.id,
    set: q.set,
    answerable: q.kind !== 'unanswerable' && golds.length > 0,
    candidates: candidates.map((c) => ({
      features: c.features,
      gold: isHit({ doc: c.passage.doc, lines: c.passage.lines, text: c.passage.text }, golds),
    })),
  };
}

async function outcomes(model: AnswerabilityModel, held: readonly Question[]): Promise<Map<string, AskOutcome>> {
  const core = await loadCore({ indexDir, seedsDir, answerability: model });
  const found = new Map<string, AskOutcome>();
  for (const q of held) found.set(q.id, askOutcome(q, answerToJson(await core.ask(q.question)), seeds));
  return found;
}

function figures(outcome: ReadonlyMap<string, AskOutcome>, among: readonly Question[]): Record<string, number> {
  const count = (kind: AskOutcome) => among.filter((q) => outcome.get(q.id) === kind).length;
  const answerable = count('cited-gold') + count('cited-other') + count('refused-wrongly');
  const unanswerable = count('refused-rightly') + count('answered-unanswerable');
  const share = (n: number, of: number) => Number((n / Math.max(of, 1)).toFixed(3));
  return {
    answerable,
    cited_gold: share(count('cited-gold'), answerable),
    wrongly_abstained: share(count('refused-wrongly'), answerable),
    unanswerable,
    abstained_on_unanswerable: share(count('refused-rightly'), unanswerable),
  };
}

function bySet(outcome: ReadonlyMap<string, AskOutcome>): Record<string, Record<string, number>> {
  const sets = [...new Set(questions.map((q) => q.set))];
  const table = Object.fromEntries(sets.map((set) => [set, figures(outcome, questions.filter((q) => q.set === set))]));
  return { ...table, all: figures(outcome, questions) };
}

const probeCore = await loadCore({ indexDir, seedsDir, answerability: probe });
const labelled = new Map<string, LabelledQuestion>();
for (const q of questions) labelled.set(q.id, await label(probeCore, q));
const labelledOf = (among: readonly Question[]) => among.flatMap((q) => labelled.get(q.id) ?? []);

const crossValidated = new Map<string, AskOutcome>();
for (let fold = 0; fold < FOLDS; fold += 1) {
  const model = fitModel(labelledOf(questions.filter((q) => q.fold !== fold)));
  const held = await outcomes(model, questions.filter((q) => q.fold === fold));
  held.forEach((outcome, id) => crossValidated.set(id, outcome));
  process.stderr.write(`fold ${fold + 1}/${FOLDS} fitted and answered\n`);
}
const model = fitModel(labelledOf(questions));
const cv = bySet(crossValidated);
console.log(`\n## answers, ${FOLDS}-fold cross-validated (each question answered by a model fitted without it)`);
console.table(cv);
console.log('\n## the model fitted on all sets');
console.table({ ...model.weights, bias: model.bias, cut: model.cut, candidates: model.candidates });
console.log('\n## its answers on those same sets (in-sample, for comparison only)');
console.table(bySet(await outcomes(model, questions)));
if (!dryRun) {
  const file = {
    about: 'Written by scripts/fit-answerability.ts (npm run fit); see src/core/answerability-model.ts. Do not edit by hand.',
    fittedOn: DEVELOPMENT_SETS.map((path) => relative(root, path)),
    folds: FOLDS,
    crossValidated: cv,
    ...model,
    weights: Object.fromEntries(SUPPORT_FEATURES.map((name) => [name, Number(model.weights[name].toFixed(4))])),
    bias: Number(model.bias.toFixed(4)),
    cut: Number(model.cut.toFixed(4)),
  };
  writeFileSync(answerabilityPath(), `${JSON.stringify(file, null, 2)}\n`);
  console.log(`\nwritten: ${relative(root, answerabilityPath())}`);
}
