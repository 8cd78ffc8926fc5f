import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, errnoCode } from '../errors.js';

/** One document of `seeds/metadata.json`: the hand-written seeds' facts, and for an added file where its text is. */
export const catalogueEntrySchema = z.object({
  doc: z.string(),
  title: z.string(),
  date: z.string(),
  kind: z.string(),
  language: z.string(),
  /** The stored text, when it is not `doc` itself: an added PDF, HTML, Markdown or Word file keeps its original. */
  text: z.string().optional(),
  /** For a PDF: the 1-based line of the stored text where each page starts. */
  pages: z.array(z.number().int().positive()).optional(),
  /** The file name it was added from, and when (ISO time): shown by `diplomate list`. */
  addedFrom: z.string().optional(),
  addedAt: z.string().optional(),
});

export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** Other top-level keys (the seeds' `_note`) are kept as they are when the catalogue is rewritten. */
const catalogueSchema = z.looseObject({ documents: z.array(catalogueEntrySchema) });

export type Catalogue = z.infer<typeof catalogueSchema>;

export const CATALOGUE_FILE = 'metadata.json';

/** The catalogue and the SHA-256 of its bytes ('none' and an empty catalogue when the file is absent). */
export async function readCatalogue(seedsDir: string): Promise<{ catalogue: Catalogue; sha: string }> {
  let raw: string;
  try {
    raw = await readFile(join(seedsDir, CATALOGUE_FILE), 'utf8');
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT') return { catalogue: { documents: [] }, sha: 'none' };
    throw new AppError('SEEDS_MISSING', `${join(seedsDir, CATALOGUE_FILE)} cannot be read.`, { cause: error });
  }
  const sha = createHash('sha256').update(raw).digest('hex');
  try {
    return { catalogue: catalogueSchema.parse(JSON.parse(raw)), sha };
  } catch (error: unknown) {
    throw new AppError('SEEDS_MISSING', `${join(seedsDir, CATALOGUE_FILE)} is not valid.`, { cause: error });
  }
}

/** Replaces the catalogue by an atomic rename, so a reader sees the old one or the new one, never half of one. */
export async function writeCatalogue(seedsDir: string, catalogue: Catalogue): Promise<void> {
  const target = join(seedsDir, CATALOGUE_FILE);
  const temporary = join(seedsDir, `.${CATALOGUE_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(catalogue, null, 2) + '\n', 'utf8');
  await rename(temporary, target);
}

/** The file holding an entry's text: `doc` itself for a `.txt`, else the text stored beside the original. */
export const textFileOf = (entry: Pick<CatalogueEntry, 'doc' | 'text'>): string => entry.text ?? entry.doc;
