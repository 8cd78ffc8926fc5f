import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestCorpus } from '../ingest/ingest-corpus.js';
import type { Corpus } from '../ingest/read-corpus.js';
import type { Passage } from '../types.js';
import { embedWithModel, lsaText, passageStore, repeatsOf, writeManifest, type Duplicates } from './build-parts.js';
import { extendIndex } from './extend-index.js';
import { shrinkIndex } from './shrink-index.js';
import { fitLsa } from './embedders/lsa-embedder.js';
import type { EmbedderChoice } from './embedders/select-embedder.js';
import { FILES, writeAndPublish } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import type { Manifest, ManifestKey } from './manifest.js';
import { LSA_DIMENSION } from './settings.js';
import { VectorIndex } from './vector-index.js';

/** Called as the build goes: a step name and how far it is (`done` of `total`). */
export type BuildProgress = (step: string, done: number, total: number) => void;

/**
 * Builds lexical and vector indexes from the corpus and publishes them atomically under `indexDir`. When documents
 * were only added since the published build, that build is extended instead (`extend-index.ts`); when they were only
 * removed, it is shrunk (`shrink-index.ts`); unless `full`.
 * Call with the build lock held (`withBuildLock`). A build that fails is removed, leaving CURRENT as it was; its caller
 * (`load-core.ts`) says what a refusal to write means (`writeFailure`).
 */
export async function buildIndex(
  corpus: Corpus,
  indexDir: string,
  choice: EmbedderChoice,
  key: ManifestKey,
  onProgress: BuildProgress = () => {},
  options: { full?: boolean } = {},
): Promise<Manifest> {
  if (!options.full) {
    const derived = (await shrinkIndex(corpus, indexDir, choice, key, onProgress)) ?? (await extendIndex(corpus, indexDir, choice, key, onProgress));
    if (derived) return derived;
  }
  onProgress('paragraphs', 0, 1);
  const seen = new Map<string, string>();
  const { paragraphs, passages } = await ingestCorpus(corpus, seen);
  onProgress('paragraphs', 1, 1);
  const built = { passages, duplicateKeys: [...seen], repeats: repeatsOf(paragraphs) };
  const manifest = await writeAndPublish(indexDir, (dir) => writeBuild(corpus, built, dir, choice, key, onProgress));
  onProgress('done', 1, 1);
  return manifest;
}

async function writeBuild(
  corpus: Corpus,
  { passages, ...duplicates }: { passages: readonly Passage[] } & Duplicates,
  dir: string,
  choice: EmbedderChoice,
  key: ManifestKey,
  onProgress: BuildProgress,
): Promise<Manifest> {
  onProgress('lexical (BM25)', 0, 1);
  const lexical = LexicalIndex.build(passages);
  const { vectors, dimension } = await embedPassages(passages, choice, dir, onProgress, key.settings.lsaSeed);
  onProgress('vectors (hnswlib)', 0, 1);
  VectorIndex.build(vectors, dimension).write(join(dir, FILES.vectors));
  onProgress('writing', 0, 1);
  await writeFile(join(dir, FILES.lexical), lexical.toJSON(), 'utf8');
  await writeFile(join(dir, FILES.passages), JSON.stringify(passageStore(corpus.documents, passages, duplicates)), 'utf8');
  return writeManifest(dir, key, dimension, passages.length);
}

async function embedPassages(
  passages: readonly Passage[],
  choice: EmbedderChoice,
  dir: string,
  onProgress: BuildProgress,
  lsaSeed: number,
): Promise<{ vectors: number[][]; dimension: number }> {
  const texts = passages.map(lsaText);
  if (choice.kind === 'lsa') {
    onProgress('vectors (LSA)', 0, 1);
    const lsa = fitLsa(texts, LSA_DIMENSION, lsaSeed);
    const { vocabulary, idf, dimension, projection } = lsa.embedder.model;
    await writeFile(join(dir, FILES.lsa), JSON.stringify({ vocabulary, idf, dimension }), 'utf8');
    await writeFile(join(dir, FILES.lsaProjection), Buffer.from(projection.buffer, projection.byteOffset, projection.byteLength));
    onProgress('vectors (LSA)', 1, 1);
    return { vectors: lsa.vectors, dimension };
  }
  return { vectors: await embedWithModel(choice.embedder, passages, onProgress), dimension: choice.embedder.dimension };
}
