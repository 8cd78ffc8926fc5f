import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { DocumentMeta, Passage } from '../types.js';
import { LsaEmbedder } from './embedders/lsa-embedder.js';
import { FILES, currentBuildDir } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import { manifestSchema, staleReasons, type Manifest, type ManifestKey } from './manifest.js';
import { VectorIndex } from './vector-index.js';

/** Everything a search needs, loaded into memory. */
export interface LoadedIndex {
  manifest: Manifest;
  dir: string;
  documents: DocumentMeta[];
  passages: Passage[];
  /** Terms the corpus writes as names (see `proper-names.ts`). */
  properNames: Set<string>;
  lexical: LexicalIndex;
  vectors: VectorIndex;
  /** Present when the index was built with the corpus-derived embedder. */
  lsa: LsaEmbedder | null;
}

const lsaSchema = z.object({ vocabulary: z.array(z.string()), idf: z.array(z.number()), dimension: z.number() });

/** Opens the published index; throws INDEX_MISSING, INDEX_STALE (with reasons) or INDEX_CORRUPT. */
export async function openIndex(indexDir: string, expected: ManifestKey): Promise<LoadedIndex> {
  const dir = await currentBuildDir(indexDir);
  if (!dir) throw new AppError('INDEX_MISSING', `No index in ${indexDir}. Run \`diplomate index\`.`);
  const manifest = await readManifest(dir);
  const reasons = staleReasons(manifest, expected);
  if (reasons.length > 0) throw new AppError('INDEX_STALE', `The index is out of date: ${reasons.join('; ')}.`);
  try {
    return await readParts(dir, manifest);
  } catch (error: unknown) {
    throw new AppError('INDEX_CORRUPT', `The index in ${dir} cannot be read.`, { cause: error });
  }
}

async function readManifest(dir: string): Promise<Manifest> {
  try {
    return manifestSchema.parse(JSON.parse(await readFile(join(dir, FILES.manifest), 'utf8')));
  } catch (error: unknown) {
    throw new AppError('INDEX_CORRUPT', `The index manifest in ${dir} is missing or damaged.`, { cause: error });
  }
}

async function readParts(dir: string, manifest: Manifest): Promise<LoadedIndex> {
  const store = JSON.parse(await readFile(join(dir, FILES.passages), 'utf8')) as {
    documents: DocumentMeta[];
    passages: Passage[];
    properNames: string[];
  };
  if (!Array.isArray(store.passages) || store.passages.length !== manifest.passages) {
    throw new Error('passage count differs from the manifest');
  }
  if (!Array.isArray(store.properNames)) throw new Error('the passage store lacks its proper names');
  const lexical = LexicalIndex.fromJSON(await readFile(join(dir, FILES.lexical), 'utf8'));
  const vectors = VectorIndex.read(join(dir, FILES.vectors), manifest.embedder.dimension);
  if (vectors.size !== manifest.passages) throw new Error('vector count differs from the manifest');
  const lsa = manifest.embedder.id.startsWith('lsa-') ? await readLsa(dir) : null;
  return { manifest, dir, documents: store.documents, passages: store.passages, properNames: new Set(store.properNames), lexical, vectors, lsa };
}

async function readLsa(dir: string): Promise<LsaEmbedder> {
  const meta = lsaSchema.parse(JSON.parse(await readFile(join(dir, FILES.lsa), 'utf8')));
  const bytes = await readFile(join(dir, FILES.lsaProjection));
  const projection = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (projection.length !== meta.vocabulary.length * meta.dimension) throw new Error('LSA projection has the wrong size');
  return new LsaEmbedder({ ...meta, projection });
}
