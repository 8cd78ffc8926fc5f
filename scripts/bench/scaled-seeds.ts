import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Meta {
  doc: string;
  title: string;
  date: string;
  kind: string;
  language: string;
}

/**
 * Swaps one pair of neighbouring words (tokens holding a letter or a digit, so table cells count too) on every line
 * that has two, the pair moving with the copy and the line, so no paragraph of copy `k` says its words in the order of
 * another copy and none is merged as a duplicate.
 */
export function perturbLine(line: string, copy: number, lineNumber: number): string {
  const tokens = line.split(' ');
  const words = tokens.map((token, i) => i).filter((i) => /[\p{L}\p{N}]/u.test(tokens[i] ?? ''));
  if (copy === 0 || words.length < 2) return line;
  const pair = (copy * 7 + lineNumber) % (words.length - 1);
  const [a, b] = [words[pair] ?? 0, words[pair + 1] ?? 0];
  [tokens[a], tokens[b]] = [tokens[b] ?? '', tokens[a] ?? ''];
  return tokens.join(' ');
}

export function perturb(text: string, copy: number): string {
  return text
    .split('\n')
    .map((line, i) => perturbLine(line, copy, i))
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
