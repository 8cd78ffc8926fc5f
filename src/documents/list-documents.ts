import { readCorpus } from '../ingest/read-corpus.js';

/** One line of `diplomate list`: what citations show of a document, and its size. */
export interface ListedDocument {
  doc: string;
  title: string;
  date: string;
  kind: string;
  language: string;
  lines: number;
  /** Number of pages, for a document added from a PDF. */
  pages?: number;
}

/** Every document of the folder, seeds and added ones, in the order they are indexed. */
export async function listDocuments(seedsDir: string): Promise<ListedDocument[]> {
  const corpus = await readCorpus(seedsDir);
  return corpus.documents.map((meta, i) => {
    const { doc, title, date, kind, language, pages } = meta;
    const lines = (corpus.seeds[i]?.content ?? '').split('\n').length;
    return { doc, title, date, kind, language, lines, ...(pages ? { pages: pages.length } : {}) };
  });
}
