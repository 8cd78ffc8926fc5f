import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/formats/extract-document.js';
import { htmlPage, printPdf, seedBlocks, wordFile } from '../fixtures/docs/make-documents.js';

const dir = mkdtempSync(join(tmpdir(), 'diplomate-formats-'));
const words = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const refusal = (path: string): Promise<string> =>
  extractDocument(path).then(
    () => 'accepted',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

describe('document formats', () => {
  const blocks = seedBlocks('000_adb6d1e7b0eb011b.txt');
  let pdf = '';
  beforeAll(() => {
    pdf = printPdf(htmlPage('Feuille de route franco-singapourienne', blocks), dir, 'feuille.pdf');
  });

  it('a PDF printed by Chromium: every paragraph in order, printed lines kept, the start of each page', async () => {
    const { extracted } = await extractDocument(pdf);
    expect(extracted.metadata).toMatchObject({ title: 'Feuille de route franco-singapourienne', language: 'fr' });
    const pages = extracted.pages ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toBe(1);
    const text = words(extracted.text);
    let from = 0;
    for (const block of blocks) {
      const at = text.indexOf(words(block.text).slice(0, 60), from);
      expect(at, block.text.slice(0, 60)).toBeGreaterThanOrEqual(from);
      from = at;
    }
    const lines = extracted.text.split('\n');
    // Printed lines stay lines (a line starting with a year is joined to the one before it, see pdf-text.ts).
    expect(lines.filter((line) => line.length > 120).length).toBeLessThan(lines.length / 20);
    expect(lines[(pages[1] ?? 1) - 1]?.trim()).not.toBe('');
  });

  it('an HTML page: its <title>, date and language, headings as # lines, navigation and footer left out', async () => {
    const html = htmlPage('Déclaration', [{ heading: 'Cybersécurité', text: 'Les deux parties coopèrent.' }], '<meta name="date" content="2024-05-13">');
    writeFileSync(join(dir, 'page.html'), html);
    const { extracted } = await extractDocument(join(dir, 'page.html'));
    expect(extracted.metadata).toEqual({ title: 'Déclaration', date: '2024-05-13', language: 'fr' });
    expect(extracted.text).toBe('# Déclaration\n\n## Cybersécurité\n\nLes deux parties coopèrent.\n');
  });

  it('a Word file: headings and paragraphs, title and date from its core properties', async () => {
    writeFileSync(join(dir, 'lettre.docx'), await wordFile('Lettre', [{ heading: 'Objet', text: 'Vous serez chargé du numérique.' }], '2019-06-03T00:00:00Z'));
    const { extracted } = await extractDocument(join(dir, 'lettre.docx'));
    expect(extracted.metadata).toEqual({ title: 'Lettre', date: '2019-06-03T00:00:00Z', language: 'fr-FR' });
    expect(extracted.text).toBe('# Lettre\n\n## Objet\n\nVous serez chargé du numérique.\n');
  });

  it.each([
    ['a truncated PDF', 'cut.pdf', () => readFileSync(pdf).subarray(0, 2_000), /not a readable PDF/u],
    ['a text file named .pdf', 'fake.pdf', () => Buffer.from('hello'), /not a readable PDF/u],
    ['an empty file', 'empty.html', () => Buffer.alloc(0), /empty/u],
    ['an HTML page with no words', 'blank.html', () => Buffer.from('<html><body><img src="x.png"></body></html>'), /no text/u],
    ['a zip that is not a Word file', 'other.docx', () => Buffer.from('PK\u0003\u0004 broken'), /not a readable Word file/u],
    ['binary bytes named .txt', 'binary.txt', () => Buffer.from([0x41, 0x00, 0xff]), /binary/u],
    ['Latin-1 text', 'latin.txt', () => Buffer.from([0x63, 0x61, 0x66, 0xe9]), /not UTF-8/u],
    ['an unsupported format', 'notes.rtf', () => Buffer.from('{\\rtf1 hello}'), /unsupported format \.rtf/u],
  ])('%s is refused with its reason', async (_, name, bytes, reason) => {
    writeFileSync(join(dir, name), bytes());
    expect(await refusal(join(dir, name))).toMatch(reason);
  });

  it('an image-only PDF (a scan) is refused: it has no text layer', async () => {
    const scan = printPdf('<html><body><svg width="400" height="300"><rect width="400" height="300" fill="#888"/></svg></body></html>', dir, 'scan.pdf');
    expect(await refusal(scan)).toMatch(/no text layer.*OCR/u);
  });
});
