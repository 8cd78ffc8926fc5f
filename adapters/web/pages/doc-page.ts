import type { DocumentBlock, DocumentView, TableBlock, TextBlock } from '../../../src/index.js';
import { escapeHtml, layout, lineLabel } from './html.js';
import type { Strings, UiLang } from './strings.js';

/** A line range to highlight, from `?hl=` (the fragment is handled in the browser by assets/doc.js). */
export type LineRange = readonly [number, number];

const anchor = (lines: LineRange): string => `L${lines[0]}-L${lines[1]}`;
const intersects = (a: LineRange, b: LineRange | null): boolean => b !== null && a[0] <= b[1] && b[0] <= a[1];

/** Attributes every citable block carries: fragment id, line range for the script, focus target, highlight. */
function blockAttrs(classes: string, lines: LineRange, hl: LineRange | null): string {
  const cited = intersects(lines, hl);
  return `id="${anchor(lines)}" class="${classes}${cited ? ' cited' : ''}" data-lines="${lines[0]}-${lines[1]}" tabindex="-1"${
    cited ? ' aria-current="location"' : ''
  }`;
}

function meta(block: TextBlock): string {
  const path = block.section.length ? `<span class="path">${escapeHtml(block.section.join(' › '))}</span>` : '';
  // "p. 3" reads the same in French and English.
  const page = block.page === undefined ? '' : `<span class="page">p. ${block.page}</span>`;
  return `<p class="meta">${path}<span class="label">${escapeHtml(block.label)}</span>${page}<span class="lines">${lineLabel(block.lines)}</span></p>`;
}

/** The text, one span per source line, so the exact cited lines of a long paragraph stand out. */
function lineSpans(block: TextBlock, hl: LineRange | null): string {
  return block.segments
    .map(({ line, text }) => {
      const hit = hl !== null && hl[0] <= line && line <= hl[1];
      return `<span class="ln${hit ? ' hit' : ''}" data-line="${line}">${escapeHtml(text)}</span>`;
    })
    .join('');
}

function textBlock(block: TextBlock, hl: LineRange | null): string {
  const tag = block.kind === 'list-item' ? 'li' : 'div';
  return `<${tag} ${blockAttrs(`block ${block.kind}`, block.lines, hl)}>${meta(block)}<p class="text">${lineSpans(block, hl)}</p></${tag}>`;
}

function tableBlock(block: TableBlock, hl: LineRange | null): string {
  const width = Math.max(block.header.length, ...block.rows.map((row) => row.cells.length));
  const pad = (cells: readonly string[]): string[] => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  const caption = block.caption || block.section[block.section.length - 1] || '';
  const head = block.header.length
    ? `<thead><tr>${pad(block.header).map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}<th scope="col" class="lines"></th></tr></thead>`
    : '';
  const rows = block.rows
    .map((row) => {
      const cells = pad(row.cells).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('');
      return `<tr ${blockAttrs('block table-row', row.lines, hl)} title="${escapeHtml(row.label)}">${cells}<td class="lines">${lineLabel(row.lines)}</td></tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)} <span class="lines">${lineLabel(block.lines)}</span></caption>${head}<tbody>${rows}</tbody></table></div>`;
}

/** Renders blocks in order; consecutive list items share one `<ul>`. */
function blocksHtml(blocks: readonly DocumentBlock[], hl: LineRange | null): string {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (block.kind !== 'list-item' && inList) out.push('</ul>');
    if (block.kind === 'list-item' && !inList) out.push('<ul class="items">');
    inList = block.kind === 'list-item';
    if (block.kind === 'heading') {
      const level = Math.min(block.depth + 1, 6);
      out.push(`<h${level} id="${anchor(block.lines)}" class="heading">${escapeHtml(block.text)}</h${level}>`);
    } else if (block.kind === 'table') out.push(tableBlock(block, hl));
    else out.push(textBlock(block, hl));
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

/** `/doc/<seed file>`: the whole document, every citable block addressable by `#L<start>-L<end>`. */
export function docPage(view: DocumentView, lang: UiLang, s: Strings, hl: LineRange | null, canonical?: string): string {
  const body = `<header class="site"><p class="brand"><a href="/">diplomate</a></p><nav><a href="/">${escapeHtml(s.back)}</a></nav></header>
<main id="main" class="doc">
<header class="doc-head" lang="${escapeHtml(view.language)}">
<h1>${escapeHtml(view.title)}</h1>
<p class="doc-meta"><time>${escapeHtml(view.date)}</time> · <code>${escapeHtml(view.doc)}</code> · ${view.lineCount} ${escapeHtml(s.lines)}</p>
</header>
<p id="hl-status" class="status" role="status" aria-live="polite" data-label="${escapeHtml(s.highlighted)}"></p>
<article class="document" lang="${escapeHtml(view.language)}">
${blocksHtml(view.blocks, hl)}
</article>
</main>`;
  return layout({ lang, title: `${view.title} — diplomate`, body, script: 'doc.js', skipLabel: s.skip, canonical });
}

/** The 404 page for an unknown document. */
export function notFoundPage(lang: UiLang, s: Strings): string {
  const body = `<main id="main"><h1>${escapeHtml(s.notFound)}</h1><p>${escapeHtml(s.notFoundText)}</p><p><a href="/">${escapeHtml(s.back)}</a></p></main>`;
  return layout({ lang, title: `${s.notFound} — diplomate`, body, skipLabel: s.skip });
}
