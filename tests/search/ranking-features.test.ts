import { describe, expect, it } from 'vitest';
import { densestShare, positionsOf, proximity, viewOf } from '../../src/search/ranking-features.js';

describe('the ranking features read from a passage\'s terms', () => {
  const groups = [['convent', 'traite'], ['budapest'], ['ratif']];

  it('proximity: the share of consecutive question words standing within four terms of each other', () => {
    expect(proximity(positionsOf(['la', 'convent', 'de', 'budapest', 'ratif'], groups))).toBe(1);
    const apart = ['convent', ...Array.from({ length: 10 }, () => 'x'), 'budapest', 'ratif'];
    expect(proximity(positionsOf(apart, groups))).toBe(0.5);
    expect(proximity(positionsOf(['budapest'], [['budapest']]))).toBe(0);
  });

  it('density: the weighted share of the question\'s words that thirty consecutive terms hold together', () => {
    const weights = [1, 2, 1];
    const filler = (n: number) => Array.from({ length: n }, () => 'x');
    expect(densestShare(positionsOf(['convent', ...filler(5), 'budapest', 'ratif'], groups), weights)).toBe(1);
    expect(densestShare(positionsOf(['convent', ...filler(40), 'budapest', ...filler(40), 'ratif'], groups), weights)).toBe(0.5);
    expect(densestShare(positionsOf(['traite', ...filler(29), 'ratif'], groups), weights)).toBe(0.25);
    expect(densestShare(positionsOf([], groups), weights)).toBe(0);
  });

  it('a retriever\'s view: a passage\'s score over the best one\'s, and its reciprocal rank; 0 when it did not retrieve it', () => {
    const view = viewOf([{ ordinal: 7, score: 4 }, { ordinal: 3, score: 2 }]);
    expect([view.relative(7), view.relative(3), view.relative(9)]).toEqual([1, 0.5, 0]);
    expect([view.reciprocalRank(7), view.reciprocalRank(3), view.reciprocalRank(9)]).toEqual([1, 0.5, 0]);
  });
});
