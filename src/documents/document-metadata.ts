import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { AppError } from '../errors.js';
import type { FileMetadata } from '../ingest/formats/extracted.js';

/** What `diplomate add` may be told about a document; each overrides what the file says. */
export interface MetadataFlags {
  title?: string;
  date?: string;
  kind?: string;
  lang?: string;
}

export interface ResolvedMetadata {
  title: string;
  date: string;
  kind: string;
  language: 'fr' | 'en';
}

const LANGUAGES = ['fr', 'en'] as const;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

/** Refuses a bad flag value at once, before any file is read: it is the user's typing, not a file's fault. */
export function checkFlags(flags: MetadataFlags): void {
  const bad: string[] = [];
  if (flags.title !== undefined && !flags.title.trim()) bad.push('--title is empty');
  if (flags.kind !== undefined && !flags.kind.trim()) bad.push('--kind is empty');
  if (flags.date !== undefined && isoDate(flags.date) === undefined) bad.push(`--date ${flags.date} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  if (flags.lang !== undefined && !LANGUAGES.includes(flags.lang as 'fr')) bad.push(`--lang ${flags.lang} is not fr or en`);
  if (bad.length) throw new AppError('BAD_INPUT', `${bad.join('; ')}.`);
}

/** A fact the file does not give, and the flag that gives it. */
export interface MissingFact {
  fact: 'title' | 'date' | 'language';
  flag: string;
}

/**
 * Flags first, then the file's own title, date and language; the language is otherwise told by the text's stop words.
 * Returns what is still missing instead of metadata, so the refusal names every flag to give at once.
 */
export function resolveMetadata(flags: MetadataFlags, file: FileMetadata, text: string): ResolvedMetadata | { missing: MissingFact[] } {
  const title = (flags.title ?? file.title)?.trim();
  const date = isoDate(flags.date ?? file.date ?? '');
  const language = (flags.lang as ResolvedMetadata['language'] | undefined) ?? languageCode(file.language) ?? guessLanguage(text);
  if (!title || !date || !language) {
    const missing: MissingFact[] = [];
    if (!title) missing.push({ fact: 'title', flag: '--title "…"' });
    if (!date) missing.push({ fact: 'date', flag: '--date YYYY[-MM[-DD]]' });
    if (!language) missing.push({ fact: 'language', flag: '--lang fr|en' });
    return { missing };
  }
  return { title, date, kind: flags.kind?.trim() || 'document', language };
}

/** `2019`, `2019-06` or `2019-06-03` when it is a real date (a longer ISO time is cut to its day). */
export function isoDate(value: string): string | undefined {
  const match = DATE.exec(value.trim().slice(0, 10));
  if (!match) return undefined;
  const [, year, month, date] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (date) {
    const parsed = new Date(`${year}-${month}-${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.getUTCDate() !== Number(date)) return undefined;
  }
  return match[0];
}

/** `fr-FR`, `fr`, `French`… as `fr`; any other language is not one diplomate reads. */
function languageCode(value: string | undefined): ResolvedMetadata['language'] | undefined {
  const code = value?.trim().toLowerCase().slice(0, 2);
  return LANGUAGES.find((lang) => lang === code);
}

const FRENCH = new Set(frenchStopwords);
const ENGLISH = new Set(englishStopwords);

/** The language whose stop words are clearly more frequent in the text's first words; undefined when unclear. */
export function guessLanguage(text: string): ResolvedMetadata['language'] | undefined {
  const words = (text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 3_000);
  const french = words.filter((word) => FRENCH.has(word) && !ENGLISH.has(word)).length;
  const english = words.filter((word) => ENGLISH.has(word) && !FRENCH.has(word)).length;
  if (french + english < 5) return undefined;
  if (french > english * 2) return 'fr';
  if (english > french * 2) return 'en';
  return undefined;
}
