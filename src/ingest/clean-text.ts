/**
 * Markup removal shared by ingestion and quote verification.
 * Footnote calls (`<sup>5</sup>`) keep their text so that quotes stay verbatim.
 */
export function cleanInline(raw: string): string {
  return raw
    .replace(/<sup>\s*([^<]*?)\s*<\/sup>/giu, '$1')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/\\([*_#|\\])/gu, '$1')
    .replace(/\*+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const LIST_MARKER = /^(?:[•○▪◦·–-])\s+/u;

/** Strips a leading bullet (•, -, ○ …) so list items start with their words. */
export function stripListMarker(text: string): { text: string; wasListItem: boolean } {
  const stripped = text.replace(LIST_MARKER, '');
  return { text: stripped, wasListItem: stripped !== text };
}

/** True for lines with no words: blank, rules, `***`, `.../...`, lone dashes. */
export function isSeparator(cleaned: string): boolean {
  return !/[\p{L}\p{N}]/u.test(cleaned);
}

/** Share of letters that are upper case; used to spot title lines in PDF text. */
export function upperCaseRatio(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const upper = letters.filter((ch) => ch === ch.toUpperCase() && ch !== ch.toLowerCase());
  return upper.length / letters.length;
}
