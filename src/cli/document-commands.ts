import { addDocuments } from '../documents/add-documents.js';
import type { CatalogueEntry } from '../documents/catalogue.js';
import type { MetadataFlags } from '../documents/document-metadata.js';
import { listDocuments, type ListedDocument } from '../documents/list-documents.js';
import { removeDocument } from '../documents/remove-document.js';
import { defaultSeedsDir } from '../paths.js';
import { coreOptions, type CommonFlags } from './commands.js';
import { updateIndex } from './update-index.js';

type FolderFlags = Pick<CommonFlags, 'indexDir' | 'seedsDir' | 'modelDir'>;

const seedsDirOf = (flags: FolderFlags): string => coreOptions(flags).seedsDir ?? defaultSeedsDir();

/** `diplomate add FILE…`: stores each file and its text, then updates the index; a failed index update undoes the add. */
export async function runAdd(files: string[], flags: FolderFlags & MetadataFlags): Promise<void> {
  const seedsDir = seedsDirOf(flags);
  const added = await addDocuments(files, flags, seedsDir);
  for (const entry of added) process.stderr.write(`diplomate: added ${describe(entry)}\n`);
  const names = added.map((entry) => entry.doc).join(', ');
  await updateIndex(flags, async () => {
    try {
      for (const entry of added) await removeDocument(entry.doc, seedsDir);
      process.stderr.write(`diplomate: the index could not be updated, so ${names} was taken out again.\n`);
    } catch {
      process.stderr.write(`diplomate: the index could not be updated, and ${names} could not be taken out again: run diplomate remove on it.\n`);
    }
  });
}

/** `diplomate remove NAME`: takes the document out of the folder, then updates the index. */
export async function runRemove(name: string, flags: FolderFlags): Promise<void> {
  const removed = await removeDocument(name, seedsDirOf(flags));
  process.stderr.write(`diplomate: removed ${removed.doc} (${removed.title})\n`);
  await updateIndex(flags);
}

/** `diplomate list`: one line per document (name, date, language, kind, title), or JSON. */
export async function runList(flags: FolderFlags & { json?: boolean }): Promise<void> {
  const documents = await listDocuments(seedsDirOf(flags));
  if (flags.json) {
    process.stdout.write(JSON.stringify({ documents }) + '\n');
    return;
  }
  const width = Math.max(...documents.map((document) => document.doc.length));
  for (const document of documents) process.stdout.write(listLine(document, width) + '\n');
}

function listLine(document: ListedDocument, width: number): string {
  const pages = document.pages ? `, ${document.pages} p.` : '';
  return `${document.doc.padEnd(width)}  ${document.date.padEnd(10)}  ${document.language}  ${document.title} (${document.kind}${pages})`;
}

function describe(entry: CatalogueEntry): string {
  const pages = entry.pages ? `, ${entry.pages.length} page${entry.pages.length > 1 ? 's' : ''}` : '';
  return `${entry.doc}: "${entry.title}" (${entry.date}, ${entry.language}, ${entry.kind}${pages})`;
}
