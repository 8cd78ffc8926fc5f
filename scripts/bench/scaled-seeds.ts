import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Meta {
  doc: string;
  title: string;
  date: string;
  kind: string;
  language: string;
}

/** Words reordered per copy: the first `REORDERED` of a line, so a line of that many words has 8! = 40,320 orderings. */
const REORDERED = 8;

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/**
 * Reorders the words of a line (tokens holding a letter or a digit, so table cells count too) into the `copy`-th
 * ordering of its first few words, counted in the factorial number system: copy 0 is the line as it is, copy 1 swaps
 * its last reordered pair, and every copy below n! (for n words, up to 8) says the words in an order of its own. So no
 * paragraph of a copy is merged with another copy's as a duplicate, however many copies — unlike one swapped pair,
 * which gives a line of n words only n − 1 variants. Only lines of very few words (fewer orderings than copies) repeat.
 */
export function perturbLine(line: string, copy: number): string {
  const tokens = line.split(' ');
  const words = tokens.map((token, i) => i).filter((i) => /[\p{L}\p{N}]/u.test(tokens[i] ?? ''));
  const count = Math.min(words.length, REORDERED);
  if (copy === 0 || count < 2) return line;
  const pool = words.slice(0, count).map((i) => tokens[i] ?? '');
  let rank = copy % factorial(count);
  const reordered = words.slice(0, count).map((_, position) => {
    const step = factorial(count - 1 - position);
    const pick = Math.floor(rank / step);
    rank %= step;
    return pool.splice(pick, 1)[0] ?? '';
  });
  words.slice(0, count).forEach((i, position) => {
    tokens[i] = reordered[position] ?? '';
  });
  return tokens.join(' ');
}

export function perturb(text: string, copy: number): string {
  return text
    .split('\n')
    .map((line) => perturbLine(line, copy))
    .join('\n');
}

/** `copies` copies of the seeds in `dir` (copy 0 as it is), with their metadata; returns the folder. */
export function scaledSeeds(seedsDir: string, dir: string, copies: number): string {
  mkdirSync(dir, { recursive: true });
  const metadata = JSON.parse(readFileSync(join(seedsDir, 'metadata.json'), 'utf8')) as { documents: Meta[] };
  const documents: Meta[] = [];
  const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  for (let copy = 0; copy < copies; copy += 1) {
    for (const seed of seeds) {
      const doc = copy === 0 ? seed : `k${String(copy).padStart(3, '0')}_${seed}`;
      writeFileSync(join(dir, doc), perturb(readFileSync(join(seedsDir, seed), 'utf8'), copy));
      const meta = metadata.documents.find((entry) => entry.doc === seed);
      if (meta) documents.push({ ...meta, doc, title: copy === 0 ? meta.title : `${meta.title} (copie ${copy})` });
    }
  }
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ documents }, null, 2));
  return dir;
}
