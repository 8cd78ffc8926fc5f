import { cleanInline } from './clean-text.js';

/** One data row of a markdown table, ready to become a paragraph. */
export interface TableRow {
  line: number;
  /** Non-empty cleaned cells, in order: what a quote may use. */
  cells: string[];
  /** Index-only words: caption, column names paired with cells, and cells inherited from the row above. */
  context: string;
}

/** What a table carries over to the next table of the same section (PDF tables split across pages). */
export interface TableState {
  caption: string;
  header: string[];
  firstCell: string;
}

export const emptyTableState = (): TableState => ({ caption: '', header: [], firstCell: '' });

export function isTableLine(raw: string): boolean {
  return /^\s*\|/u.test(raw);
}

function splitCells(raw: string): string[] {
  const inner = raw.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  return inner.split('|').map((cell) => cleanInline(cell));
}

const isRule = (raw: string): boolean => /^\s*\|[\s:|-]+\|?\s*$/u.test(raw);

function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length >= 2 && filled.every((cell) => cell.length <= 25 && !/\d/u.test(cell));
}

function describe(cells: string[], state: TableState): string {
  const pairs = cells.map((cell, i) => {
    const name = state.header[i] ?? '';
    const value = cell || (i === 0 ? state.firstCell : '');
    return value ? (name ? `${name} : ${value}` : value) : '';
  });
  return [state.caption, ...pairs.filter(Boolean)].filter(Boolean).join(' ; ');
}

/**
 * Parses consecutive `| ... |` lines. A lone first cell before the rule is a caption; a short, digit-free
 * row is the column header; empty first cells inherit the subject above (merged cells in the source).
 */
export function parseTable(block: { raw: string; line: number }[], state: TableState): TableRow[] {
  const rows: TableRow[] = [];
  block.forEach(({ raw, line }, i) => {
    if (isRule(raw)) return;
    const cells = splitCells(raw);
    const filled = cells.filter(Boolean);
    if (filled.length === 0) return;
    const beforeRule = isRule(block[i + 1]?.raw ?? '');
    if (beforeRule && filled.length === 1) {
      state.caption = filled[0] ?? '';
      return;
    }
    if (looksLikeHeader(cells)) {
      state.header = cells;
      return;
    }
    rows.push({ line, cells: filled, context: describe(cells, state) });
    if (cells[0]) state.firstCell = cells[0];
  });
  return rows;
}
