import { quotableSpans, sentencesOf } from '../answer/sentences.js';
import { isVerbatim, normalizeForMatch } from '../answer/verify-quote.js';
import { linesOf } from '../ingest/text-builder.js';
import type { Passage } from '../types.js';

/** A verbatim span of a passage with the exact source lines that hold it. */
export interface Located {
  quote: string;
  lines: [number, number];
}

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
 * A verbatim quote standing for a passage cited without quotation marks: of the spans an answer may quote (a short
 * block whole, else a sentence), the one sharing most words with the answer sentence. Null if none can be verified.
 */
export function representativeQuote(passage: Passage, about: string, fileLines: readonly string[]): Located | null {
  const words = new Set(wordsOf(about));
  const ranked = quotableSpans(passage.text, passage.kind)
    .map((span) => ({ span, shared: wordsOf(span.text).filter((word) => words.has(word)).length }))
    .sort((a, b) => b.shared - a.shared);
  for (const { span } of ranked) {
    const lines = span.start === 0 && span.end === passage.text.length ? passage.lines : linesOf(passage.lineMap, span.start, span.end);
    if (isVerbatim(fileLines, lines, span.text)) return { quote: span.text, lines };
  }
  return null;
}

function wordsOf(text: string): string[] {
  return normalizeForMatch(text).match(/\p{L}{4,}|\d+/gu) ?? [];
}
