import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectTopic } from '../../../../src/engine/topic/detect';
import { compileGate, gateHints, gateTerms, judgeHead, judgeSample } from '../../../../src/engine/topic/gate';
import { compileTerms, foldTerms, urlWords } from '../../../../src/engine/topic/terms';
import type { TopicSpec } from '../../../../src/engine/types';
import bundledTopic from '../../../../assets/corpus/topic.json';

const spec = bundledTopic as TopicSpec;

describe('the term rules', () => {
  const m = compileTerms([
    { term: 'Mad Men', caseSensitive: true },
    { term: 'Jessica Paré', caseSensitive: true },
    { term: 'AMC', caseSensitive: false },
  ]);
  const found = (text: string, ignoreCase = false) => m.find(text, { ignoreCase }).map((h) => h.term);

  it('matches whole words only', () => {
    for (const no of ['Mad Mentor', 'Nomad Men', 'xMad Men', '1Mad Men', 'MadMen', 'Mad Men2']) expect(found(no), no).toEqual([]);
    for (const yes of ['Mad Men.', '(Mad Men)', '“Mad Men”', "Mad Men's", 'Mad Men—and more']) expect(found(yes), yes).toEqual([0]);
  });

  it('allows any run of spaces, hyphens, dashes, underscores or slashes between words', () => {
    for (const yes of ['Mad-Men', 'Mad_Men', 'Mad/Men', 'Mad \u00a0 Men', 'Mad\nMen', 'Mad\u2013Men', 'Mad - Men'])
      expect(found(yes), yes).toEqual([0]);
    expect(found('Mad. Men')).toEqual([]);
  });

  it('ignores accents both ways, precomposed or combining', () => {
    for (const yes of ['Jessica Paré', 'Jessica Pare', 'Jessica Pare\u0301', 'Jéssica Paré']) expect(found(yes), yes).toEqual([1]);
  });

  it('keeps a case-sensitive term to its own case or capitals; other terms and URLs match any case', () => {
    expect(found('MAD MEN')).toEqual([0]);
    expect(found('mad men')).toEqual([]);
    expect(found('Mad men')).toEqual([]);
    expect(found('mad men', true)).toEqual([0]);
    expect(found('amc and Amc')).toEqual([2, 2]);
  });

  it('finds nothing with no terms, and never reads a term as a pattern', () => {
    expect(compileTerms([]).find('Mad Men')).toEqual([]);
    const odd = compileTerms([{ term: 'a.b (c)+', caseSensitive: false }]);
    expect(odd.test('x a.b (c)+ y')).toBe(true);
    expect(odd.test('x aXb (cc y')).toBe(false);
  });

  it('test() says whether find() finds anything, on any text', () => {
    const alphabet = fc.constantFrom('Mad', 'Men', 'mad', 'MEN', ' ', '-', '_', 'Paré', 'Pare', 'Jessica', 'x', '.', 'AMC', '\u0301');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), fc.boolean(), (parts, ignoreCase) => {
        const text = parts.join('');
        expect(m.test(text, { ignoreCase })).toBe(m.find(text, { ignoreCase }).length > 0);
      }),
    );
  });

  it('folds only what needs folding', () => {
    expect(foldTerms('plain ascii')).toBe('plain ascii');
    expect(foldTerms('Paré')).toBe('Pare');
  });

  it('reads a URL as the words of its path', () => {
    expect(urlWords('https://www.nme.com/news/tv/elisabeth-moss-cried-mad-men-3340459?ref=x#top')).toBe(
      'news tv elisabeth moss cried mad men 3340459',
    );
    expect(urlWords('https://example.com/tv/mad%20men')).toBe('tv mad men');
    expect(urlWords('https://example.com/%E0%A4%A')).toBe('E0 A4 A');
    expect(urlWords('nme.txt')).toBe('nme txt');
  });
});

/**
 * The gate (which tabs get the highlighter) and the detector (is this a Mad Men article?) read the same
 * places with the same matcher. For each row, the term the detector counts in that place is what the gate
 * sees there: a deciding term → the gate says "topic"; only a hint → "look closer"; neither → "no".
 * The one deliberate difference is not a matching rule: negatives ("the real mad men of Madison Avenue")
 * are weighed by the detector only; the gate's "yes" just lets the detector look.
 */
describe('the gate and the detector agree on every term', () => {
  type Place = 'url' | 'title' | 'body';
  const rows: [Place, string, string | null][] = [
    ['url', 'https://www.nme.com/news/tv/mad-men-finale-3340459', 'Mad Men'],
    ['url', 'https://example.com/tv/mad_men/finale', 'Mad Men'],
    ['url', 'https://example.com/tv/MAD-MEN', 'Mad Men'],
    ['url', 'https://example.com/tv/don%20draper-pitch', 'Don Draper'],
    ['url', 'https://example.com/tv/jessica-par%C3%A9-interview', 'Jessica Paré'],
    ['url', 'https://example.com/tv/jessica-pare-interview', 'Jessica Paré'],
    ['url', 'https://example.com/tv/elisabeth-moss-new-film', 'Elisabeth Moss'],
    ['url', 'https://example.com/tv/madmen-recap', null],
    ['url', 'https://example.com/food/nomad-menus', null],
    ['url', 'https://mad-men.example.com/search?q=mad+men', null],
    ['title', 'Why Mad Men still matters', 'Mad Men'],
    ['title', 'MAD MEN: THE FINAL SEASON', 'Mad Men'],
    ['title', 'Mad-Men recap, season 7', 'Mad Men'],
    ['title', 'Don\u00a0Draper’s best pitch', 'Don Draper'],
    ['title', 'Jessica Pare on her music', 'Jessica Paré'],
    ['title', 'Jessica Pare\u0301 on her music', 'Jessica Paré'],
    ['title', 'Elisabeth Moss on her new film', 'Elisabeth Moss'],
    ['title', 'The mad men of the 1960s', null],
    ['title', 'Mad Mentor of the year', null],
    ['title', 'Council passes the budget', null],
    // A comparison in a title is read as passing by the detector, but the term is still found there: the gate
    // lets the detector look, and the detector decides it is not the subject.
    ['title', 'Mad Men-era cocktail lounge reopens', 'Mad Men'],
    ['title', 'Riverton’s real-life Don Draper retires', 'Don Draper'],
    ['url', 'https://example.com/news/mad-men-era-lounge-reopens', 'Mad Men'],
    ['body', 'She played Peggy Olson for seven seasons.', 'Peggy Olson'],
    ['body', 'She played Peggy\nOlson for seven seasons.', 'Peggy Olson'],
    ['body', 'The Mad Men/Breaking Bad era of television.', 'Mad Men'],
    ['body', 'A Peggy Olsonesque career move.', null],
    ['body', 'Nomad menus and mad men of finance.', null],
  ];
  const gate = compileGate(spec);
  const deciding = new Set(gateTerms(spec).map((s) => s.term));
  const hinting = new Set(gateHints(spec).map((s) => s.term));

  function detectorFinds(place: Place, input: string): string[] {
    const page = {
      url: place === 'url' ? input : '',
      title: place === 'title' ? input : '',
      text: place === 'body' ? input : '',
      headline: '',
    };
    return detectTopic(spec, page)
      .signals.filter((s) => s.where === place && s.kind !== 'negative')
      .map((s) => s.term);
  }

  function gateSays(place: Place, input: string): 'topic' | 'look-closer' | 'no' {
    if (place === 'url') return judgeHead(gate, input, '');
    if (place === 'title') return judgeHead(gate, 'https://example.com/a', input);
    return judgeSample(gate, input) ? 'topic' : 'no'; // the second look checks deciding terms only
  }

  it.each(rows)('%s %j → %s', (place, input, term) => {
    const found = detectorFinds(place, input);
    expect(found).toEqual(term ? [term] : []);
    const expected = term && deciding.has(term) ? 'topic' : term && hinting.has(term) && place !== 'body' ? 'look-closer' : 'no';
    expect(gateSays(place, input)).toBe(expected);
  });
});
