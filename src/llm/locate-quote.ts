import { sentencesOf } from '../answer/sentences.js';
import { isVerbatim, normalizeForMatch } from '../answer/verify-quote.js';
import { linesOf } from '../ingest/text-builder.js';
import type { Passage } from '../types.js';

/** A verbatim span of a passage with the exact source lines that hold it. */
export interface Located {
  quote: string;
  lines: [number, number];
}

/** Passages this short are quoted whole when a sentence cites them without quoting (as the extractive answer does). */
const QUOTE_WHOLE_BELOW = 320;

/**
 * Where `quote` sits in `passage`, narrowed to the lines of the span (or of the passage sentence holding it),
 * accepted only when `isVerbatim` confirms it against the seed file's lines. Null when it is not in the source.
 */
export function locateQuote(passage: Passage, quote: string, fileLines: readonly string[]): Located | null {
  const candidates: [number, number][] = [];
  const at = passage.text.indexOf(quote);
  if (at >= 0) candidates.push(linesOf(passage.lineMap, at, at + quote.length));
  const wanted = normalizeForMatch(quote);
  for (const sentence of sentencesOf(passage.text)) {
    if (normalizeForMatch(sentence.text).includes(wanted)) candidates.push(linesOf(passage.lineMap, sentence.start, sentence.end));
  }
  candidates.push(passage.lines);
  const lines = candidates.find((range) => isVerbatim(fileLines, range, quote));
  return lines ? { quote, lines } : null;
}

/**
 * A verbatim quote standing for a passage cited without quotation marks: the whole passage when short, else its
 * sentence sharing most words with the answer sentence. Null if even that cannot be verified.
 */
export function representativeQuote(passage: Passage, about: string, fileLines: readonly string[]): Located | null {
  const whole = { quote: passage.text, lines: passage.lines };
  if (passage.text.length <= QUOTE_WHOLE_BELOW || passage.kind === 'table-row') {
    return isVerbatim(fileLines, whole.lines, whole.quote) ? whole : null;
  }
  const words = new Set(wordsOf(about));
  const ranked = sentencesOf(passage.text)
    .map((sentence) => ({ sentence, shared: wordsOf(sentence.text).filter((word) => words.has(word)).length }))
    .sort((a, b) => b.shared - a.shared);
  for (const { sentence } of ranked) {
    const lines = linesOf(passage.lineMap, sentence.start, sentence.end);
    if (isVerbatim(fileLines, lines, sentence.text)) return { quote: sentence.text, lines };
  }
  return isVerbatim(fileLines, whole.lines, whole.quote) ? whole : null;
}

function wordsOf(text: string): string[] {
  return normalizeForMatch(text).match(/\p{L}{4,}|\d+/gu) ?? [];
}
