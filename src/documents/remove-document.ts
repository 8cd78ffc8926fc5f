import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { readCorpus } from '../ingest/read-corpus.js';
import { readCatalogue, textFileOf, writeCatalogue, type CatalogueEntry } from './catalogue.js';

/**
 * Removes one document (added or seed) by its name: the catalogue first (atomically), then its text and original, so
 * an interruption leaves at worst an unlisted file, never a listed document without its text.
 */
export async function removeDocument(name: string, seedsDir: string): Promise<{ doc: string; title: string }> {
  const corpus = await readCorpus(seedsDir);
  const meta = corpus.documents.find((document) => document.doc === name);
  if (!meta) {
    const known = corpus.documents.map((document) => document.doc).join(', ');
    throw new AppError('BAD_INPUT', `No document named ${name} (see diplomate list): ${known}.`);
  }
  if (corpus.documents.length === 1) throw new AppError('BAD_INPUT', `${name} is the only document left; add another before removing it.`);
  const { catalogue } = await readCatalogue(seedsDir);
  const entry: CatalogueEntry | undefined = catalogue.documents.find((document) => document.doc === name);
  if (entry) await writeCatalogue(seedsDir, { ...catalogue, documents: catalogue.documents.filter((document) => document.doc !== name) });
  const files = new Set([name, entry ? textFileOf(entry) : name]);
  await Promise.all([...files].map((file) => rm(join(seedsDir, file), { force: true })));
  return { doc: name, title: meta.title };
}
