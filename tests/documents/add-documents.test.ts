import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDocuments } from '../../src/documents/add-documents.js';
import { removeDocument } from '../../src/documents/remove-document.js';
import { answerToJson, isVerbatim, loadCore, type Core } from '../../src/index.js';
import { docPage } from '../../adapters/web/pages/doc-page.js';
import { STRINGS } from '../../adapters/web/pages/strings.js';
import { makeDocumentFiles, type DocumentFiles } from './documents-setup.js';

const normalized = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const snapshot = (dir: string): string[] => readdirSync(dir).sort().map((name) => `${name}:${readFileSync(join(dir, name)).toString('base64').slice(-40)}`);
const currentOf = (indexDir: string): string => readFileSync(join(indexDir, 'CURRENT'), 'utf8');

describe('documents added from real files', () => {
  let files: DocumentFiles;
  let indexDir: string;
  let core: Core;

  beforeAll(async () => {
    files = await makeDocumentFiles();
    indexDir = join(files.root, 'index');
    await addDocuments([files.pdf], { date: '2018', kind: 'déclaration bilatérale' }, files.seedsDir);
    await addDocuments([files.docx, files.html], { kind: 'déclaration' }, files.seedsDir);
    core = await loadCore({ seedsDir: files.seedsDir, indexDir });
  });

  it('keeps each original with its text beside it, and the metadata from the flags or the file', () => {
    expect(readdirSync(files.seedsDir).sort()).toEqual([
      '004_c3f6cb5d275c60c7.txt',
      'Feuille-de-route-Singapour.pdf',
      'Feuille-de-route-Singapour.pdf.txt',
      'feuille-inde.docx',
      'feuille-inde.docx.txt',
      'lettre-mission.html',
      'lettre-mission.html.txt',
      'metadata.json',
    ]);
    expect(readFileSync(join(files.seedsDir, 'Feuille-de-route-Singapour.pdf')).equals(readFileSync(files.pdf))).toBe(true);
    const byDoc = new Map(core.documents.map((meta) => [meta.doc, meta]));
    expect(byDoc.get('Feuille-de-route-Singapour.pdf')).toMatchObject({ title: 'Feuille de route franco-singapourienne sur le numérique', date: '2018', language: 'fr' });
    expect(byDoc.get('feuille-inde.docx')).toMatchObject({ title: 'Feuille de route franco-indienne', date: '2019-08-22', kind: 'déclaration' });
    expect(byDoc.get('lettre-mission.html')).toMatchObject({ date: '2019-06-03', language: 'fr' });
  });

  it('answers from the PDF, quoting its stored text verbatim and giving the page the quote is printed on', async () => {
    const answer = await core.ask("Quand a été signé l'accord de coopération entre les agences de cybersécurité de la France et de Singapour ?");
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    const citation = answer.citations.find((c) => c.doc === 'Feuille-de-route-Singapour.pdf');
    expect(citation?.quote).toMatch(/mai 2015/u);
    const stored = readFileSync(join(files.seedsDir, 'Feuille-de-route-Singapour.pdf.txt'), 'utf8').split('\n');
    expect(isVerbatim(stored, citation?.lines ?? [0, 0], citation?.quote ?? '')).toBe(true);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(files.pdf)));
    const { text: pages } = await extractText(pdf);
    const page = citation?.page ?? 0;
    expect(normalized(pages[page - 1] ?? '')).toContain(normalized(stored[(citation?.lines[0] ?? 1) - 1] ?? 'missing'));
    const json = answerToJson(answer).citations.find((c) => c.doc === citation?.doc);
    expect(json).toMatchObject({ page, title: 'Feuille de route franco-singapourienne sur le numérique' });
  });

  it('answers from the Word file (no page: it has none) and finds the web page', async () => {
    const answer = await core.ask("Combien d'euros par an la France et l'Inde mobiliseront-elles pour les bourses de recherche ?");
    expect(answer.kind).toBe('answered');
    const cited = answer.kind === 'answered' ? answer.citations : [];
    expect(cited.map((c) => c.doc)).toContain('feuille-inde.docx');
    expect(answerToJson(answer).citations.every((c) => !('page' in c))).toBe(true);
    const [hit] = await core.search("Forum pour la gouvernance de l'internet du 12 novembre 2018", { limit: 1 });
    expect(hit?.passage.doc).toBe('lettre-mission.html');
    expect(hit?.title).toBe("Lettre de mission de l'ambassadeur pour le numérique");
  });

  it('shows the page of each paragraph of the PDF in the source viewer', () => {
    const view = core.documentView('Feuille-de-route-Singapour.pdf');
    const pages = new Set(view?.blocks.flatMap((block) => ('page' in block && block.page ? [block.page] : [])));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    if (!view) return;
    const html = docPage(view, 'fr', STRINGS.fr, null);
    expect(html).toContain('<span class="page">p. 2</span>');
    expect(html).toContain('<h1>Feuille de route franco-singapourienne sur le numérique</h1>');
  });

  it('refuses a corrupt PDF in one line naming it, and changes neither the documents nor the index', async () => {
    const before = snapshot(files.seedsDir);
    const current = currentOf(indexDir);
    const cut = join(files.root, 'files', 'cut.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(cut, readFileSync(files.pdf).subarray(0, 3_000));
    await expect(addDocuments([cut], { date: '2020' }, files.seedsDir)).rejects.toThrow(
      /^Cannot add cut\.pdf: it is not a readable PDF \(damaged, truncated or not a PDF\)\. Nothing was changed\.$/u,
    );
    expect(snapshot(files.seedsDir)).toEqual(before);
    await loadCore({ seedsDir: files.seedsDir, indexDir, autoBuild: false });
    expect(currentOf(indexDir)).toBe(current);
  });

  it('refuses a second document of the same name, and one whose date is nowhere, naming the flag to give', async () => {
    await expect(addDocuments([files.html], {}, files.seedsDir)).rejects.toThrow(/already there \(remove it first: diplomate remove lettre-mission\.html\)/u);
    const { writeFileSync } = await import('node:fs');
    const note = join(files.root, 'files', 'note.md');
    writeFileSync(note, '# Note\n\nUne note sans date sur la coopération numérique entre la France et ses partenaires.\n');
    await expect(addDocuments([note], {}, files.seedsDir)).rejects.toThrow(/^Cannot add note\.md: the file does not say its date; give --date YYYY\[-MM\[-DD\]\]\. Nothing was changed\.$/u);
  });

  it('adding a document extends the published index: the LSA space and every indexed passage stay as they were', async () => {
    const build = (): string => join(indexDir, 'builds', currentOf(indexDir).trim());
    const before = { lsa: readFileSync(join(build(), 'lsa.bin')), passages: core.info.passages };
    const note = join(files.root, 'files', 'cables.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(note, '# Câbles sous-marins\n\nLa France et ses partenaires protègent les câbles sous-marins de télécommunication et leurs atterrages.\n');
    await addDocuments([note], { date: '2024', lang: 'fr' }, files.seedsDir);
    const steps = new Set<string>();
    const extended = await loadCore({ seedsDir: files.seedsDir, indexDir, onProgress: (step) => steps.add(step) });
    expect([...steps]).toEqual(['paragraphs (added)', 'lexical (BM25, added)', 'vectors (added)', 'writing', 'done']);
    expect(readFileSync(join(build(), 'lsa.bin')).equals(before.lsa)).toBe(true);
    expect(extended.info.passages).toBe(before.passages + 1);
    const [hit] = await extended.search('atterrages des câbles sous-marins', { limit: 1 });
    expect(hit?.passage.doc).toBe('cables.md');
    const old = await core.search("Forum pour la gouvernance de l'internet du 12 novembre 2018", { limit: 3 });
    const now = await extended.search("Forum pour la gouvernance de l'internet du 12 novembre 2018", { limit: 3 });
    expect(now.map((h) => h.passage.id)).toEqual(old.map((h) => h.passage.id));
  });

  it('removing the document added last shrinks the index back: same LSA space, same answers, nothing embedded or fitted', async () => {
    const build = (): string => join(indexDir, 'builds', currentOf(indexDir).trim());
    const lsa = readFileSync(join(build(), 'lsa.bin'));
    await removeDocument('cables.md', files.seedsDir);
    const steps = new Set<string>();
    const shrunk = await loadCore({ seedsDir: files.seedsDir, indexDir, onProgress: (step) => steps.add(step) });
    expect([...steps]).toEqual(['lexical (BM25, without the removed)', 'vectors (hnswlib, stored vectors)', 'writing', 'done']);
    expect(readFileSync(join(build(), 'lsa.bin')).equals(lsa)).toBe(true);
    expect(shrunk.info.passages).toBe(core.info.passages);
    const questions = ['atterrages des câbles sous-marins', 'Quand a eu lieu la visite à Singapour ?', 'Who is the ambassador for digital affairs?', 'bourses de recherche France Inde'];
    for (const question of questions) {
      // BM25's length statistics are summed in another order once a document is removed: scores agree to 1e-5.
      expect(scoresRounded(answerToJson(await shrunk.ask(question))), question).toEqual(scoresRounded(answerToJson(await core.ask(question))));
      const [after, before] = [await shrunk.search(question, { limit: 10 }), await core.search(question, { limit: 10 })];
      expect(after.map((hit) => hit.passage), question).toEqual(before.map((hit) => hit.passage));
      after.forEach((hit, i) => expect(hit.score, question).toBeCloseTo(before[i]?.score ?? NaN, 5));
    }
  });

  it('remove takes the document out of the folder and, once the index is updated, out of the answers', async () => {
    await expect(removeDocument('nothing.pdf', files.seedsDir)).rejects.toThrow(/^No document named nothing\.pdf \(see diplomate list\)/u);
    await removeDocument('feuille-inde.docx', files.seedsDir);
    expect(readdirSync(files.seedsDir)).not.toContain('feuille-inde.docx.txt');
    const steps = new Set<string>();
    const updated = await loadCore({ seedsDir: files.seedsDir, indexDir, onProgress: (step) => steps.add(step) });
    // A document added between others: the passages after it move up, their vectors with them, still not embedded again.
    expect(steps.has('vectors (hnswlib, stored vectors)')).toBe(true);
    expect(updated.info.passages).toBeLessThan(core.info.passages);
    const singapore = await updated.ask("Quand a été signé l'accord de coopération entre les agences de cybersécurité de la France et de Singapour ?");
    expect(singapore.kind === 'answered' && singapore.citations.map((c) => c.doc)).toContain('Feuille-de-route-Singapour.pdf');
    expect(updated.documents.map((meta) => meta.doc)).not.toContain('feuille-inde.docx');
    const hits = await updated.search("bourses de recherche France Inde", { limit: 10 });
    expect(hits.map((hit) => hit.passage.doc)).not.toContain('feuille-inde.docx');
  });
});

/** An answer's JSON with its passages' scores to four decimals, for answers whose scores differ in the last bits. */
function scoresRounded(json: ReturnType<typeof answerToJson>): unknown {
  return JSON.parse(JSON.stringify(json, (key, value: unknown) => (key === 'score' && typeof value === 'number' ? value.toFixed(4) : value)));
}
