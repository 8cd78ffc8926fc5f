/**
 * Quote verification: a quote is accepted only when it appears in the cited lines of the seed file,
 * compared after the same normalisation the evaluation uses (Unicode NFKC, quotes, dashes, markup,
 * whitespace, line-end hyphenation).
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00ad/gu, '')
    .replace(/<(https?:\/\/[^>\s]+)>/gu, '$1')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/gu, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[*_#|\\]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Normalised text of 1-based inclusive lines `[start, end]`, with line-end hyphenation undone. */
export function sourceSpan(fileLines: readonly string[], [start, end]: readonly [number, number]): string {
  const raw = fileLines.slice(Math.max(start - 1, 0), end).join('\n');
  return normalizeForMatch(raw.replace(/([\p{L}\p{N}_])-\s*\n\s*([\p{L}\p{N}_])/gu, '$1$2'));
}

const squeeze = (text: string): string => text.replace(/[\s-]/gu, '');

export function isVerbatim(fileLines: readonly string[], lines: readonly [number, number], quote: string): boolean {
  const wanted = normalizeForMatch(quote).replace(/^[\s."'…]+|[\s."'…]+$/gu, '');
  if (!wanted || lines[0] < 1 || lines[1] < lines[0] || lines[1] > fileLines.length) return false;
  const span = sourceSpan(fileLines, lines);
  return span.includes(wanted) || squeeze(span).includes(squeeze(wanted));
}
