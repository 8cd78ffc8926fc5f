import type { StructuredTextItem } from 'unpdf';

/** One line of a PDF page as read, and whether a paragraph gap (or a larger heading) comes before it. */
export interface PdfLine {
  text: string;
  gapBefore: boolean;
}

interface Row {
  y: number;
  size: number;
  items: StructuredTextItem[];
}

/** Baselines closer than this share of the font size are one line (superscripts, kerning splits). */
const SAME_LINE = 0.35;
/** A baseline step beyond this multiple of the page's usual step is a paragraph gap. */
const PARAGRAPH_GAP = 1.4;
/** Text this much larger than the page's body text is a heading, marked as markdown. */
const HEADING_SIZE = 1.2;

/** A page's text items as lines, top to bottom, with paragraph gaps and headings (`#`) recognised from the layout. */
export function pdfLines(items: readonly StructuredTextItem[]): PdfLine[] {
  const rows = toRows(items.filter((item) => item.str.trim() !== ''));
  const body = median(rows.map((row) => row.size));
  const step = median(rows.slice(1).map((row, i) => (rows[i]?.y ?? row.y) - row.y).filter((gap) => gap > 0));
  return rows.map((row, i) => {
    const previous = rows[i - 1];
    const heading = body > 0 && row.size >= body * HEADING_SIZE;
    const gap = previous !== undefined && step > 0 && previous.y - row.y > step * PARAGRAPH_GAP;
    const wasHeading = previous !== undefined && body > 0 && previous.size >= body * HEADING_SIZE;
    const text = rowText(row);
    return { text: heading ? `# ${text}` : text, gapBefore: gap || heading || wasHeading };
  });
}

function toRows(items: readonly StructuredTextItem[]): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const size = item.fontSize || item.height;
    const row = rows.find((candidate) => Math.abs(candidate.y - item.y) <= Math.max(candidate.size, size) * SAME_LINE);
    if (row) {
      row.items.push(item);
      row.size = Math.max(row.size, size);
    } else rows.push({ y: item.y, size, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows;
}

/** Items left to right, a space where the gap between two is wider than a fifth of the font size. */
function rowText(row: Row): string {
  const items = [...row.items].sort((a, b) => a.x - b.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const spaced = text !== '' && !/\s$/u.test(text) && !/^\s/u.test(item.str) && item.x - end > row.size * 0.2;
    text += (spaced ? ' ' : '') + item.str;
    end = item.x + item.width;
  }
  return text.replace(/\s+/gu, ' ').trim();
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
