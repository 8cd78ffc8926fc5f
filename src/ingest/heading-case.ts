const WORD = /\p{L}[\p{L}'’-]*/gu;
/** A roman numeral ("III", "IV"), not any word of the letters ("civil"). */
const ROMAN = /^(?=[ivxlcdm]+$)m*(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/iu;

/** Lower case without accents: capitals are often set unaccented ("ACTIONS MENEES"), the text is not. */
const key = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * How a document writes each word in its running text (lower-cased word → its most frequent spelling), so that a
 * heading set in capitals can be shown as the document itself writes its words, accents included: "LA CONVENTION DE
 * BUDAPEST" → "La convention de Budapest", "ACTIONS MENEES" → "Actions menées". Keyed by the word without accents.
 */
export function wordCasing(lines: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const line of lines) {
    if (!/\p{Ll}/u.test(line)) continue;
    for (const [word] of line.matchAll(WORD)) {
      const folded = key(word);
      const variants = counts.get(folded) ?? new Map<string, number>();
      variants.set(word, (variants.get(word) ?? 0) + 1);
      counts.set(folded, variants);
    }
  }
  const casing = new Map<string, string>();
  for (const [folded, variants] of counts) {
    // Ties go to a lower-case spelling: a word capitalised only where a sentence starts is a common word.
    const lower = (word: string): number => Number(word !== word.toLowerCase());
    const ranked = [...variants].sort((a, b) => b[1] - a[1] || lower(a[0]) - lower(b[0]));
    casing.set(folded, ranked[0]?.[0] ?? folded);
  }
  return casing;
}

/**
 * A heading in capitals with each word as the running text spells it, its first letter capitalised. Roman numerals,
 * and short words the text never uses (acronyms), keep their capitals; other unknown words are lower-cased. A heading already in
 * mixed case is left as it is.
 */
export function readableHeading(title: string, casing: ReadonlyMap<string, string>): string {
  if (/\p{Ll}/u.test(title) || !/\p{Lu}/u.test(title)) return title;
  const words = title.replace(WORD, (word) => {
    if (ROMAN.test(word)) return word;
    return casing.get(key(word)) ?? (word.length <= 4 ? word : word.toLowerCase());
  });
  // The first word after any numbering ("III/ Actions", "I / Lettre de mission") starts with a capital.
  return words.replace(WORD, (word, offset: number) =>
    offset === firstWordAt(words) ? word.charAt(0).toUpperCase() + word.slice(1) : word,
  );
}

function firstWordAt(text: string): number {
  for (const match of text.matchAll(WORD)) if (!ROMAN.test(match[0])) return match.index;
  return -1;
}
