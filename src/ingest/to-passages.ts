import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Paragraph, Passage } from '../types.js';
import { MAX_PASSAGE_CHARS } from './passage-size.js';
import { linesOf, type LineMark } from './text-builder.js';

const splitter = new RecursiveCharacterTextSplitter({
  chunkSize: 800,
  chunkOverlap: 120,
  separators: ['. ', '; ', ', ', ' '],
  keepSeparator: true,
});

/** Passages for the index: one per paragraph, or several pieces of a long one, each with its own lines. */
export async function toPassages(paragraphs: readonly Paragraph[]): Promise<Passage[]> {
  const passages: Passage[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.duplicateOf) continue;
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
