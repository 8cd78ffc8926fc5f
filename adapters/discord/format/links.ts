import { citationPath } from '../../../src/index.js';
import { escapeMarkdown, truncate } from './limits.js';
import { lineLabel } from '../../shared/citation-text.js';
import type { Lang } from './words.js';

/** Options shared by the answer formatters. */
export interface FormatOptions {
  /** Base URL of the web server (no trailing slash): cited lines link to its source viewer. */
  publicUrl?: string;
}

/** `<publicUrl>/doc/<doc>#L<a>-L<b>`, or undefined without a public URL. */
export function citationUrl(publicUrl: string | undefined, doc: string, lines: [number, number]): string | undefined {
  return publicUrl === undefined ? undefined : `${publicUrl}${citationPath(doc, lines)}`;
}

/** Section · paragraph · lines, the lines as a markdown link when a URL is known; the link is never cut. */
export function whereLine(parts: string[], doc: string, lines: [number, number], lang: Lang, options: FormatOptions): string {
  const url = citationUrl(options.publicUrl, doc, lines);
  const range = url === undefined ? lineLabel(lines, lang) : `[${lineLabel(lines, lang)}](${url})`;
  const where = parts.filter((part) => part.trim().length > 0).map(escapeMarkdown).join(' · ');
  return where === '' ? range : `${truncate(where, Math.max(60, 300 - range.length - 3))} · ${range}`;
}
