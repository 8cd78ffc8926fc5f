import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVerbatim } from '../../src/answer/verify-quote.js';
import { markDuplicates } from '../../src/ingest/mark-duplicates.js';
import { splitDocument } from '../../src/ingest/split-document.js';
import type { Paragraph } from '../../src/types.js';

const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');
const seedNames = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
const read = (doc: string) => readFileSync(join(seedsDir, doc), 'utf8');
const split = (doc: string) => splitDocument(doc, read(doc));
const find = (paragraphs: Paragraph[], words: string) => {
  const found = paragraphs.find((p) => p.text.includes(words));
  if (!found) throw new Error(`no paragraph contains "${words}"`);
  return found;
};

describe('splitDocument on the real seeds', () => {
  it.each(seedNames)('%s: every paragraph is verbatim over its own line range', (doc) => {
    const lines = read(doc).split('\n');
    const paragraphs = split(doc);
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const paragraph of paragraphs) {
      expect(isVerbatim(lines, paragraph.lines, paragraph.text), paragraph.id).toBe(true);
    }
  });

  it('000: numbered and lettered paragraphs get § labels and exact lines', () => {
    const paragraphs = split('000_adb6d1e7b0eb011b.txt');
    expect(paragraphs.map((p) => p.label)).toEqual([
      '§1', '§2', '§3', '§4', '§4.a', '§4.b', '§4.c', '§4.d', '§4.e', '§4.f', '§4.g', '§4.h', '§5',
    ]);
    expect(find(paragraphs, 'Leurs agences de cybersécurité').lines).toEqual([35, 49]);
  });

  it('001: a blank line after every wrapped line does not end the paragraph; headings do', () => {
    const paragraphs = split('001_d31d5ff027f99deb.txt');
    const first = find(paragraphs, 'entendent faire du numérique');
    expect(first.lines).toEqual([9, 13]);
    expect(first.text).toContain('réduire la fracture numérique.');
    const quantum = find(paragraphs, 'informatique quantique à Pune');
    expect(quantum.section).toEqual(['Supercalcul, informatique quantique']);
    expect(find(paragraphs, 'contenus terroristes et').section).toEqual([
      'Lutte contre les contenus terroristes, extrémistes violents et haineux en ligne',
    ]);
  });

  it('002: markdown headings, bold and footnote calls are cleaned; table rows stay findable', () => {
    const paragraphs = split('002_b68b6197e0460cb7.txt');
    const japan = find(paragraphs, 'Dialogue stratégique cyber avec le Japon');
    expect(japan.kind).toBe('table-row');
    expect(japan.lines[0]).toBe(japan.lines[1]);
    expect(japan.text).toContain('Rennes | 12 juillet 2019');
    expect(japan.context).toContain('Lieu : Rennes');
    expect(japan.context).toContain('Négociations bilatérales / dialogues stratégiques');
    const encyclopedia = find(paragraphs, 'encyclopédie collaborative');
    expect(encyclopedia.text).not.toMatch(/\*|<sup>/u);
    expect(find(paragraphs, 'quatre enjeux suivants').section).toEqual(['I / Lettre de mission']);
  });

  it('004: PDF hyphenation is undone and numbered headings nest', () => {
    const paragraphs = split('004_c3f6cb5d275c60c7.txt');
    const budapest = find(paragraphs, 'ratifiée par 56 États');
    expect(budapest.section).toContain('1.3 Renforcer la confiance sur Internet');
    expect(budapest.section[0]).toMatch(/^1\. Promouvoir un monde numérique ouvert/u);
    const principles = find(paragraphs, 'liberté d’accès garantie par une architecture décentralisée');
    expect(principles.text).toContain('Ces principes');
    expect(principles.text).not.toContain('prin-');
  });

  it('004: a heading wrapped onto a lower-case second line keeps it, and the paragraph below starts clean', () => {
    const paragraphs = split('004_c3f6cb5d275c60c7.txt');
    const first = find(paragraphs, 'La confiance des utilisateurs nécessite un haut niveau de sécurité');
    expect(first.text.startsWith('La confiance')).toBe(true);
    expect(first.section.at(-1)).toBe('2.3. Renforcer la sécurité et l’autonomie stratégique européennes dans le monde numérique');
    expect(read('004_c3f6cb5d275c60c7.txt').split('\n')[first.lines[0] - 1]).toContain('La confiance');
  });


  it('004: a title standing alone between blank lines heads what follows, and ends the box above it', () => {
    const paragraphs = split('004_c3f6cb5d275c60c7.txt');
    const encryption = find(paragraphs, 'culture du chiffrement en Europe');
    expect(encryption.section.at(-1)).toBe('Promouvoir auprès des citoyens une culture du chiffrement');
    expect(encryption.section).toContain('1.3 Renforcer la confiance sur Internet');
    expect(encryption.section).not.toContain('La Convention de Budapest (2001)');
    expect(encryption.label).toBe('Promouvoir auprès des citoyens une culture du chiffrement, ¶1');
    const openData = find(paragraphs, 'ouverture des données publiques est un moyen');
    expect(openData.section.at(-1)).toBe('Soutenir au plan international une approche innovante en matière d’ouverture des données publiques');
    const pageBreak = find(paragraphs, 'Dans le demi-siècle à venir');
    expect(pageBreak.text).toContain('vraisemblablement des conséquences');
  });

  it('in running text, a date or a signature on a line of its own stays text; a short title heads what follows', () => {
    const letter = [
      'La révolution numérique a ouvert une nouvelle dimension',
      'des relations internationales, que la France entend',
      'accompagner par une diplomatie active.',
      '',
      'Paris, le 3 juin 2019',
      '',
      'Je vous prie de croire, Monsieur l’Ambassadeur,',
      'à l’assurance de mes sentiments les meilleurs.',
      '',
      'Jean-Yves LE DRIAN',
      '',
      'Promouvoir une culture du chiffrement',
      '',
      'Le ministère s’engagera pour la généralisation',
      'du chiffrement en Europe.',
    ].join('\n');
    const paragraphs = splitDocument('letter.txt', letter);
    expect(paragraphs.map((p) => p.lines)).toEqual([[1, 3], [5, 5], [7, 8], [10, 10], [14, 15]]);
    expect(paragraphs.at(-1)?.section).toEqual(['Promouvoir une culture du chiffrement']);
  });

  it('003 repeats 002: the repeated paragraphs are marked as duplicates of the first copy', () => {
    const paragraphs = markDuplicates([...split('002_b68b6197e0460cb7.txt'), ...split('003_993ba010333bd587.txt')]);
    const copy = paragraphs.find((p) => p.doc.startsWith('003') && p.text.startsWith('Le cyberspace doit donc être protégé'));
    expect(copy?.duplicateOf).toMatch(/^002_b68b6197e0460cb7\.txt#/u);
    const original = paragraphs.find((p) => p.id === copy?.duplicateOf);
    expect(original?.duplicateOf).toBeUndefined();
  });
});
