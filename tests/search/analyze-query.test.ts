import { describe, expect, it } from 'vitest';
import { lexiconPath } from '../../src/paths.js';
import { analyzeQuery, detectLanguage } from '../../src/search/analyze-query.js';
import { frenchTerm } from '../../src/search/analyzer.js';
import { loadLexicon } from '../../src/search/lexicon.js';

const lexicon = loadLexicon(lexiconPath());

describe('analyzeQuery with the committed lexicon', () => {
  it('translates English words into the French terms of the documents', () => {
    const query = analyzeQuery('Which countries signed the treaty?', lexicon);
    expect(query.lang).toBe('en');
    expect(query.groups.some((group) => group.includes(frenchTerm('convention')))).toBe(true);
  });

  it('lets a glossary phrase answer for the English words it renders, in one group', () => {
    const query = analyzeQuery('When was the roadmap with India adopted?', lexicon);
    const roadmap = query.groups.filter((group) => group.includes('roadmap'));
    expect(roadmap).toHaveLength(1);
    expect(roadmap[0]?.[0]).toBe('roadmap');
    expect(roadmap[0]).toEqual(expect.arrayContaining([frenchTerm('feuille'), frenchTerm('route')]));
  });

  it('matches a glossary phrase whether the question hyphenates it or not', () => {
    for (const question of ['How does France fight fake news?', 'How does France fight fake-news?']) {
      const query = analyzeQuery(question, lexicon);
      expect(query.terms.get(frenchTerm('fausses'))).toBe(1);
    }
  });

  it('ranks a French question with thesaurus synonyms, without counting them as covering its words', () => {
    const query = analyzeQuery('Quel accord la France a-t-elle signé ?', lexicon);
    expect(query.terms.get(frenchTerm('convention'))).toBe(0.2);
    expect(query.groups.flat()).not.toContain(frenchTerm('convention'));
  });

  it('renders a word no dictionary has by the domain thesaurus, not by a word sharing its stem', () => {
    // FreeDict has "research" but not "researcher": the English stem would make researchers "recherche".
    const query = analyzeQuery('How many researchers work on cyber strategy?', lexicon);
    const researchers = query.groups.find((group) => group[0] === frenchTerm('researchers'));
    expect(researchers).toContain(frenchTerm('chercheurs'));
    expect(researchers).not.toContain(frenchTerm('recherche'));
  });

  it('maps an irregular English form through its base word', () => {
    const query = analyzeQuery('Whom did the ambassador meet, and who met him?', lexicon);
    const met = query.groups.find((group) => group[0] === frenchTerm('met'));
    expect(met).toEqual(expect.arrayContaining([frenchTerm('rencontre')]));
  });
});

describe('English words the documents never speak of', () => {
  it('are told from dictionary gaps: the dictionary renders them only in words absent from the seeds', () => {
    const query = analyzeQuery('How do I grow tomatoes in winter?', lexicon);
    expect([...query.absent]).toEqual(expect.arrayContaining([frenchTerm('tomatoes'), frenchTerm('winter')]));
    expect(query.absent.has(frenchTerm('grow'))).toBe(false);
  });

  it('include another form of such a word, matched by its stem as the dictionary is', () => {
    const query = analyzeQuery("What is France's position on whaling?", lexicon);
    expect(query.absent.has(frenchTerm('whaling'))).toBe(true);
    expect(query.absent.has(frenchTerm('position'))).toBe(false);
  });

  it('never include a verb form, a word the documents use, or a word of a French question', () => {
    expect(analyzeQuery('Which city hosted the Internet Governance Forum?', lexicon).absent.size).toBe(0);
    expect(analyzeQuery('What does the strategy say about blockchain and the cloud?', lexicon).absent.size).toBe(0);
    expect(analyzeQuery('Quel est le prix des tomates ?', lexicon).absent.size).toBe(0);
  });
});

describe('the question\'s language', () => {
  it('counts a question word for its own language only, and an English possessive as English', () => {
    expect(detectLanguage("What is France's position on Facebook's Libra project?")).toBe('en');
    expect(detectLanguage('What about the Paris Call?')).toBe('en');
    expect(detectLanguage('Quelle est la position de la France sur le chiffrement ?')).toBe('fr');
    expect(detectLanguage("Qu'en est-il de l'Appel de Paris ?")).toBe('fr');
  });

  it('reads no function word into an acronym, unless the whole question is in capitals', () => {
    expect(detectLanguage('Franco-Indian AI research consortium yearly funding')).toBe('en');
    expect(detectLanguage("L'IA et la France")).toBe('fr');
    expect(detectLanguage('OU EST LE BUDGET ?')).toBe('fr');
  });
});
