const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Sentences of a passage with their offsets (trimmed), so each can be cited with its own lines. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    sentences.push({ start: index + lead, end: index + lead + trimmed.length, text: trimmed });
  }
  return mergeFragments(sentences, text);
}

/** Re-joins pieces cut after abbreviations or list numbers ("M.", "1.", "etc.") so quotes read whole. */
function mergeFragments(sentences: Sentence[], text: string): Sentence[] {
  const merged: Sentence[] = [];
  for (const sentence of sentences) {
    const last = merged[merged.length - 1];
    if (last && (last.text.length < 25 || /^[\p{Ll}\d(]/u.test(sentence.text))) {
      merged[merged.length - 1] = { start: last.start, end: sentence.end, text: text.slice(last.start, sentence.end) };
    } else {
      merged.push(sentence);
    }
  }
  return merged;
}
