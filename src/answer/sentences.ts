import { BLOCK_SEPARATOR } from '../ingest/passage-size.js';
import type { Passage } from '../types.js';

const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Blocks this short are quoted whole: cutting them into sentences would only lose context. */
export const QUOTE_WHOLE_BELOW = 320;

/** Sentences of a passage with their offsets (trimmed), so each can be cited with its own lines; none crosses a block. */
export function sentencesOf(text: string): Sentence[] {
  return blocksOf(text).flatMap((block) => sentencesOfBlock(block));
}

/**
 * What an answer may quote from a passage, each span inside one source block: a table row whole, a short block
 * whole, the sentences of a longer one.
 */
export function quotableSpans(text: string, kind: Passage['kind']): Sentence[] {
  if (kind === 'table-row') return [{ start: 0, end: text.length, text }];
  return blocksOf(text).flatMap((block) => (block.text.length <= QUOTE_WHOLE_BELOW ? [block] : sentencesOfBlock(block)));
}

/** The source blocks a passage joins (see `BLOCK_SEPARATOR`), with their offsets. */
function blocksOf(text: string): Sentence[] {
  const blocks: Sentence[] = [];
  let start = 0;
  for (const piece of text.split(BLOCK_SEPARATOR)) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) blocks.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start += piece.length + BLOCK_SEPARATOR.length;
  }
  return blocks;
}

function sentencesOfBlock(block: Sentence): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(block.text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = block.start + index + lead;
    sentences.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return mergeFragments(sentences, block);
}

/** Re-joins pieces cut after abbreviations or list numbers ("M.", "1.", "etc.") so quotes read whole. */
function mergeFragments(sentences: Sentence[], block: Sentence): Sentence[] {
  const merged: Sentence[] = [];
  for (const sentence of sentences) {
    const last = merged[merged.length - 1];
    if (last && (last.text.length < 25 || /^[\p{Ll}\d(]/u.test(sentence.text))) {
      const text = block.text.slice(last.start - block.start, sentence.end - block.start);
      merged[merged.length - 1] = { start: last.start, end: sentence.end, text };
    } else {
      merged.push(sentence);
    }
  }
  return merged;
}
