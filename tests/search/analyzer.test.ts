import { describe, expect, it } from 'vitest';
import { analyzeFrench, frenchTerm, ordinalsIn, words } from '../../src/search/analyzer.js';

describe('the French analyser', () => {
  it('drops elisions and stop words, stems and folds accents', () => {
    expect(analyzeFrench("l'Agence nationale de la sécurité des systèmes d'information")).toEqual(
      ['agenc', 'national', 'securit', 'system', 'inform'].map((term) => frenchTerm(term)),
    );
    expect(frenchTerm('États')).toBe(frenchTerm('etats'));
  });

  it('stems a word typed or set in capitals without accents like the accented word', () => {
    for (const [plain, accented] of [
      ['securite', 'sécurité'],
      ['CYBERSECURITE', 'cybersécurité'],
      ['donnees', 'données'],
      ['priorites', 'priorités'],
    ]) {
      expect(frenchTerm(plain ?? '')).toBe(frenchTerm(accented ?? ''));
    }
    expect(frenchTerm('site')).toBe(frenchTerm('sites'));
  });

  it('indexes an ordinal as its number, in either language', () => {
    expect(words('le 64ème forum, la 3 ème réunion, le 1er juin, the 64th forum, 27e sommet')).toEqual([
      'le', '64', 'forum', 'la', '3', 'ème', 'réunion', 'le', '1', 'juin', 'the', '64', 'forum', '27', 'sommet',
    ]);
  });

  it('reads the ranks a text states, spelt or in figures, not the other numbers', () => {
    expect([...ordinalsIn('la troisième édition, le 64<sup>ème</sup> forum, la 3 ème réunion, le 3 octobre')]).toEqual([
      '3',
      '64',
    ]);
    expect([...ordinalsIn('the fifth meeting and the 2nd forum, 12 states')]).toEqual(['5', '2']);
    expect([...ordinalsIn('When was the first dialogue held? Où se tient la première réunion ?')]).toEqual(['1']);
    expect([...ordinalsIn('Americans get their news first; why in the first place, for the first time?')]).toEqual([]);
  });

  it('keeps numbers that are not ordinals whole', () => {
    expect(words('2019 G7 56 États')).toEqual(['2019', 'g7', '56', 'états']);
  });
});
