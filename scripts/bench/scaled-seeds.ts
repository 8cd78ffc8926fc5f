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
 * Swaps one pair of neighbouring words on every line that has two, the pair moving with the copy and the line, so no
 * paragraph of copy `k` has the same words in the same order as in another copy and none is merged as a duplicate.
 */
export function perturbLine(line: string, copy: number, lineNumber: number): string {
  const words = line.split(' ');
  const candidates = words.map((word, i) => i).filter((i) => i + 1 < words.length && /\p{L}{2}/u.test(words[i] ?? '') && /\p{L}{2}/u.test(words[i + 1] ?? ''));
  if (copy === 0 || candidates.length === 0) return line;
  const at = candidates[(copy * 7 + lineNumber) % candidates.length] ?? 0;
  [words[at], words[at + 1]] = [words[at + 1] ?? '', words[at] ?? ''];
  return words.join(' ');
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
