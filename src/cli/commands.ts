import { AppError } from '../errors.js';
import { answerToJson, searchToJson } from '../answer/to-json.js';
import type { Core } from '../core/core.js';
import { loadCore, type CoreOptions } from '../core/load-core.js';
import { loadLlmConfig } from '../llm/llm-config.js';
import type { LlmLogEntry } from '../llm/llm-core.js';
import { explanationToJson, formatExplanation } from './format-explanation.js';
import { formatAnswer, formatHits } from './format-text.js';
import { readQuestions } from './read-questions.js';
import { progressBar } from './progress.js';

export interface CommonFlags {
  json?: boolean;
  batch?: string;
  indexDir?: string;
  seedsDir?: string;
  modelDir?: string;
}

export function coreOptions(flags: CommonFlags) {
  const env = process.env;
  const blankIsMissing = (value: string | undefined) => (value ? value : undefined);
  return {
    indexDir: flags.indexDir ?? blankIsMissing(env.DIPLOMATE_INDEX_DIR),
    seedsDir: flags.seedsDir ?? blankIsMissing(env.DIPLOMATE_SEEDS_DIR),
    modelDir: flags.modelDir ?? blankIsMissing(env.DIPLOMATE_MODEL_DIR),
    onNotice: (message: string) => process.stderr.write(`diplomate: ${message}\n`),
    onProgress: progressBar(),
  };
}

async function questionsFrom(words: string[], flags: CommonFlags): Promise<string[]> {
  if (flags.batch) return readQuestions(flags.batch);
  const question = words.join(' ');
  if (!question.trim()) throw new AppError('BAD_INPUT', 'The question is empty. Usage: diplomate ask "your question"');
  return [question];
}

/** Runs each question; in batch mode a bad line yields an error object on its line, never a lost line. */
async function eachQuestion(
  words: string[],
  flags: CommonFlags,
  extra: Pick<CoreOptions, 'llm' | 'onLlmLog'>,
  run: (core: Core, question: string) => Promise<string>,
): Promise<void> {
  const questions = await questionsFrom(words, flags);
  const core = await loadCore({ ...coreOptions(flags), ...extra });
  for (const question of questions) {
    try {
      process.stdout.write((await run(core, question)) + '\n');
    } catch (error: unknown) {
      if (!flags.batch || !(error instanceof AppError)) throw error;
      process.stdout.write(JSON.stringify({ query: question, error: { code: error.code, message: error.message } }) + '\n');
    }
  }
}

export async function runAsk(words: string[], flags: CommonFlags & { llm?: boolean }): Promise<void> {
  const json = Boolean(flags.json || flags.batch);
  const llm = flags.llm === false ? null : loadLlmConfig(process.env);
  await eachQuestion(words, flags, { llm, onLlmLog: reportFallback }, async (core, question) => {
    const answer = await core.ask(question);
    return json ? JSON.stringify(answerToJson(answer)) : formatAnswer(answer);
  });
}

export async function runSearch(words: string[], flags: CommonFlags & { limit?: string }): Promise<void> {
  const limit = Number(flags.limit ?? '5');
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new AppError('BAD_INPUT', '--limit must be a whole number from 1 to 50.');
  }
  const json = Boolean(flags.json || flags.batch);
  await eachQuestion(words, flags, {}, async (core, question) => {
    const hits = await core.search(question, { limit });
    return json ? JSON.stringify(searchToJson(question, hits)) : formatHits(question, hits);
  });
}

export async function runExplain(words: string[], flags: CommonFlags): Promise<void> {
  const json = Boolean(flags.json || flags.batch);
  await eachQuestion(words, flags, {}, async (core, question) => {
    const explanation = await core.explain(question);
    return json ? JSON.stringify(explanationToJson(question, explanation)) : formatExplanation(explanation);
  });
}

export async function runIndex(flags: CommonFlags & { force?: boolean }): Promise<void> {
  const started = Date.now();
  const core = await loadCore({ ...coreOptions(flags), forceBuild: Boolean(flags.force) });
  const { passages, embedder, indexDir, builtAt } = core.info;
  process.stderr.write(
    `diplomate: index ready in ${indexDir} (${passages} passages, embedder ${embedder}, built ${builtAt}; ${Date.now() - started} ms)\n`,
  );
}

/** One stderr line when an LLM answer was not used (stdout stays the answer alone). */
function reportFallback(entry: LlmLogEntry): void {
  if (!entry.fallback || entry.fallback === 'not-covered') return;
  const status = entry.status ? ` ${entry.status}` : '';
  const dropped = entry.dropped?.length ? `; dropped: ${entry.dropped.join(', ')}` : '';
  process.stderr.write(`diplomate: LLM answer not used (${entry.fallback}${status}${dropped}); answering extractively.\n`);
}
