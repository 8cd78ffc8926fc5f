import { readFileSync } from 'node:fs';
import { errnoCode } from '../errors.js';

/**
 * One entry of the domain thesaurus (`lexicon/thesaurus.tsv`): a term the documents use, the English words a reader
 * would type for it, and the everyday French wordings of the same thing.
 */
export interface ThesaurusEntry {
  term: string;
  english: string[];
  variants: string[];
}

/** Reads the thesaurus; a missing file gives none (retrieval still works, with less recall). */
export function loadThesaurus(path: string): ThesaurusEntry[] {
  try {
    return parseThesaurus(readFileSync(path, 'utf8'));
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
}

export function parseThesaurus(raw: string): ThesaurusEntry[] {
  const list = (cell: string | undefined): string[] => (cell ?? '').split('|').map((item) => item.trim()).filter(Boolean);
  return raw
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .flatMap((line) => {
      const [term, english, variants] = line.split('\t');
      if (!term?.trim()) return [];
      return [{ term: term.trim(), english: list(english), variants: list(variants) }];
    });
}
