import { escapeMarkdown, truncate } from './limits.js';
import { placeLabel, sourceUrl } from '../../shared/citation-text.js';
import type { Lang } from './words.js';

/** Options shared by the answer formatters. */
export interface FormatOptions {
  /** Base URL of the web server (no trailing slash): cited lines link to its source viewer. */
  publicUrl?: string;
}

/** Where a quote stands in its document: its lines, and its page for a PDF. */
export interface Place {
  doc: string;
  lines: [number, number];
  page?: number | undefined;
}

/** Section · paragraph · [page,] lines, the lines as a markdown link when a URL is known; the link is never cut. */
export function whereLine(parts: string[], place: Place, lang: Lang, options: FormatOptions): string {
  const url = sourceUrl(options.publicUrl, place.doc, place.lines);
  const label = placeLabel(place.lines, lang, place.page);
  const range = url === undefined ? label : `[${label}](${url})`;
  const where = parts.filter((part) => part.trim().length > 0).map(escapeMarkdown).join(' · ');
  return where === '' ? range : `${truncate(where, Math.max(60, 300 - range.length - 3))} · ${range}`;
}
