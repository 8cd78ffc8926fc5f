import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../errors.js';
import { extractDocument } from '../ingest/formats/extract-document.js';
import { RefusedFile } from '../ingest/formats/extracted.js';
import { readCorpus } from '../ingest/read-corpus.js';
import { readCatalogue, writeCatalogue, type CatalogueEntry } from './catalogue.js';
import { checkFlags, resolveMetadata, type MetadataFlags } from './document-metadata.js';
import { documentName, storedTextName } from './document-name.js';

/** A document ready to be written: its catalogue entry, its original bytes and its text. */
interface PreparedDocument {
  entry: CatalogueEntry;
  original: Buffer;
  text: string;
}

/**
 * Adds files to the documents folder: each is read and checked first, and when any is refused (unsupported, empty,
 * damaged, image-only, metadata missing, name taken) nothing is written and the error has one line per refused file.
 * Each original is kept under its document name with its text beside it; the catalogue is replaced last, atomically.
 */
export async function addDocuments(paths: readonly string[], flags: MetadataFlags, seedsDir: string): Promise<CatalogueEntry[]> {
  if (paths.length === 0) throw new AppError('BAD_INPUT', 'Name at least one file to add. Usage: diplomate add FILE… [--title T] [--date D]');
  checkFlags(flags);
  if (flags.title !== undefined && paths.length > 1) {
    throw new AppError('BAD_INPUT', '--title names one document: add the files one at a time to give each its title.');
  }
  const corpus = await readCorpus(seedsDir);
  const taken = new Set(corpus.seeds.map((seed) => seed.doc));
  const texts = new Map(corpus.seeds.map((seed) => [sha(seed.content), seed.doc]));
  const prepared: PreparedDocument[] = [];
  const refusals: string[] = [];
  for (const path of paths) {
    try {
      const document = await prepare(path, flags, taken, texts);
      prepared.push(document);
      taken.add(document.entry.doc);
      texts.set(sha(document.text), document.entry.doc);
    } catch (error: unknown) {
      if (!(error instanceof RefusedFile)) throw error;
      refusals.push(`Cannot add ${basename(path)}: ${error.message}.`);
    }
  }
  if (refusals.length > 0) {
    const untouched = paths.length > 1 ? '\nNo file was added; the documents and the index are unchanged.' : ' Nothing was changed.';
    throw new AppError('BAD_INPUT', refusals.join('\n') + untouched);
  }
  await store(prepared, seedsDir);
  return prepared.map((document) => document.entry);
}

async function prepare(path: string, flags: MetadataFlags, taken: ReadonlySet<string>, texts: ReadonlyMap<string, string>): Promise<PreparedDocument> {
  const doc = documentName(path);
  const textName = storedTextName(doc);
  if (taken.has(doc) || (textName && taken.has(textName))) {
    throw new RefusedFile(`a document named ${doc} is already there (remove it first: diplomate remove ${doc})`);
  }
  const { bytes, extracted } = await extractDocument(path);
  const same = texts.get(sha(extracted.text));
  if (same) throw new RefusedFile(`its text is the same as ${same}'s`);
  const metadata = resolveMetadata(flags, extracted.metadata, extracted.text);
  if ('missing' in metadata) {
    const { missing } = metadata;
    throw new RefusedFile(`the file does not say its ${missing.map((m) => m.fact).join(', ')}; give ${missing.map((m) => m.flag).join(' ')}`);
  }
  const entry: CatalogueEntry = {
    doc,
    ...metadata,
    ...(textName ? { text: textName } : {}),
    ...(extracted.pages ? { pages: extracted.pages } : {}),
    addedFrom: basename(path),
    addedAt: new Date().toISOString(),
  };
  return { entry, original: bytes, text: extracted.text };
}

/** Writes originals and texts, then the catalogue; on any failure removes what it wrote, leaving the folder as it was. */
async function store(documents: readonly PreparedDocument[], seedsDir: string): Promise<void> {
  const written: string[] = [];
  try {
    for (const { entry, original, text } of documents) {
      const textName = entry.text;
      await writeNew(join(seedsDir, entry.doc), textName ? original : Buffer.from(text, 'utf8'), written);
      if (textName) await writeNew(join(seedsDir, textName), Buffer.from(text, 'utf8'), written);
    }
    const { catalogue } = await readCatalogue(seedsDir);
    await writeCatalogue(seedsDir, { ...catalogue, documents: [...catalogue.documents, ...documents.map((d) => d.entry)] });
  } catch (error: unknown) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
}

/** `wx`: a file that appeared meanwhile is never overwritten. */
async function writeNew(path: string, bytes: Buffer, written: string[]): Promise<void> {
  await writeFile(path, bytes, { flag: 'wx' });
  written.push(path);
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
