import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../src/search/analyzer.js';

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');

/** Text compared accents, case, apostrophes and spacing aside (line breaks are spaces). */
export const normaliseText = (text: string): string => fold(text).replace(/[’']/gu, "'").replace(/\s+/gu, ' ');

/** The real seeds' text as written, one string per document. */
export const seedTexts = (): string[] =>
  readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(seedsDir, name), 'utf8'));

/** The real seeds' text, normalised, one document after another. */
export const normalisedSeeds = (): string => seedTexts().map(normaliseText).join('\n');

const wordCharacter = /[\p{L}\p{N}]/u;

/** Whether `phrase` occurs in `text` with no letter or digit touching either end (a scan, not a regex per phrase). */
export function occursAsWholeWords(phrase: string, text: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + phrase.length] ?? ' ';
    if (!wordCharacter.test(before) && !wordCharacter.test(after)) return true;
  }
  return false;
}
