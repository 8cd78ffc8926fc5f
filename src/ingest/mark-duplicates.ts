import { createHash } from 'node:crypto';
import type { Paragraph } from '../types.js';

/** Letters and digits only, accents and case folded: two texts with the same fingerprint say the same words. */
export function fingerprint(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Marks paragraphs whose words repeat an earlier paragraph of the corpus (003 repeats part of 002),
 * so that one copy, the first in file order, is indexed and returned.
 */
export function markDuplicates(paragraphs: Paragraph[], seen: Map<string, string> = new Map()): Paragraph[] {
  return paragraphs.map((paragraph) => {
    const key = duplicateKey(paragraph.text);
    if (key === null) return paragraph;
    const first = seen.get(key);
    if (first) return { ...paragraph, duplicateOf: first };
    seen.set(key, paragraph.id);
    return paragraph;
  });
}

/**
 * What two paragraphs saying the same words share: a digest of their fingerprint, short enough to keep for every
 * paragraph of a large index so that an added document is checked against it. Null for text too short to tell.
 */
export function duplicateKey(text: string): string | null {
  const key = fingerprint(text);
  return key.length < 20 ? null : createHash('sha256').update(key).digest('base64').slice(0, 22);
}
