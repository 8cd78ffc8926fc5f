import { isTableLine } from '../ingest/parse-table.js';
import { splitDocument } from '../ingest/split-document.js';
import type { DocumentMeta, Paragraph } from '../types.js';
import { pageOfLine } from './page-of-line.js';
import type { DocumentBlock, DocumentView, HeadingBlock, TableBlock } from './document-view.js';
import { rowCells, tableShape } from './table-shape.js';

/**
 * Builds the readable view of one seed from the same split the index uses, so every block's line range and label
 * are exactly those a citation can carry. Headings come from the splitter's heading events.
 */
export function buildDocumentView(meta: DocumentMeta, lines: readonly string[]): DocumentView {
  const headings: HeadingBlock[] = [];
  const stack: number[] = [];
  const paragraphs = splitDocument(meta.doc, lines.join('\n'), ({ level, title, lines: range }) => {
    while (stack.length > 0 && (stack[stack.length - 1] ?? 0) >= level) stack.pop();
    stack.push(level);
    headings.push({ kind: 'heading', depth: stack.length, text: title, lines: range });
  });
  const blocks: DocumentBlock[] = [...headings, ...withPage(groupTables(paragraphs, lines), meta.pages)];
  blocks.sort((a, b) => a.lines[0] - b.lines[0]);
  return {
    doc: meta.doc,
    title: meta.title,
    date: meta.date,
    language: meta.language || 'fr',
    lineCount: lines.length,
    blocks,
  };
}

/** Keeps paragraphs as they are and gathers consecutive table rows of one source table into a table block. */
function groupTables(paragraphs: Paragraph[], lines: readonly string[]): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  let table: TableBlock | null = null;
  for (const p of paragraphs) {
    if (p.kind !== 'table-row') {
      table = null;
      out.push({ kind: p.kind, text: p.text, label: p.label, section: p.section, lines: p.lines, segments: segmentsOf(p) });
      continue;
    }
    const start = tableStart(lines, p.lines[0]);
    if (!table || table.lines[0] !== start) {
      const shape = tableShape(lines, start);
      table = { kind: 'table', caption: shape.caption, header: shape.header, rows: [], section: p.section, lines: [start, shape.end] };
      out.push(table);
    }
    table.rows.push({ cells: rowCells(lines[p.lines[0] - 1] ?? ''), label: p.label, lines: p.lines });
  }
  return out;
}

/** Each paragraph of a PDF-derived document says its page, as its citations do. */
function withPage(blocks: DocumentBlock[], pages: readonly number[] | undefined): DocumentBlock[] {
  if (!pages) return blocks;
  return blocks.map((block) => {
    const page = block.kind === 'paragraph' || block.kind === 'list-item' ? pageOfLine(pages, block.lines[0]) : undefined;
    return page === undefined ? block : { ...block, page };
  });
}

/** First line (1-based) of the run of `|` lines holding `line`. */
function tableStart(lines: readonly string[], line: number): number {
  let start = line;
  while (start > 1 && isTableLine(lines[start - 2] ?? '')) start -= 1;
  return start;
}

/** The paragraph's text cut at each source line's first word (the line map ingestion keeps for citations). */
function segmentsOf(p: Paragraph): { line: number; text: string }[] {
  return p.lineMap.map(([offset, line], i) => ({ line, text: p.text.slice(offset, p.lineMap[i + 1]?.[0] ?? p.text.length) }));
}
