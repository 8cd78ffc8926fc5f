import type { Paragraph, Passage } from '../types.js';
import { markDuplicates } from './mark-duplicates.js';
import type { Corpus } from './read-corpus.js';
import { splitDocument } from './split-document.js';
import { toPassages } from './to-passages.js';

/**
 * Paragraphs of the seeds (duplicates marked) and the passages to index. `seen` holds the duplicate keys of paragraphs
 * already indexed (key → paragraph id) and receives those of the first copies found here.
 */
export async function ingestCorpus(
  corpus: Pick<Corpus, 'seeds'>,
  seen: Map<string, string> = new Map(),
): Promise<{ paragraphs: Paragraph[]; passages: Passage[] }> {
  const paragraphs = markDuplicates(corpus.seeds.flatMap((seed) => splitDocument(seed.doc, seed.content)), seen);
  return { paragraphs, passages: await toPassages(paragraphs) };
}
