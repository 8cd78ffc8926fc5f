import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from '../ingest/read-corpus.js';
import type { BuildProgress } from './build-index.js';
import { passageStore, writeManifest, type Duplicates } from './build-parts.js';
import type { EmbedderChoice } from './embedders/select-embedder.js';
import { FILES, writeAndPublish } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import type { Manifest, ManifestKey } from './manifest.js';
import { countNameUses } from './proper-names.js';
import { openPublishedBuild, publishedSeedHashes, type LoadedIndex } from './open-index.js';
import { VectorIndex } from './vector-index.js';

/** The document a paragraph id (`doc#first-last`) belongs to. */
const docOf = (paragraphId: string): string => paragraphId.slice(0, paragraphId.lastIndexOf('#'));

/**
 * Removes the documents gone since the published build from a copy of it, instead of rebuilding everything: the
 * other passages keep their text, their vectors (read back from hnswlib, never embedded again) and the LSA space
 * (never fitted again); BM25 and hnswlib are rebuilt over them, which costs no ingestion, no analysis of the seeds
 * and no embedding. The copy is published like a full build.
 *
 * Returns null, leaving the work to a full build, when the published build cannot be shrunk: none, another embedder
 * or settings, a document added or changed, a build made before repeats were recorded, or a remaining paragraph that
 * was left out as a repeat of a removed document's (only a full build indexes it now).
 */
export async function shrinkIndex(
  corpus: Corpus,
  indexDir: string,
  choice: EmbedderChoice,
  key: ManifestKey,
  onProgress: BuildProgress,
): Promise<Manifest | null> {
  const built = await publishedSeedHashes(indexDir);
  if (!built) return null;
  if (corpus.seeds.some((seed) => built.get(seed.doc) !== seed.sha256)) return null;
  const kept = new Set(corpus.seeds.map((seed) => seed.doc));
  const removed = new Set([...built.keys()].filter((doc) => !kept.has(doc)));
  if (removed.size === 0) return null;
  const base = await openPublishedBuild(indexDir, key);
  if (!base?.duplicateKeys || !base.repeats || (choice.kind === 'lsa' && !base.lsa)) return null;
  if (base.repeats.some(([repeat, first]) => removed.has(docOf(first)) && !removed.has(docOf(repeat)))) return null;
  const duplicates: Duplicates = {
    duplicateKeys: base.duplicateKeys.filter(([, first]) => !removed.has(docOf(first))),
    repeats: base.repeats.filter(([repeat]) => !removed.has(docOf(repeat))),
  };
  const manifest = await writeAndPublish(indexDir, (dir) => writeShrunk(base, corpus, { removed, duplicates }, dir, key, onProgress));
  onProgress('done', 1, 1);
  return manifest;
}

async function writeShrunk(
  base: LoadedIndex,
  corpus: Corpus,
  { removed, duplicates }: { removed: ReadonlySet<string>; duplicates: Duplicates },
  dir: string,
  key: ManifestKey,
  onProgress: BuildProgress,
): Promise<Manifest> {
  const kept = base.passages.flatMap((passage, ordinal) => (removed.has(passage.doc) ? [] : [{ passage, ordinal }]));
  const passages = kept.map(({ passage }) => passage);
  onProgress('lexical (BM25, without the removed)', 0, 1);
  const lexical = LexicalIndex.build(passages);
  onProgress('vectors (hnswlib, stored vectors)', 0, 1);
  const { dimension } = base.manifest.embedder;
  VectorIndex.build(kept.map(({ ordinal }) => base.vectors.vectorOf(ordinal)), dimension).write(join(dir, FILES.vectors));
  onProgress('writing', 0, 1);
  if (base.lsa) {
    await copyFile(join(base.dir, FILES.lsa), join(dir, FILES.lsa));
    await copyFile(join(base.dir, FILES.lsaProjection), join(dir, FILES.lsaProjection));
  }
  await writeFile(join(dir, FILES.lexical), lexical.toJSON(), 'utf8');
  const removedTexts = base.passages.filter((passage) => removed.has(passage.doc)).map((passage) => passage.text);
  const nameCounts = base.nameCounts && countNameUses(removedTexts, base.nameCounts, -1);
  await writeFile(join(dir, FILES.passages), JSON.stringify(passageStore(corpus.documents, passages, duplicates, nameCounts)), 'utf8');
  return writeManifest(dir, key, dimension, passages.length);
}
