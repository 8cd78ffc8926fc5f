import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCatalogue, textFileOf, type CatalogueEntry } from '../documents/catalogue.js';
import { AppError } from '../errors.js';
import type { DocumentMeta } from '../types.js';

/** One seed file as read from disk. */
export interface SeedFile {
  /** The document's name, cited as `doc`: the seed file, or the original an added document's text comes from. */
  doc: string;
  /** The stored text, whose lines citations count. */
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

/**
 * Reads every `*.txt` in the seeds folder (sorted by file name) and the catalogue (`metadata.json`) beside them. A text
 * an added document stored beside its original (`report.pdf.txt`) is read as that document (`report.pdf`).
 */
export async function readCorpus(seedsDir: string): Promise<Corpus> {
  const names = await listSeeds(seedsDir);
  const { catalogue, sha } = await readCatalogue(seedsDir);
  const byText = new Map(catalogue.documents.map((entry) => [textFileOf(entry), entry]));
  const seeds = await Promise.all(
    names.map(async (file) => {
      const bytes = await readFile(join(seedsDir, file));
      const doc = byText.get(file)?.doc ?? file;
      return { doc, content: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  const documents = names.map((file) => toMeta(byText.get(file), file));
  return { seeds, documents, metadataSha: sha };
}

function toMeta(entry: CatalogueEntry | undefined, file: string): DocumentMeta {
  if (!entry) return { doc: file, title: file, date: '', kind: 'document', language: 'fr' };
  const { doc, title, date, kind, language, pages } = entry;
  return pages ? { doc, title, date, kind, language, pages } : { doc, title, date, kind, language };
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
