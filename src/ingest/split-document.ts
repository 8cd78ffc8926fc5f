import type { Paragraph } from '../types.js';
import { cleanInline, isSeparator, stripListMarker } from './clean-text.js';
import { detectDocStyle, detectHeading, type DocStyle } from './detect-heading.js';
import { readableHeading, wordCasing } from './heading-case.js';
import { emptyTableState, isTableLine, parseTable, type TableState } from './parse-table.js';
import { ParagraphLabeler } from './paragraph-labeler.js';
import { TextBuilder } from './text-builder.js';

interface OpenUnit {
  builder: TextBuilder;
  first: number;
  last: number;
  kind: Paragraph['kind'];
}

/** Told of each heading as it is met (the document viewer renders them; paragraphs never include them). */
export type HeadingListener = (heading: { level: number; title: string; lines: [number, number] }) => void;

const SENTENCE_END = /[.!?:»"]\s*$/u;
const NUMBERED_PARAGRAPH = /^(\d+)\.\s+\S/u;
const LETTERED_PARAGRAPH = /^([a-z])[.)]\s+\S/u;

/**
 * Splits one seed file into paragraphs with heading path, label and exact line range.
 * Handles markdown (headings, emphasis, tables), hard-wrapped PDF text, double-spaced PDF text,
 * numbered and lettered paragraphs, and bullet lists.
 */
export function splitDocument(doc: string, content: string, onHeading?: HeadingListener): Paragraph[] {
  const lines = content.split('\n');
  const splitter = new DocumentSplitter(doc, detectDocStyle(lines), wordCasing(lines), onHeading);
  splitter.run(lines);
  return splitter.paragraphs;
}

class DocumentSplitter {
  readonly paragraphs: Paragraph[] = [];
  private readonly labeler = new ParagraphLabeler();
  private unit: OpenUnit | null = null;
  private table: TableState = emptyTableState();
  private sentenceClosed = true;

  constructor(
    private readonly doc: string,
    private readonly style: DocStyle,
    private readonly casing: ReadonlyMap<string, string>,
    private readonly onHeading?: HeadingListener,
  ) {}

  run(lines: readonly string[]): void {
    let i = 0;
    while (i < lines.length) i = this.step(lines, i);
    this.flush();
  }

  private step(lines: readonly string[], i: number): number {
    const raw = lines[i] ?? '';
    if (isTableLine(raw)) return this.takeTable(lines, i);
    const cleaned = cleanInline(raw);
    if (!cleaned || isSeparator(cleaned)) {
      if (!this.continuesAfterBreak(lines, i, cleaned)) this.flush();
      return i + 1;
    }
    const heading = detectHeading(lines, i, this.style, this.sentenceClosed || this.unit === null);
    if (heading) {
      this.flush();
      // Citations name the section readably; the document viewer shows the heading as the document sets it.
      this.labeler.enterHeading(heading.level, readableHeading(heading.title, this.casing));
      this.onHeading?.({ level: heading.level, title: heading.title, lines: [i + 1, i + heading.consumed] });
      this.table = emptyTableState();
      this.sentenceClosed = true;
      return i + heading.consumed;
    }
    this.addLine(cleaned, i + 1);
    return i + 1;
  }

  /** A blank line ends a paragraph, except in double-spaced text or at a page break inside a sentence. */
  private continuesAfterBreak(lines: readonly string[], i: number, cleaned: string): boolean {
    if (cleaned) return false;
    if (this.style.doubleSpaced) return true;
    if (!this.unit || this.sentenceClosed) return false;
    for (let j = i + 1; j < lines.length; j += 1) {
      const next = cleanInline(lines[j] ?? '');
      if (next) return /^\p{Ll}/u.test(next);
    }
    return false;
  }

  private addLine(cleaned: string, line: number): void {
    const { text, wasListItem } = stripListMarker(cleaned);
    const startsUnit =
      wasListItem ||
      NUMBERED_PARAGRAPH.test(text) ||
      LETTERED_PARAGRAPH.test(text) ||
      (this.style.doubleSpaced && this.sentenceClosed);
    if (startsUnit) this.flush();
    if (!this.unit) {
      this.unit = { builder: new TextBuilder(), first: line, last: line, kind: wasListItem ? 'list-item' : 'paragraph' };
    }
    this.unit.builder.append(text, line);
    this.unit.last = line;
    this.sentenceClosed = SENTENCE_END.test(text);
  }

  private takeTable(lines: readonly string[], start: number): number {
    this.flush();
    const block: { raw: string; line: number }[] = [];
    let i = start;
    while (i < lines.length && isTableLine(lines[i] ?? '')) {
      block.push({ raw: lines[i] ?? '', line: i + 1 });
      i += 1;
    }
    for (const row of parseTable(block, this.table)) {
      const builder = new TextBuilder();
      builder.append(row.cells.join(' | '), row.line);
      this.emit(builder, row.line, row.line, 'table-row', row.context);
    }
    return i;
  }

  private flush(): void {
    const unit = this.unit;
    this.unit = null;
    if (!unit || unit.builder.isEmpty) return;
    this.emit(unit.builder, unit.first, unit.last, unit.kind, '');
  }

  private emit(builder: TextBuilder, first: number, last: number, kind: Paragraph['kind'], extra: string): void {
    const { text, lineMap } = builder.build();
    const { section, label } = this.labeler.label(text);
    this.paragraphs.push({
      id: `${this.doc}#${first}-${last}`,
      doc: this.doc,
      section,
      label,
      lines: [first, last],
      text,
      lineMap,
      kind,
      context: [section.join(' ; '), extra].filter(Boolean).join(' ; '),
    });
  }
}
