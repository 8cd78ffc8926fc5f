import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Paragraph, Passage } from '../types.js';
import { BLOCK_SEPARATOR, MAX_PASSAGE_CHARS, MIN_BLOCK_CHARS } from './passage-size.js';
import { linesOf, type LineMark } from './text-builder.js';

const splitter = new RecursiveCharacterTextSplitter({
  chunkSize: 800,
  chunkOverlap: 120,
  separators: ['. ', '; ', ', ', ' '],
  keepSeparator: true,
});

/**
 * Passages for the index: one per paragraph, or several pieces of a long one, each with its own lines. A block shorter
 * than {@link MIN_BLOCK_CHARS} ("Monsieur l'ambassadeur,", a one-line list item) joins its neighbour of the same
 * section: BM25's length normalisation would otherwise rank such blocks first for any word they hold. The blocks of a
 * passage stay apart (a blank line), so an answer still quotes one sentence with its own lines.
 */
export async function toPassages(paragraphs: readonly Paragraph[]): Promise<Passage[]> {
  const passages: Passage[] = [];
  for (const paragraph of mergeShortBlocks(paragraphs.filter((p) => !p.duplicateOf))) {
    if (paragraph.text.length <= MAX_PASSAGE_CHARS) {
      passages.push(fromSlice(paragraph, 0, paragraph.text, 0));
      continue;
    }
    // The splitter keeps each separator at the head of the next piece; a passage should start on a word.
    const pieces = (await splitter.splitText(paragraph.text)).map((piece) => piece.replace(/^[.;,]\s*/u, ''));
    let from = 0;
    pieces.forEach((piece, i) => {
      const offset = paragraph.text.indexOf(piece, from);
      const start = offset >= 0 ? offset : from;
      passages.push(fromSlice(paragraph, start, piece, i + 1));
      from = start + 1;
    });
  }
  return passages;
}

function fromSlice(paragraph: Paragraph, start: number, text: string, part: number): Passage {
  const lines = part === 0 ? paragraph.lines : linesOf(paragraph.lineMap, start, start + text.length);
  return {
    id: part === 0 ? paragraph.id : `${paragraph.doc}#${lines[0]}-${lines[1]}.${part}`,
    paragraphId: paragraph.id,
    doc: paragraph.doc,
    section: paragraph.section,
    label: paragraph.label,
    lines,
    text,
    lineMap: rebase(paragraph.lineMap, start, text.length),
    context: paragraph.context,
    kind: paragraph.kind,
  };
}

function rebase(lineMap: readonly LineMark[], start: number, length: number): LineMark[] {
  const rebased: LineMark[] = [];
  for (const [offset, line] of lineMap) {
    if (offset >= start + length) break;
    const shifted = offset - start;
    if (shifted <= 0) rebased.splice(0, rebased.length, [0, line]);
    else rebased.push([shifted, line]);
  }
  return rebased;
}

function mergeShortBlocks(paragraphs: readonly Paragraph[]): Paragraph[] {
  const merged: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const last = merged[merged.length - 1];
    if (last && mayJoin(last, paragraph)) merged[merged.length - 1] = join(last, paragraph);
    else merged.push(paragraph);
  }
  return merged;
}

function mayJoin(a: Paragraph, b: Paragraph): boolean {
  return (
    a.doc === b.doc &&
    a.kind !== 'table-row' &&
    b.kind !== 'table-row' &&
    a.section.join('\u0000') === b.section.join('\u0000') &&
    (a.text.length < MIN_BLOCK_CHARS || b.text.length < MIN_BLOCK_CHARS) &&
    a.text.length + BLOCK_SEPARATOR.length + b.text.length <= MAX_PASSAGE_CHARS
  );
}

function join(a: Paragraph, b: Paragraph): Paragraph {
  const shift = a.text.length + BLOCK_SEPARATOR.length;
  const lines: [number, number] = [a.lines[0], b.lines[1]];
  return {
    ...a,
    id: `${a.doc}#${lines[0]}-${lines[1]}`,
    lines,
    text: a.text + BLOCK_SEPARATOR + b.text,
    lineMap: [...a.lineMap, ...b.lineMap.map(([offset, line]): LineMark => [offset + shift, line])],
    kind: a.kind === b.kind ? a.kind : 'paragraph',
  };
}
