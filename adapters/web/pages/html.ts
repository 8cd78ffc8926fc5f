import { lineLabel as sharedLineLabel, placeLabel as sharedPlaceLabel, sourcePath } from '../../shared/citation-text.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON safe to embed in a `<script type="application/json">` block. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c');
}

/** `l. 602–603`, or `l. 602` for one line: the page labels lines the French way, like the French source text it quotes. */
export const lineLabel = (lines: readonly [number, number]): string => sharedLineLabel(lines, 'fr');

/** `p. 3, l. 40–42` for a passage of a PDF, `l. 40–42` otherwise. */
export const placeLabel = (lines: readonly [number, number], page?: number): string => sharedPlaceLabel(lines, 'fr', page);

/** Where a citation opens (the same link as in Slack and Discord, without the host). */
export const docHref = sourcePath;

export interface LayoutParts {
  lang: string;
  title: string;
  body: string;
  script?: string;
  /** Absolute address of this page, from PUBLIC_URL, for shared links. */
  canonical?: string;
  skipLabel: string;
}

/** The one page shell: system fonts, our own stylesheet and at most one deferred script from /assets/. */
export function layout(parts: LayoutParts): string {
  const script = parts.script ? `<script src="/assets/${parts.script}" defer></script>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(parts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
${parts.canonical ? `<link rel="canonical" href="${escapeHtml(parts.canonical)}">\n` : ''}${script}
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(parts.skipLabel)}</a>
${parts.body}
</body>
</html>
`;
}
