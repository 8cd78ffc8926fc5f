import { AppError, isAppError } from '../errors.js';
import { withPages } from '../documents/with-pages.js';
import { readCorpus, type Corpus } from '../ingest/read-corpus.js';
import { answerabilityPath, defaultIndexDir, defaultSeedsDir, lexiconPath, rankingPath } from '../paths.js';
import type { BuildProgress } from '../search/build-index.js';
import { chooseEmbedder, type EmbedderChoice } from '../search/embedders/select-embedder.js';
import { emptyLexicon, loadLexicon, type Lexicon } from '../search/lexicon.js';
import type { ManifestKey } from '../search/manifest.js';
import { withBuildLock } from '../search/build-lock.js';
import { openIndex, type LoadedIndex } from '../search/open-index.js';
import { writeFailure } from '../search/write-failure.js';
import { Retriever, type RetrievalMode } from '../search/retriever.js';
import { indexSettings } from '../search/settings.js';
import { readRankingModel, type RankingModel } from '../search/ranking-model.js';
import { readAnswerabilityModel, type AnswerabilityModel } from './answerability-model.js';
import type { Core } from './core.js';
import { createCore } from './create-core.js';
import type { LlmConfig } from '../llm/llm-config.js';
import type { LlmLogEntry } from '../llm/llm-core.js';

export interface CoreOptions {
  seedsDir?: string;
  indexDir?: string;
  /** Folder of a local transformers.js model (e.g. multilingual-e5-small); absent means model-free. */
  modelDir?: string;
  /** Build the index when missing, stale or damaged (default true); false makes those errors. */
  autoBuild?: boolean;
  /** Rebuild even when the index is up to date. */
  forceBuild?: boolean;
  onProgress?: BuildProgress;
  /** One-line notices for the operator (model missing, index rebuilt). */
  onNotice?: (message: string) => void;
  /** Ablation only: use one retriever alone. */
  mode?: RetrievalMode;
  /** Disable the bilingual lexicon (ablation). */
  noLexicon?: boolean;
  /** Another ranking model than the committed one (fitting and its cross-validation only). */
  ranking?: RankingModel;
  /** Another answerability model than the committed one (fitting and its cross-validation only). */
  answerability?: AnswerabilityModel;
  /** An OpenAI-compatible chat API (see `loadLlmConfig`): answers become verified LLM prose, extractive on failure. */
  llm?: LlmConfig | null;
  /** One entry per LLM-backed question (mode, fallback reason); never holds the API key. */
  onLlmLog?: (entry: LlmLogEntry) => void;
  /** Another seed for the LSA fit (`LSA_SEED`): quality scripts only, to measure the spread between seeds. */
  lsaSeed?: number;
}

const REBUILDABLE = new Set(['INDEX_MISSING', 'INDEX_STALE', 'INDEX_CORRUPT']);

/** Loads (building when needed) the index and returns the retrieval core. */
export async function loadCore(options: CoreOptions = {}): Promise<Core> {
  const seedsDir = options.seedsDir ?? defaultSeedsDir();
  const indexDir = options.indexDir ?? defaultIndexDir();
  const notice = options.onNotice ?? (() => {});
  const corpus = await readCorpus(seedsDir);
  const choice = await chooseEmbedder(options.modelDir);
  if (choice.kind === 'lsa' && choice.why) notice(`No embedding model loaded (${choice.why}); running model-free.`);
  const key = manifestKey(corpus, choice, options.lsaSeed);
  const index = await ensureIndex(corpus, indexDir, choice, key, options, notice);
  const model = choice.kind === 'model' ? choice.embedder : null;
  const lexicon = options.noLexicon ? emptyLexicon : readLexicon();
  const seedLines = new Map(corpus.seeds.map((seed) => [seed.doc, seed.content.split('\n')]));
  const core = createCore({
    retriever: new Retriever(index, model, options.ranking ?? readRankingModel(rankingPath()), options.mode),
    lexicon,
    answerability: options.answerability ?? readAnswerabilityModel(answerabilityPath()),
    documents: index.documents,
    seedLines,
    info: {
      passages: index.passages.length,
      embedder: index.manifest.embedder.id,
      modelFree: model === null,
      indexDir,
      builtAt: index.manifest.builtAt,
    },
  });
  if (!options.llm) return withPages(core, index.documents);
  // Loaded only when configured: the chat client's modules would add about a second to every cold start.
  const { withLlm } = await import('../llm/llm-core.js');
  return withPages(withLlm(core, { config: options.llm, seedLines, lexicon, onLog: options.onLlmLog }), index.documents);
}

function manifestKey(corpus: Corpus, choice: EmbedderChoice, lsaSeed?: number): ManifestKey {
  return {
    seeds: corpus.seeds.map(({ doc, sha256 }) => ({ doc, sha256 })),
    metadataSha: corpus.metadataSha,
    settings: indexSettings(lsaSeed),
    embedderId: choice.kind === 'model' ? choice.embedder.id : choice.id,
  };
}

async function ensureIndex(
  corpus: Corpus,
  indexDir: string,
  choice: EmbedderChoice,
  key: ManifestKey,
  options: CoreOptions,
  notice: (message: string) => void,
): Promise<LoadedIndex> {
  if (!options.forceBuild) {
    try {
      return await openIndex(indexDir, key);
    } catch (error: unknown) {
      if (!isAppError(error) || !REBUILDABLE.has(error.code) || options.autoBuild === false) throw error;
      notice(`${error.message} Building the index…`);
    }
  }
  // Loaded only to build: the splitter it pulls in costs a cold start that reuses a built index about a second.
  const { buildIndex } = await import('../search/build-index.js');
  return withBuildLock(indexDir, async () => {
    if (!options.forceBuild) {
      // Another process may have built it while this one waited for the lock.
      const built = await openIndex(indexDir, key).catch(() => null);
      if (built) return built;
    }
    await buildIndex(corpus, indexDir, choice, key, options.onProgress, { full: options.forceBuild });
    return openIndex(indexDir, key);
  }, { onWait: notice }).catch((error: unknown) => {
    throw writeFailure(error, indexDir) ?? error;
  });
}

function readLexicon(): Lexicon {
  try {
    return loadLexicon(lexiconPath());
  } catch (error: unknown) {
    throw new AppError('INTERNAL', 'The bilingual lexicon is damaged.', { cause: error });
  }
}
