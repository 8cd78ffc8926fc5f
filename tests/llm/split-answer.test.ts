import { describe, expect, it } from 'vitest';
import { splitAnswer } from '../../src/llm/split-answer.js';

describe('splitAnswer', () => {
  it('reads markers in every written form and keeps each sentence with its own', () => {
    const sentences = splitAnswer('La France soutient la Convention [1]. Elle agit aussi [2][3]. Enfin, elle coopère [1, 4].', 'fr');
    expect(sentences.map((s) => s.refs)).toEqual([[1], [2, 3], [1, 4]]);
  });

  it('moves a marker written after the full stop back onto the sentence it closes', () => {
    const sentences = splitAnswer('La France soutient la Convention. [1] Elle agit aussi. [2]', 'fr');
    expect(sentences.map((s) => s.refs)).toEqual([[1], [2]]);
    expect(sentences[1]?.text).toBe('Elle agit aussi. [2]');
  });

  it('keeps a quotation holding full stops in one sentence and extracts it', () => {
    const sentences = splitAnswer('Le texte dit : « Premier point. Second point. » [1] Puis il conclut [2].', 'fr');
    expect(sentences).toHaveLength(2);
    expect(sentences[0]?.quotes).toEqual(['Premier point. Second point.']);
    expect(sentences[0]?.refs).toEqual([1]);
  });

  it('finds English and straight quotation marks, and an uncited sentence has no refs', () => {
    const sentences = splitAnswer('They wrote “la 5G” [1]. They also said "le numérique" [2]. Nothing else.', 'en');
    expect(sentences.map((s) => s.quotes)).toEqual([['la 5G'], ['le numérique'], []]);
    expect(sentences[2]?.refs).toEqual([]);
  });
});
