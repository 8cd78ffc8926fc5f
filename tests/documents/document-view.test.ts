import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitDocument } from '../../src/ingest/split-document.js';
import type { Core, DocumentBlock } from '../../src/index.js';
import { getTestCore } from '../support/test-core.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let core: Core;
beforeAll(async () => {
  core = await getTestCore();
});

/** Every citable unit of a view: text blocks and table rows, with label and lines. */
function units(blocks: readonly DocumentBlock[]): { label: string; lines: [number, number] }[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'heading') return [];
    if (block.kind === 'table') return block.rows.map(({ label, lines }) => ({ label, lines }));
    return [{ label: block.label, lines: block.lines }];
  });
}

describe('document views', () => {
  it('holds exactly the paragraphs the index is built from, in source order, with their labels and lines', () => {
    for (const meta of core.documents) {
      const view = core.documentView(meta.doc);
      if (!view) throw new Error(`no view for ${meta.doc}`);
      const paragraphs = splitDocument(meta.doc, readFileSync(join(SEEDS, meta.doc), 'utf8'));
      expect(units(view.blocks)).toEqual(paragraphs.map(({ label, lines }) => ({ label, lines })));
      for (const block of view.blocks) {
        if (block.kind === 'paragraph' || block.kind === 'list-item') {
          expect(block.segments.map((segment) => segment.text).join('')).toBe(block.text);
          expect(block.segments.every(({ line }) => line >= block.lines[0] && line <= block.lines[1])).toBe(true);
        }
      }
      const starts = view.blocks.map((block) => block.lines[0]);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(view).toMatchObject({ title: meta.title, date: meta.date, language: 'fr' });
    }
  });

  it('gives headings their depth in the heading path, and keeps the split unchanged for other callers', () => {
    const view = core.documentView('004_c3f6cb5d275c60c7.txt');
    const heading = view?.blocks.find((block) => block.kind === 'heading' && block.text === 'LA CONVENTION DE BUDAPEST (2001)');
    expect(heading).toEqual({ kind: 'heading', depth: 4, text: 'LA CONVENTION DE BUDAPEST (2001)', lines: [601, 601] });
    const cited = view?.blocks.find((block) => block.kind === 'paragraph' && block.lines[0] === 602);
    expect(cited).toMatchObject({ section: [expect.stringMatching(/^1\. Promouvoir/u), '1.3 Renforcer la confiance sur Internet', 'Combattre à l’échelle internationale la cybercriminalité', 'La Convention de Budapest (2001)'] });
    for (const block of view?.blocks ?? []) if (block.kind === 'heading') expect(block.depth).toBeGreaterThanOrEqual(1);
  });

  it('gathers table rows under their caption and column names', () => {
    const view = core.documentView('002_b68b6197e0460cb7.txt');
    const table = view?.blocks.find((block) => block.kind === 'table' && block.rows.some((row) => row.lines[0] === 185));
    expect(table).toMatchObject({
      kind: 'table',
      caption: 'Actions menées pour approfondir notre dialogue bilatéral et multilatéral en matière de cybersécurité',
      header: ['Sujet', 'Action', 'Lieu', 'Date'],
      lines: [182, expect.any(Number)],
    });
    expect(table?.kind === 'table' ? table.rows[0] : null).toMatchObject({
      lines: [185, 185],
      cells: ['Gouvernance de l\'intelligence artificielle', 'Participation à la table ronde : Global Governance of AI', 'Dubaï', '9-19 février 2019'],
    });
  });

  it('every citation of an answer points inside a block of its document view', async () => {
    const answer = await core.ask("Combien d'États ont ratifié la Convention de Budapest ?");
    if (answer.kind !== 'answered') throw new Error('expected an answer');
    for (const citation of answer.citations) {
      const found = units(core.documentView(citation.doc)?.blocks ?? []).some(
        ({ lines }) => lines[0] <= citation.lines[0] && citation.lines[1] <= lines[1],
      );
      expect(found, `${citation.doc} ${citation.lines.join('-')}`).toBe(true);
    }
  });

  it('is null for an unknown document and built once per document', () => {
    expect(core.documentView('nope.txt')).toBeNull();
    expect(core.documentView('../package.json')).toBeNull();
    expect(core.documentView('000_adb6d1e7b0eb011b.txt')).toBe(core.documentView('000_adb6d1e7b0eb011b.txt'));
  });
});
