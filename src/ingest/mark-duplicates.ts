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
export function markDuplicates(paragraphs: Paragraph[]): Paragraph[] {
  const seen = new Map<string, string>();
  return paragraphs.map((paragraph) => {
    const key = fingerprint(paragraph.text);
    if (key.length < 20) return paragraph;
    const first = seen.get(key);
    if (first) return { ...paragraph, duplicateOf: first };
    seen.set(key, paragraph.id);
    return paragraph;
  });
}
