import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCore } from '../../src/index.js';
import { runCli } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'diplomate-documents-cli-'));
const seedsDir = join(work, 'seeds');
// Two short seeds: each index update here is then a matter of a second, and the CLI wiring is what is under test.
const kept = ['000_adb6d1e7b0eb011b.txt', '003_993ba010333bd587.txt'];
const seeds = join(import.meta.dirname, '..', '..', 'seeds');
mkdirSync(seedsDir);
for (const doc of kept) cpSync(join(seeds, doc), join(seedsDir, doc));
const metadata = JSON.parse(readFileSync(join(seeds, 'metadata.json'), 'utf8')) as { documents: { doc: string }[] };
writeFileSync(join(seedsDir, 'metadata.json'), JSON.stringify({ documents: metadata.documents.filter((d) => kept.includes(d.doc)) }));
const indexDir = join(work, 'index');
const cli = (args: string[]) => runCli([...args, '--seeds-dir', seedsDir], { indexDir });

const note = join(work, 'Note de cadrage.md');
writeFileSync(
  note,
  '# Note de cadrage sur les câbles sous-marins\n\nLa France soutient la protection des câbles sous-marins de télécommunication et la résilience de leurs atterrages.\n',
);

describe('diplomate add / list / remove', () => {
  it('add stores the file under a safe name, updates the index, and the new document answers', async () => {
    const added = await cli(['add', note, '--date', '2024-03', '--kind', 'note']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('added Note-de-cadrage.md: "Note de cadrage sur les câbles sous-marins" (2024-03, fr, note)');
    expect(added.stderr).toMatch(/index updated in .* \(3 documents, \d+ passages; \d+ ms\)/u);
    const core = await loadCore({ seedsDir, indexDir, autoBuild: false });
    const [hit] = await core.search('atterrages des câbles sous-marins', { limit: 1 });
    expect(hit).toMatchObject({ title: 'Note de cadrage sur les câbles sous-marins', passage: { doc: 'Note-de-cadrage.md', lines: [3, 3] } });
    expect((await cli(['list'])).stdout).toMatch(/^Note-de-cadrage\.md\s+2024-03\s+fr\s+Note de cadrage sur les câbles sous-marins \(note\)$/mu);
  });

  it('refuses bad input in one line each, naming the file or the flag, and exits non-zero', async () => {
    const before = readdirSync(seedsDir).sort();
    const broken = join(work, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\n1 0 obj << /Type /Catalog >>\n');
    const refused = await cli(['add', broken, join(work, 'missing.docx')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'diplomate: Cannot add broken.pdf: it is not a readable PDF (damaged, truncated or not a PDF).',
      'diplomate: Cannot add missing.docx: no such file.',
      'diplomate: No file was added; the documents and the index are unchanged.',
    ]);
    const flags = await cli(['add', note, '--lang', 'de', '--date', '2024-13-01']);
    expect(flags.code).toBe(1);
    expect(flags.stderr.trim()).toBe('diplomate: --date 2024-13-01 is not a date (YYYY, YYYY-MM or YYYY-MM-DD); --lang de is not fr or en.');
    expect(readdirSync(seedsDir).sort()).toEqual(before);
  });

  it('remove takes the document out and updates the index', async () => {
    const removed = await cli(['remove', 'Note-de-cadrage.md']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toMatch(/index updated in .* \(2 documents/u);
    expect(readdirSync(seedsDir)).not.toContain('Note-de-cadrage.md');
    const core = await loadCore({ seedsDir, indexDir, autoBuild: false });
    const hits = await core.search('atterrages des câbles sous-marins', { limit: 3 });
    expect(hits.map((hit) => hit.passage.doc)).not.toContain('Note-de-cadrage.md');
  });
});
