import { readFileSync } from 'node:fs';
import { countriesPath } from '../paths.js';

/**
 * The world's countries by their English and French names (`lexicon/countries.tsv`, from ISO 3166-1), to tell
 * whether a passage names the country a "which country" question asks for.
 */
interface Gazetteer {
  pattern: RegExp | null;
  codeOf: ReadonlyMap<string, string>;
}

let loaded: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  loaded ??= readGazetteer(countriesPath());
  return loaded;
}

/** The file's names as one pattern, longest first ("Corée du Sud" before "Corée"); a missing file names none. */
export function readGazetteer(path: string): Gazetteer {
  let raw = '';
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return { pattern: null, codeOf: new Map() };
  }
  const codeOf = new Map<string, string>();
  for (const line of raw.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, english = '', french = ''] = line.split('\t');
    if (!code) continue;
    for (const name of [...english.split('|'), ...french.split('|')]) if (name.trim()) codeOf.set(name.trim(), code);
  }
  const names = [...codeOf.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Names are matched as written, capital included: "Mali" the country, never a word of running text.
  return { pattern: names.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null, codeOf };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The ISO codes of the countries a text names. */
export function countriesIn(text: string): Set<string> {
  const { pattern, codeOf } = gazetteer();
  if (!pattern) return new Set();
  return new Set([...text.matchAll(pattern)].flatMap((match) => codeOf.get(match[0]) ?? []));
}

/** True when the word is, on its own, a country's name as written ("Singapour", "Inde"). */
export const isCountryName = (word: string): boolean => gazetteer().codeOf.has(word);
