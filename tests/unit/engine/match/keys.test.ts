import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntTable } from '../../../../src/engine/match/int-table';
import { isContentWord, lemma, skeleton } from '../../../../src/engine/match/keys';
import { indexPack } from '../../../../src/engine/match/pack-index';
import { memoWordKey, tokenize, wordKey } from '../../../../src/engine/normalize';
import { pageTokens } from '../../../../src/engine/match/seeds';
import { packOf } from './pack-helper';

describe('skeleton', () => {
  it.each([
    ['jon', 'john'],
    ['hamm', 'ham'],
    ['olson', 'olsen'],
    ['elisabeth', 'elizabeth'],
    ['philip', 'phillip'],
  ])('%s and %s collide', (a, b) => expect(skeleton(a)).toBe(skeleton(b)));

  it.each([
    ['had', 'have'],
    ['real', 'tears'],
    ['script', 'scene'],
  ])('%s and %s stay apart', (a, b) => expect(skeleton(a)).not.toBe(skeleton(b)));
});

describe('lemma and content words', () => {
  it('folds tense and number', () => {
    expect(lemma('had')).toBe(lemma('have'));
    expect(lemma('was')).toBe(lemma('is'));
    expect(lemma('tears')).toBe('tear');
    expect(lemma('kissed')).toBe('kiss');
  });
  it('treats function words as non-content', () => {
    expect(['i', 'had', 'a', 'very', 'that', 'right', 'there', 'is', 'the', 'only', 'in'].some(isContentWord)).toBe(false);
    expect(['script', 'costume', 'tears', 'jon'].every(isContentWord)).toBe(true);
  });
});

describe('tokenisers', () => {
  const index = indexPack(packOf([['None of that was in the script and he did it on my close-up.']]));
  /** What a word is, as a pattern: the scanner in normalize.ts must find exactly these. */
  const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu;
  it('tokenize, memoWordKey and pageTokens agree with the word pattern on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'É', 'é', ' ', "'", '’', '-', '/', 'ﬁ', '\n', '1', 'ß', 'Z', '\u0301', '.', '😀') }),
        (text) => {
          const words = [...text.matchAll(WORD)].map((m) => ({ key: wordKey(m[0]), start: m.index, end: m.index + m[0].length }));
          const tokens = tokenize(text);
          expect(tokens).toEqual(words);
          const memo = new Map<string, string>();
          expect(tokens.map((t) => memoWordKey(memo, text.slice(t.start, t.end)))).toEqual(words.map((w) => w.key));
          const page = pageTokens(index, text);
          expect(Array.from(page.start)).toEqual(words.map((w) => w.start));
          expect(Array.from(page.end)).toEqual(words.map((w) => w.end));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('IntTable', () => {
  it('behaves like a Map of non-negative integers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.nat())), (entries) => {
        const t = new IntTable(2);
        const m = new Map<number, number>();
        for (const [k, v] of entries) {
          t.set(k, v);
          m.set(k, v);
        }
        expect(t.size).toBe(m.size);
        for (const [k, v] of m) expect(t.get(k)).toBe(v);
        expect(t.get(2 ** 30)).toBe(-1);
      }),
    );
  });
});
