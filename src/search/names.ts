import { readFileSync } from 'node:fs';
import type { Lang } from '../types.js';
import { FrenchGlossary } from './french-glossary.js';

/** A name's form a question may use, and the documents' wording for it (`lexicon/names.tsv`). */
export interface NameAlias {
  alias: string;
  /** The languages of the questions it appears in. */
  languages: ReadonlySet<Lang>;
  renderings: string[];
}

/** The name aliases of questions in each language, matched accents and case aside, the longest first. */
export type NameAliases = Record<Lang, FrenchGlossary>;

/** Reads `names.tsv`; a missing file gives no aliases (retrieval still works, with less recall). */
export function loadNameAliases(path: string): NameAliases {
  let raw = '';
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    // Retrieval works without the file.
  }
  const aliases = parseNameAliases(raw);
  const of = (lang: Lang) =>
    FrenchGlossary.of(aliases.filter((entry) => entry.languages.has(lang)).map(({ alias, renderings }) => ({ phrase: alias, renderings })));
  return { en: of('en'), fr: of('fr') };
}

export function parseNameAliases(raw: string): NameAlias[] {
  return raw.split('\n').flatMap((line) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const [alias, languages, renderings] = line.split('\t').map((cell) => cell.trim());
    if (!alias || !languages || !renderings) return [];
    const known = languages.split(/\s+/u).filter((lang): lang is Lang => lang === 'en' || lang === 'fr');
    return [{ alias, languages: new Set(known), renderings: renderings.split('|').map((r) => r.trim()).filter(Boolean) }];
  });
}
