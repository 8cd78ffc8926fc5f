import type { Confidence, Lang } from '../../src/index.js';

/**
 * The line above the quotes of an answer: the quotes follow, each once, each with its source under it. A tentative
 * answer says so first: the passages are the closest, and may not answer the question.
 */
export const ANSWER_LEAD: Record<Confidence, Record<Lang, string>> = {
  firm: {
    fr: 'Les documents indiquent (citations exactes) :',
    en: 'The documents say (quoted verbatim, in the original French):',
  },
  tentative: {
    fr: 'Réponse incertaine : les passages les plus proches indiquent (citations exactes) :',
    en: 'Uncertain answer: the closest passages say (quoted verbatim, in the original French):',
  },
};

/** "l. 602–603" in French, "lines 602–603" in English; one line alone is "l. 602" or "line 602". */
export function lineLabel(lines: readonly [number, number], lang: Lang): string {
  const [first, last] = lines;
  if (lang === 'fr') return first === last ? `l. ${first}` : `l. ${first}–${last}`;
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

/**
 * The paragraph mark without the heading it repeats: "¶1" for "La Convention de Budapest (2001), ¶1" under that
 * section. A numbered paragraph ("§4.b") or a label naming another heading is kept whole.
 */
export function paragraphMark(section: string, paragraph: string): string {
  const labelled = /^(.*), (¶\d+)$/u.exec(paragraph);
  const heading = labelled?.[1]?.replace(/…$/u, '');
  const last = section.split(' › ').at(-1) ?? '';
  return labelled?.[2] && heading !== undefined && last.startsWith(heading) ? labelled[2] : paragraph;
}

/** Where a citation stands, for the line under its quote: section path, paragraph mark and the document's date. */
export function whereParts(citation: { section: string; paragraph: string; date: string }): string[] {
  const parts = [citation.section, paragraphMark(citation.section, citation.paragraph), citation.date];
  return parts.filter((part) => part.trim() !== '');
}

/** "p. 3" in French, "page 3" in English: the page of a document added from a PDF. */
export function pageLabel(page: number, lang: Lang): string {
  return lang === 'fr' ? `p. ${page}` : `page ${page}`;
}

/**
 * Where a quote stands in its document, as the link to the source viewer reads: "p. 3, l. 40–42" for a PDF's
 * passage, "l. 40–42" otherwise (English: "page 3, lines 40–42").
 */
export function placeLabel(lines: readonly [number, number], lang: Lang, page?: number): string {
  const range = lineLabel(lines, lang);
  return page === undefined ? range : `${pageLabel(page, lang)}, ${range}`;
}

/**
 * Where the source viewer shows `lines` of `doc`: `/doc/<doc>?hl=<a>-<b>#L<a>-L<b>`. `?hl=` highlights the lines
 * without JavaScript, the fragment scrolls to them. The one format of a source link, for the web page's own links and
 * (after the public URL) for Slack's and Discord's; each adapter only wraps it in its own markup.
 */
export function sourcePath(doc: string, lines: readonly [number, number]): string {
  const [first, last] = lines;
  return `/doc/${encodeURIComponent(doc)}?hl=${first}-${last}#L${first}-L${last}`;
}

/** The absolute source link of a chat answer (`<publicUrl>` + {@link sourcePath}), or undefined without a public URL. */
export function sourceUrl(publicUrl: string | undefined, doc: string, lines: readonly [number, number]): string | undefined {
  return publicUrl === undefined ? undefined : `${publicUrl}${sourcePath(doc, lines)}`;
}
