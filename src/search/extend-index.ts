import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestCorpus } from '../ingest/ingest-corpus.js';
import type { Corpus } from '../ingest/read-corpus.js';
import type { Passage } from '../types.js';
import type { BuildProgress } from './build-index.js';
import { embedWithModel, lsaText, passageStore, repeatsOf, writeManifest, type Duplicates } from './build-parts.js';
import type { EmbedderChoice } from './embedders/select-embedder.js';
import { FILES, writeAndPublish } from './index-files.js';
import type { Manifest, ManifestKey } from './manifest.js';
import { countNameUses } from './proper-names.js';
import { openPublishedBuild, publishedSeedHashes, type LoadedIndex } from './open-index.js';

/**
 * Adds the documents new since the published build to a copy of it, instead of rebuilding everything: their passages
 * are analysed for BM25, folded into the existing vector space (LSA projection or model) and inserted into hnswlib,
 * so the cost grows with the added documents, not with the index. The copy is published like a full build.
 *
 * Returns null, leaving the work to a full build, when the published build cannot be extended: none, another
 * embedder or settings, a document removed or changed (`shrink-index.ts` handles removals alone), or a build made
 * before duplicate keys were kept.
 */
export async function extendIndex(
  corpus: Corpus,
  indexDir: string,
  choice: EmbedderChoice,
  key: ManifestKey,
  onProgress: BuildProgress,
): Promise<Manifest | null> {
  // The manifest alone tells whether documents were only added; the build is read only then.
  const built = await publishedSeedHashes(indexDir);
  if (!built) return null;
  const wanted = new Map(corpus.seeds.map((seed) => [seed.doc, seed.sha256]));
  if ([...built].some(([doc, sha]) => wanted.get(doc) !== sha)) return null;
  const base = await openPublishedBuild(indexDir, key);
  if (!base?.duplicateKeys || (choice.kind === 'lsa' && !base.lsa) || base.manifest.seeds.length !== built.size) return null;
  onProgress('paragraphs (added)', 0, 1);
  const seen = new Map(base.duplicateKeys);
  const { paragraphs, passages } = await ingestCorpus({ seeds: corpus.seeds.filter((seed) => !built.has(seed.doc)) }, seen);
  const repeats = base.repeats && [...base.repeats, ...repeatsOf(paragraphs)];
  const added = { passages, duplicateKeys: [...seen], repeats };
  const write = (dir: string) => writeExtended(base, corpus, added, dir, choice, key, onProgress);
  const manifest = await writeAndPublish(indexDir, write);
  onProgress('done', 1, 1);
  return manifest;
}

async function writeExtended(
  base: LoadedIndex,
  corpus: Corpus,
  added: { passages: Passage[] } & Duplicates,
  dir: string,
  choice: EmbedderChoice,
  key: ManifestKey,
  onProgress: BuildProgress,
): Promise<Manifest> {
  const first = base.passages.length;
  onProgress('lexical (BM25, added)', 0, 1);
  base.lexical.add(added.passages, first);
  onProgress('vectors (added)', 0, 1);
  const vectors =
    choice.kind === 'model' ? await embedWithModel(choice.embedder, added.passages, onProgress) : await embedFolded(base, added.passages);
  base.vectors.add(vectors, first);
  onProgress('writing', 0, 1);
  base.vectors.write(join(dir, FILES.vectors));
  if (base.lsa) {
    await copyFile(join(base.dir, FILES.lsa), join(dir, FILES.lsa));
    await copyFile(join(base.dir, FILES.lsaProjection), join(dir, FILES.lsaProjection));
  }
  await writeFile(join(dir, FILES.lexical), base.lexical.toJSON(), 'utf8');
  const passages = [...base.passages, ...added.passages];
  const nameCounts = base.nameCounts && countNameUses(added.passages.map((passage) => passage.text), base.nameCounts);
  await writeFile(join(dir, FILES.passages), JSON.stringify(passageStore(corpus.documents, passages, added, nameCounts)), 'utf8');
  return writeManifest(dir, key, base.manifest.embedder.dimension, passages.length);
}

/** LSA fold-in: an added passage is projected into the fitted space; the space itself is not refitted. */
async function embedFolded(base: LoadedIndex, passages: readonly Passage[]): Promise<number[][]> {
  if (!base.lsa) throw new Error('an LSA build without its LSA space');
  return base.lsa.embedDocuments(passages.map(lsaText));
}
