import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { DocumentMeta, Passage } from '../types.js';
import { LsaEmbedder } from './embedders/lsa-embedder.js';
import { FILES, currentBuild, digest } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import type { NameCounts } from './proper-names.js';
import { MANIFEST_FORMAT, manifestSchema, staleReasons, type Manifest, type ManifestKey } from './manifest.js';
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
  /** Duplicate keys of the indexed paragraphs (absent in builds made before documents could be added). */
  duplicateKeys?: [string, string][];
  /** Paragraphs left out as repeats, with the paragraph each repeats (absent in builds made before removal was incremental). */
  repeats?: [string, string][];
  /** What `properNames` is derived from (see `proper-names.ts`; absent in builds made before it was kept). */
  nameCounts?: NameCounts;
}

const lsaSchema = z.object({ vocabulary: z.array(z.string()), idf: z.array(z.number()), dimension: z.number() });

/** Opens the published index; throws INDEX_MISSING, INDEX_STALE (with reasons) or INDEX_CORRUPT. */
export async function openIndex(indexDir: string, expected: ManifestKey): Promise<LoadedIndex> {
  const current = await currentBuild(indexDir);
  if (current.kind === 'none') throw new AppError('INDEX_MISSING', `No index in ${indexDir}. Run \`diplomate index\`.`);
  if (current.kind === 'invalid') throw new AppError('INDEX_CORRUPT', `The index is refused: ${current.reason}.`);
  try {
    return await openBuild(current.dir, expected);
  } catch (error: unknown) {
    // A build published while this one was read may have removed it: the new one is the index now.
    const now = await currentBuild(indexDir);
    if (now.kind === 'build' && now.id !== current.id) return openBuild(now.dir, expected);
    throw error;
  }
}

/**
 * The published build whatever documents it was built from, when its embedder and settings are the expected ones and
 * every file is sound: the base an incremental update extends or shrinks (its BM25 postings are not laid out for
 * queries, which it never serves). Null when there is none fit for that.
 */
export async function openPublishedBuild(indexDir: string, expected: ManifestKey): Promise<LoadedIndex | null> {
  const current = await currentBuild(indexDir);
  if (current.kind !== 'build') return null;
  try {
    const manifest = await readManifest(current.dir);
    return await openBuild(current.dir, { ...expected, seeds: manifest.seeds, metadataSha: manifest.metadataSha }, { forQueries: false });
  } catch {
    return null;
  }
}

/** The seeds the published build was made from (null when there is no readable build), read from its manifest alone. */
export async function publishedSeedHashes(indexDir: string): Promise<Map<string, string> | null> {
  const current = await currentBuild(indexDir);
  if (current.kind !== 'build') return null;
  return readManifest(current.dir).then((manifest) => new Map(manifest.seeds.map((seed) => [seed.doc, seed.sha256])), () => null);
}

async function openBuild(dir: string, expected: ManifestKey, use = { forQueries: true }): Promise<LoadedIndex> {
  const manifest = await readManifest(dir);
  const reasons = staleReasons(manifest, expected);
  if (reasons.length > 0) throw new AppError('INDEX_STALE', `The index is out of date: ${reasons.join('; ')}.`);
  const files = new VerifiedFiles(dir, manifest);
  try {
    return await readParts(files, manifest, use);
  } catch (error: unknown) {
    if (error instanceof AppError) throw error;
    throw new AppError('INDEX_CORRUPT', `The index in ${dir} cannot be read.`, { cause: error });
  }
}

async function readManifest(dir: string): Promise<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, FILES.manifest), 'utf8'));
  } catch (error: unknown) {
    throw new AppError('INDEX_CORRUPT', `The index manifest in ${dir} is missing or damaged.`, { cause: error });
  }
  const format = z.object({ format: z.number() }).safeParse(raw);
  if (format.success && format.data.format !== MANIFEST_FORMAT) {
    throw new AppError('INDEX_STALE', 'The index is out of date: it was built by another version of diplomate.');
  }
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) throw new AppError('INDEX_CORRUPT', `The index manifest in ${dir} is missing or damaged.`);
  return manifest.data;
}

/** Reads a build's files, each only after its size and SHA-256 match the manifest: damaged bytes are never parsed. */
class VerifiedFiles {
  constructor(
    readonly dir: string,
    private readonly manifest: Manifest,
  ) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  async read(name: string): Promise<Buffer> {
    const recorded = this.manifest.files[name];
    if (!recorded) throw this.damaged(name, 'it is not recorded in the manifest');
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path(name));
    } catch (error: unknown) {
      throw this.damaged(name, 'it cannot be read', error);
    }
    const actual = digest(bytes);
    if (actual.bytes !== recorded.bytes || actual.sha256 !== recorded.sha256) {
      throw this.damaged(name, 'its content differs from the one recorded at build time');
    }
    return bytes;
  }

  private damaged(name: string, why: string, cause?: unknown): AppError {
    return new AppError('INDEX_CORRUPT', `The index file ${this.path(name)} is damaged: ${why}.`, { cause });
  }
}

async function readParts(files: VerifiedFiles, manifest: Manifest, use: { forQueries: boolean }): Promise<LoadedIndex> {
  const store = JSON.parse((await files.read(FILES.passages)).toString('utf8')) as {
    documents: DocumentMeta[];
    passages: Passage[];
    properNames: string[];
    duplicateKeys?: [string, string][];
    repeats?: [string, string][];
    nameCounts?: NameCounts;
  };
  if (!Array.isArray(store.passages) || store.passages.length !== manifest.passages) {
    throw new Error('passage count differs from the manifest');
  }
  if (!Array.isArray(store.properNames)) throw new Error('the passage store lacks its proper names');
  const lexical = LexicalIndex.fromJSON((await files.read(FILES.lexical)).toString('utf8'), use);
  // hnswlib reads from a path and trusts its bytes (damage can crash the process), so they are checked first.
  await files.read(FILES.vectors);
  const vectors = VectorIndex.read(files.path(FILES.vectors), manifest.embedder.dimension);
  if (vectors.size !== manifest.passages) throw new Error('vector count differs from the manifest');
  const lsa = manifest.embedder.id.startsWith('lsa-') ? await readLsa(files) : null;
  const { documents, passages } = store;
  const { duplicateKeys, repeats, nameCounts } = store;
  const properNames = new Set(store.properNames);
  return { manifest, dir: files.dir, documents, passages, properNames, lexical, vectors, lsa, duplicateKeys, repeats, nameCounts };
}

async function readLsa(files: VerifiedFiles): Promise<LsaEmbedder> {
  const meta = lsaSchema.parse(JSON.parse((await files.read(FILES.lsa)).toString('utf8')));
  const bytes = await files.read(FILES.lsaProjection);
  const projection = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (projection.length !== meta.vocabulary.length * meta.dimension) throw new Error('LSA projection has the wrong size');
  return new LsaEmbedder({ ...meta, projection });
}
