import { describe, expect, it } from 'vitest';
import { wordEditDistance, wordEditDistanceWithin } from '../../../src/engine/text-distance';

const w = (s: string) => s.split(' ');

describe('word edit distance', () => {
  it('counts word insertions, deletions and substitutions', () => {
    expect(wordEditDistance(w('it was a big deal'), w('it was a big deal'))).toBe(0);
    expect(wordEditDistance(w('it was a big deal'), w('it is a big deal'))).toBe(1);
    expect(wordEditDistance(w('it was a big deal'), w('it was big deal to me'))).toBe(3);
    expect(wordEditDistance([], w('three more words'))).toBe(3);
  });

  it('within a longer wording, the words before and after the nearest stretch are free', () => {
    const whole = w('I said it was a big deal for all of us');
    expect(wordEditDistanceWithin(w('it was a big deal'), whole)).toBe(0);
    expect(wordEditDistanceWithin(w('it is a big deal'), whole)).toBe(1);
    // A word the part has and the whole lacks still counts.
    expect(wordEditDistanceWithin(w('it was a really big deal'), whole)).toBe(1);
    expect(wordEditDistance(w('it was a big deal'), whole)).toBe(6);
  });

  it('is not symmetric: the whole cut short is not within the part', () => {
    expect(wordEditDistanceWithin(w('I said it was a big deal'), w('a big deal'))).toBe(4);
    expect(wordEditDistanceWithin([], w('a big deal'))).toBe(0);
    expect(wordEditDistanceWithin(w('a big deal'), [])).toBe(3);
  });
});
