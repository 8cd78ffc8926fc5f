import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/search/phrase-matcher.js';

const matcher = new PhraseMatcher(
  [
    { phrase: 'data centre', value: 'centres de données' },
    { phrase: 'fake-news', value: 'manipulation de l’information' },
    { phrase: 'wrc', value: 'CMR' },
    { phrase: 'cité-état', value: 'Singapour' },
  ],
  's|es',
);
const found = (text: string) => matcher.matches(text).map((match) => match.value);

describe('PhraseMatcher', () => {
  it('matches whole runs of words, the last one also in the plural', () => {
    expect(found('where are the data centres?')).toEqual(['centres de données']);
    expect(found('big data centre plans')).toEqual(['centres de données']);
    expect(found('data centrer')).toEqual([]);
    expect(found('the data are centred')).toEqual([]);
  });

  it('takes a hyphen and a space alike, and finds several phrases in the order given', () => {
    expect(found('fake news at the wrc')).toEqual(['manipulation de l’information', 'CMR']);
    expect(found('la cité état')).toEqual(['Singapour']);
  });

  it('never matches inside a word', () => {
    expect(found('wrcs and awrc')).toEqual(['CMR']);
    expect(found('awrc')).toEqual([]);
  });
});
