import { describe, expect, it } from 'vitest';
import { compileGate, gateMatcher, judgeHead, judgeSample } from '../../../src/engine/topic/gate';
import { gateHints, gateTerms } from '../../../src/engine/topic/detect';
import type { TopicSpec } from '../../../src/engine/types';
import bundledTopic from '../../../assets/corpus/topic.json';

it('gate terms match as whole words, any spaces, hyphens, underscores or slashes between words', () => {
  const m = gateMatcher(['Mad Men', 'Don Draper', 'Peggy Olson']);
  for (const yes of ['mad men', 'x MAD-MEN y', 'https://a/mad_men/', 'Mad\u00a0Men.', '(Don  Draper)', 'peggy\nolson', 'the mad men', 'mad men mad menu'])
    expect(m(yes), yes).toBe(true);
  for (const no of ['madmen', 'nomad men', 'mad menu', 'mad  ', 'Don Drapery', 'xpeggy olson', '']) expect(m(no), no).toBe(false);
  expect(gateMatcher([])('mad men'), 'no terms match nothing').toBe(false);
});

describe('judging a tab by its URL and title', () => {
  const gate = compileGate(bundledTopic as TopicSpec);

  it('says "topic" on a deciding term in the URL or the title', () => {
    expect(judgeHead(gate, 'https://www.nme.com/news/tv/mad-men-elisabeth-moss-3456', 'NME')).toBe('topic');
    expect(judgeHead(gate, 'https://example.com/story?id=9', 'Why Mad Men still matters')).toBe('topic');
    expect(judgeHead(gate, 'https://example.com/tv/mad%20men', '')).toBe('topic');
  });

  it('says "look-closer" when only someone from the show is named', () => {
    expect(judgeHead(gate, 'https://example.com/a', 'Elisabeth Moss on her new film')).toBe('look-closer');
  });

  it('says "no" when neither is there, whatever the page might hold', () => {
    expect(judgeHead(gate, 'https://example.com/city/budget-2027', 'Council passes the budget')).toBe('no');
    expect(judgeHead(gate, 'https://example.com/%E0%A4%A', 'Nomad menus')).toBe('no'); // a broken escape is read as is
  });

  it('judges a hint page by its lead', () => {
    expect(judgeSample(gate, 'A career in film. She played Peggy Olson in Mad Men for seven seasons.')).toBe(true);
    expect(judgeSample(gate, 'She talks about her new film and a theatre role.')).toBe(false);
  });

  it('uses the topic pack it is given, not a built-in list', () => {
    const spec: TopicSpec = { ...(bundledTopic as TopicSpec), name: 'Succession', signals: [
      { term: 'Succession', kind: 'title', weight: 3, caseSensitive: true },
      { term: 'Brian Cox', kind: 'cast', weight: 1.5, caseSensitive: true },
    ] };
    expect(gateTerms(spec)).toEqual(['Succession']);
    expect(gateHints(spec)).toEqual(['Brian Cox']);
    const other = compileGate(spec);
    expect(judgeHead(other, 'https://example.com/succession-finale', '')).toBe('topic');
    expect(judgeHead(other, 'https://example.com/a', 'Brian Cox interview')).toBe('look-closer');
    expect(judgeHead(other, 'https://example.com/mad-men', 'Mad Men')).toBe('no');
  });
});
