import { compile, type FormatCallback } from 'html-to-text';
import { DomUtils, parseDocument } from 'htmlparser2';
import { firstHeading, tidyText, type ExtractedDocument, type FileMetadata } from './extracted.js';

/** Headings become `#` lines, the form ingestion reads as a heading path; html-to-text's own upper-cases them. */
const markdownHeading: FormatCallback = (elem, walk, builder, options) => {
  const level = Number((options as { level?: number }).level ?? 1);
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(`${'#'.repeat(level)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const headingSelectors = [1, 2, 3, 4, 5, 6].map((level) => ({ selector: `h${level}`, format: 'markdownHeading', options: { level } }));
const skipped = ['nav', 'header', 'footer', 'aside', 'form', 'script', 'style', 'noscript', 'img', 'svg', 'button'];

/**
 * One line per paragraph: wrapping could start a line with "2015." or "- ", which ingestion would read as a new
 * numbered paragraph or list item.
 */
const toText = compile({
  wordwrap: false,
  formatters: { markdownHeading },
  selectors: [
    ...headingSelectors,
    ...skipped.map((selector) => ({ selector, format: 'skip' })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable' },
  ],
});

/** An HTML page's readable text (navigation, scripts and images left out) and its `<title>`, date and language. */
export function htmlText(html: string): ExtractedDocument {
  const text = tidyText(toText(html));
  const metadata = htmlMetadata(html);
  return { text, metadata: { ...metadata, title: metadata.title ?? firstHeading(text) } };
}

const DATE_METAS = ['date', 'dc.date', 'dcterms.date', 'dc.date.issued', 'dcterms.issued', 'article:published_time'];

function htmlMetadata(html: string): FileMetadata {
  const dom = parseDocument(html);
  const title = DomUtils.findOne((el) => el.name === 'title', dom.children);
  const metas = DomUtils.findAll((el) => el.name === 'meta', dom.children);
  const metaValue = (names: readonly string[]): string | undefined =>
    metas.find((el) => names.includes((el.attribs['name'] ?? el.attribs['property'] ?? '').toLowerCase()))?.attribs['content'];
  const time = DomUtils.findOne((el) => el.name === 'time' && Boolean(el.attribs['datetime']), dom.children);
  const root = DomUtils.findOne((el) => el.name === 'html', dom.children);
  return {
    title: clean(title ? DomUtils.textContent(title) : undefined) ?? clean(metaValue(['og:title'])),
    date: clean(metaValue(DATE_METAS)) ?? clean(time?.attribs['datetime']),
    language: clean(root?.attribs['lang']),
  };
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/gu, ' ').trim();
  return trimmed ? trimmed : undefined;
}
