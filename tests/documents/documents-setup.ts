import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlPage, printPdf, seedBlocks, wordFile } from '../fixtures/docs/make-documents.js';

const seeds = join(import.meta.dirname, '..', '..', 'seeds');

/** Real files made from seeds left out of a documents folder, so what they say is found only in the added files. */
export interface DocumentFiles {
  root: string;
  /** A documents folder holding seed 004 alone. */
  seedsDir: string;
  /** Seed 000 as a web page printed to PDF by Chromium. */
  pdf: string;
  /** Seed 001 as a Word file (title and date in its core properties). */
  docx: string;
  /** Seed 003 as a web page (title, date and language in its head). */
  html: string;
}

export async function makeDocumentFiles(): Promise<DocumentFiles> {
  const root = mkdtempSync(join(tmpdir(), 'diplomate-documents-'));
  const seedsDir = join(root, 'seeds');
  const files = join(root, 'files');
  mkdirSync(seedsDir);
  mkdirSync(files);
  const kept = '004_c3f6cb5d275c60c7.txt';
  copyFileSync(join(seeds, kept), join(seedsDir, kept));
  const metadata = JSON.parse(readFileSync(join(seeds, 'metadata.json'), 'utf8')) as { documents: { doc: string }[] };
  writeFileSync(join(seedsDir, 'metadata.json'), JSON.stringify({ ...metadata, documents: metadata.documents.filter((d) => d.doc === kept) }, null, 2));
  const pdf = printPdf(htmlPage('Feuille de route franco-singapourienne sur le numérique', seedBlocks('000_adb6d1e7b0eb011b.txt')), files, 'Feuille de route Singapour.pdf');
  const docx = join(files, 'feuille-inde.docx');
  writeFileSync(docx, await wordFile('Feuille de route franco-indienne', seedBlocks('001_d31d5ff027f99deb.txt'), '2019-08-22T10:00:00Z'));
  const html = join(files, 'lettre-mission.html');
  writeFileSync(html, htmlPage("Lettre de mission de l'ambassadeur pour le numérique", seedBlocks('003_993ba010333bd587.txt'), '<meta name="date" content="2019-06-03">'));
  return { root, seedsDir, pdf, docx, html };
}
