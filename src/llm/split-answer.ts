/** One sentence of a generated answer, with its citation markers and quoted spans. */
export interface AnswerSentence {
  /** The sentence as written, markers included, trimmed. */
  text: string;
  /** Passage numbers cited anywhere in the sentence, in order of appearance, without repeats. */
  refs: number[];
  /** Spans the model put in quotation marks (claimed verbatim). */
  quotes: string[];
  /** Whitespace that followed it (kept so paragraphs survive). */
  gap: string;
}

/** `[1]`, `[1][2]`, `[1, 2]`, `[1;2]`. */
export const MARKER = /\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]/gu;
const LEADING_MARKERS = /^(?:\s*\[\s*\d{1,3}(?:\s*[,;]\s*\d{1,3})*\s*\])+[.;,]?/u;
const QUOTED = /«\s*([^«»]+?)\s*»|“([^“”]+)”|"([^"]+)"/gu;

/**
 * Splits generated prose into sentences (Intl.Segmenter), keeping a quotation that contains full stops in one
 * sentence and moving markers written after a full stop ("… end. [2] Next") back onto the sentence they close.
 */
export function splitAnswer(text: string, locale: string): AnswerSentence[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const pieces: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = pieces.length - 1;
    const previous = pieces[last];
    const lead = LEADING_MARKERS.exec(segment)?.[0];
    if (previous !== undefined && openQuote(previous)) {
      const [head, rest] = splitAfterClosingQuote(segment);
      pieces[last] = previous + head;
      if (rest) pieces.push(rest);
    } else if (previous !== undefined && /^\s*[\p{Ll}\d(]/u.test(segment)) {
      pieces[last] = previous + segment;
    } else if (previous !== undefined && lead) {
      pieces[last] = previous.trimEnd() + ' ' + lead.trim() + ' ';
      const rest = segment.slice(lead.length);
      if (rest.trim()) pieces.push(rest.trimStart());
    } else {
      pieces.push(segment);
    }
  }
  return pieces.filter((piece) => piece.trim()).map(toSentence);
}

function toSentence(piece: string): AnswerSentence {
  const text = piece.trim();
  const refs: number[] = [];
  for (const match of text.matchAll(MARKER)) {
    for (const n of (match[1] ?? '').split(/[,;]/u).map((part) => Number(part.trim()))) {
      if (!refs.includes(n)) refs.push(n);
    }
  }
  const quotes = [...text.matchAll(QUOTED)].map((match) => (match[1] ?? match[2] ?? match[3] ?? '').trim());
  return { text, refs, quotes: quotes.filter(Boolean), gap: piece.slice(piece.trimEnd().length) };
}

/** True while a quotation opened in `text` is not yet closed. */
function openQuote(text: string): boolean {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/«/gu) > count(/»/gu) || count(/“/gu) > count(/”/gu) || count(/"/gu) % 2 === 1;
}

/**
 * Cuts a segment that closes a quotation opened earlier: the closing mark and any markers after it stay with the
 * quoting sentence; text after them starts a new sentence when it begins like one.
 */
function splitAfterClosingQuote(segment: string): [string, string] {
  const close = /[»”"]/u.exec(segment);
  if (!close) return [segment, ''];
  const after = segment.slice(close.index + 1);
  const tail = /^(?:\s*\[[^\]]*\])*\s*[.;,]?\s*/u.exec(after)?.[0] ?? '';
  const rest = after.slice(tail.length);
  if (!/^\p{Lu}/u.test(rest)) return [segment, ''];
  return [segment.slice(0, close.index + 1) + tail, rest];
}
