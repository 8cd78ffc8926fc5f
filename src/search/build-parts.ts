import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta, Paragraph, Passage } from '../types.js';
import { FILES, digestFiles } from './index-files.js';
import { MANIFEST_FORMAT, type Manifest, type ManifestKey } from './manifest.js';
import type { PassageEmbedder } from './embedders/select-embedder.js';
import { countNameUses, namesIn, type NameCounts } from './proper-names.js';

/** Duplicate key of a paragraph's words → id of the first paragraph saying them (see `mark-duplicates.ts`). */
export type DuplicateKeys = [string, string][];

/**
 * Paragraphs left out for repeating an indexed one: `[its id, the id of the paragraph it repeats]`. Removing the
 * document holding the first copy would leave the repeat unindexed, so such a removal takes a full build.
 */
export type Repeats = [string, string][];

export const repeatsOf = (paragraphs: readonly Paragraph[]): Repeats =>
  paragraphs.flatMap((paragraph): Repeats => (paragraph.duplicateOf ? [[paragraph.id, paragraph.duplicateOf]] : []));

/**
 * What a build records of duplicates: the keys an added document is checked against, and the repeats left out
 * (unknown for a build extended from one made before they were recorded: removing from it takes a full build).
 */
export interface Duplicates {
  duplicateKeys: DuplicateKeys;
  repeats: Repeats | undefined;
}

/**
 * `passages.json`: documents, passages, the corpus's proper names with the counts they come from (`nameCounts`, so an
 * update counts only the passages it adds or removes; counted from every passage when not given), and what it
 * records of duplicates.
 */
export function passageStore(
  documents: readonly DocumentMeta[],
  passages: readonly Passage[],
  duplicates: Duplicates,
  nameCounts: NameCounts = countNameUses(passages.map((passage) => passage.text)),
) {
  const properNames = [...namesIn(nameCounts)].sort();
  return { documents, passages, properNames, nameCounts, duplicateKeys: duplicates.duplicateKeys, repeats: duplicates.repeats };
}

/** The manifest goes last: it records the size and SHA-256 of every other file of the build. */
export async function writeManifest(dir: string, key: ManifestKey, dimension: number, passages: number): Promise<Manifest> {
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    builtAt: new Date().toISOString(),
    seeds: key.seeds,
    metadataSha: key.metadataSha,
    embedder: { id: key.embedderId, dimension },
    settings: key.settings,
    passages,
    files: await digestFiles(dir),
  };
  await writeFile(join(dir, FILES.manifest), JSON.stringify(manifest, null, 2), 'utf8');
  return manifest;
}

const EMBED_BATCH = 16;

/** Passage vectors from a local model, in batches, saying how far it is (`vectors (model)`). */
export async function embedWithModel(
  embedder: PassageEmbedder,
  passages: readonly Passage[],
  onProgress: (step: string, done: number, total: number) => void,
): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let start = 0; start < passages.length; start += EMBED_BATCH) {
    const batch = passages.slice(start, start + EMBED_BATCH).map((passage) => passage.text);
    vectors.push(...(await embedder.embedDocuments(batch)));
    onProgress('vectors (model)', Math.min(start + EMBED_BATCH, passages.length), passages.length);
  }
  return vectors;
}

/** What the LSA space embeds of a passage: its words and its index-only context. */
export const lsaText = (passage: Passage): string => `${passage.text}\n${passage.context}`;
