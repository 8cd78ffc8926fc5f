import { isTableLine } from '../ingest/parse-table.js';
import { cleanInline } from '../ingest/clean-text.js';

const isRule = (raw: string): boolean => /^\s*\|[\s:|-]+\|?\s*$/u.test(raw);

/**
 * Caption and column names of the table starting at `start` (1-based), read the way ingestion reads them:
 * a lone cell before the rule is a caption; a short, digit-free row is the header.
 */
export function tableShape(lines: readonly string[], start: number): { caption: string; header: string[]; end: number } {
  let caption = '';
  let header: string[] = [];
  let i = start - 1;
  for (; i < lines.length && isTableLine(lines[i] ?? ''); i += 1) {
    const raw = lines[i] ?? '';
    if (isRule(raw)) continue;
    const cells = rowCells(raw);
    const filled = cells.filter(Boolean);
    if (filled.length === 1 && isRule(lines[i + 1] ?? '') && !caption) caption = filled[0] ?? '';
    else if (filled.length >= 2 && header.length === 0 && filled.every((c) => c.length <= 25 && !/\d/u.test(c))) {
      header = cells;
    }
  }
  return { caption, header, end: i };
}

/** Cells of a table line, empty ones kept so columns line up. */
export function rowCells(raw: string): string[] {
  const inner = raw.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  return inner.split('|').map((cell) => cleanInline(cell));
}
