/** A heading of a seed document; `depth` is its position in the heading path (1 = outermost). */
export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  text: string;
  /** 1-based inclusive lines of the seed file. */
  lines: [number, number];
}

/** A paragraph or list item, exactly the unit citations point to. */
export interface TextBlock {
  kind: 'paragraph' | 'list-item';
  text: string;
  /** Human label as in citations, e.g. `§4.b` or `<heading>, ¶3`. */
  label: string;
  /** Heading path, outermost first. */
  section: string[];
  lines: [number, number];
  /** `text` cut where each source line's words begin, so a citation of some lines of a long paragraph can be shown. */
  segments: { line: number; text: string }[];
  /** For a document added from a PDF: the page of its first line (1-based). */
  page?: number;
}

/** One data row of a table; each row is its own citable paragraph. */
export interface TableRowView {
  cells: string[];
  label: string;
  lines: [number, number];
}

/** A markdown table of the source, with its caption and column names when it has them. */
export interface TableBlock {
  kind: 'table';
  caption: string;
  header: string[];
  rows: TableRowView[];
  section: string[];
  lines: [number, number];
}

export type DocumentBlock = HeadingBlock | TextBlock | TableBlock;

/** A platform-neutral, readable view of one seed document, in source order. */
export interface DocumentView {
  /** Seed file name. */
  doc: string;
  title: string;
  date: string;
  /** Language of the document's text (BCP 47, e.g. `fr`). */
  language: string;
  /** Number of lines in the seed file. */
  lineCount: number;
  blocks: DocumentBlock[];
}
