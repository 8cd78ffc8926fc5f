import { describe, expect, it } from 'vitest';
import { emptyLexicon } from '../../src/search/lexicon.js';
import { analyzeQuery } from '../../src/search/analyze-query.js';
import { readIntent, typedWord } from '../../src/search/question-intent.js';

describe('the question read once (readIntent)', () => {
  it('holds the answer type, the counted word, the names, years, ranks and numbers it gives', () => {
    const intent = readIntent('Combien de French Tech Visa la France a-t-elle délivrés à Singapour en 2019, lors du 3e forum ?');
    expect(intent.answerType).toBe('amount');
    expect(intent.counted).toBe('Visa');
    expect(intent.asksWho).toBe(false);
    expect([...intent.names.values()]).toEqual(expect.arrayContaining(['French', 'Tech', 'Visa', 'France', 'Singapour']));
    expect([...intent.names.values()]).not.toContain('Combien');
    expect([...intent.years]).toEqual(['2019']);
    expect([...intent.ranks]).toEqual(['3']);
    expect(intent.numbers.has('2019')).toBe(true);
  });

  it('pins a numbered name to its number, shown as typed, and takes no decade for a year', () => {
    const intent = readIntent('Qu’a décidé la CMR-19 sur la 5G, et la WRC-23 ?');
    expect([...intent.years]).toEqual(['19', '23']);
    expect(typedWord(intent, '19')).toBe('CMR-19');
    expect([...readIntent('Which mid-2000s treaty does France cite?').years]).toEqual([]);
  });

  it('takes no point of the compass for a name: "West African", "Southeast Asian"', () => {
    const names = [...readIntent('Which West African and Southeast Asian partners joined Senegal?').names.values()];
    expect(names).toEqual(expect.arrayContaining(['African', 'Asian', 'Senegal']));
    expect(names).not.toContain('West');
    expect(names).not.toContain('Southeast');
  });

  it('tells who-questions and dates, and nothing for a plain question', () => {
    expect(readIntent('Who signed the mission letter?')).toMatchObject({ asksWho: true, answerType: null, counted: null });
    expect(readIntent('Quand le dialogue a-t-il eu lieu ?').answerType).toBe('date');
    expect(readIntent('Quelle est la position de la France sur le chiffrement ?')).toMatchObject({ answerType: null, asksWho: false });
  });

  it('holds the noun a "which X" asks for, never the verb of "what is" or "quelle est"', () => {
    expect(readIntent('Which city hosted the 2019 Internet Governance Forum?').askedFor).toBe('city');
    expect(readIntent('Quels partenariats la France a-t-elle noués ?').askedFor).toBe('partenariats');
    expect(readIntent('Quelle est la position de la France sur le chiffrement ?').askedFor).toBeNull();
    expect(readIntent('What did France sign in 2019?').askedFor).toBeNull();
    expect(readIntent('Who signed the mission letter?').askedFor).toBeNull();
  });

  it('holds the word naming the kind of statement asked for, a position or a view, in either language', () => {
    expect(readIntent("What is France's position on encryption?").statementKind).toBe('position');
    expect(readIntent('Quel est l’avis de la France sur la neutralité du net ?').statementKind).toBe('avis');
    expect(readIntent('What are the French views on internet governance?').statementKind).toBe('views');
    expect(readIntent('Who signed the mission letter?').statementKind).toBeNull();
    expect(readIntent('Which positioning does France take?').statementKind).toBeNull();
  });

  it('is part of the analysed query, and gives back a term as the user typed it', () => {
    const query = analyzeQuery('Que prévoit la feuille de route franco-singapouriennes ?', emptyLexicon);
    expect(query.intent.answerType).toBeNull();
    const term = query.groups.flat().find((t) => t.startsWith('singapour')) ?? '';
    expect(typedWord(query.intent, term)).toBe('singapouriennes');
    expect(typedWord(readIntent('StationF French Tech'), 'stationf')).toBe('StationF');
  });
});
