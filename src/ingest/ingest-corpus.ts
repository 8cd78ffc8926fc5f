import type { Paragraph, Passage } from '../types.js';
import { markDuplicates } from './mark-duplicates.js';
import type { Corpus } from './read-corpus.js';
import { splitDocument } from './split-document.js';
import { toPassages } from './to-passages.js';

/** Paragraphs of every seed (duplicates marked) and the passages to index. */
export async function ingestCorpus(corpus: Corpus): Promise<{ paragraphs: Paragraph[]; passages: Passage[] }> {
  const paragraphs = markDuplicates(corpus.seeds.flatMap((seed) => splitDocument(seed.doc, seed.content)));
  return { paragraphs, passages: await toPassages(paragraphs) };
}
