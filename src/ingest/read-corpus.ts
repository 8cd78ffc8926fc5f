import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { DocumentMeta } from '../types.js';

/** One seed file as read from disk. */
export interface SeedFile {
  doc: string;
  content: string;
  /** sha256 of the bytes, for the index manifest. */
  sha256: string;
}

export interface Corpus {
  seeds: SeedFile[];
  documents: DocumentMeta[];
  /** sha256 of metadata.json ('none' when absent). */
  metadataSha: string;
}

const metadataSchema = z.object({
  documents: z.array(
    z.object({ doc: z.string(), title: z.string(), date: z.string(), kind: z.string(), language: z.string() }),
  ),
});

/** Reads every `*.txt` in the seeds folder (sorted by name) and the hand-written `metadata.json` beside them. */
export async function readCorpus(seedsDir: string): Promise<Corpus> {
  const names = await listSeeds(seedsDir);
  const seeds = await Promise.all(
    names.map(async (doc) => {
      const bytes = await readFile(join(seedsDir, doc));
      return { doc, content: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  const { documents, sha } = await readMetadata(seedsDir, names);
  return { seeds, documents, metadataSha: sha };
}

async function listSeeds(seedsDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(seedsDir);
  } catch (error: unknown) {
    throw new AppError('SEEDS_MISSING', `No seeds folder at ${seedsDir}.`, { cause: error });
  }
  const names = entries.filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new AppError('SEEDS_MISSING', `No .txt documents in ${seedsDir}.`);
  return names;
}

async function readMetadata(seedsDir: string, names: string[]): Promise<{ documents: DocumentMeta[]; sha: string }> {
  let parsed: z.infer<typeof metadataSchema> = { documents: [] };
  let sha = 'none';
  try {
    const raw = await readFile(join(seedsDir, 'metadata.json'), 'utf8');
    sha = createHash('sha256').update(raw).digest('hex');
    parsed = metadataSchema.parse(JSON.parse(raw));
  } catch (error: unknown) {
    if (!isMissingFile(error)) throw new AppError('SEEDS_MISSING', 'seeds/metadata.json is not valid.', { cause: error });
  }
  const byDoc = new Map(parsed.documents.map((meta) => [meta.doc, meta]));
  const documents = names.map((doc) => byDoc.get(doc) ?? { doc, title: doc, date: '', kind: 'document', language: 'fr' });
  return { documents, sha };
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
