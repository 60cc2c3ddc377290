import { describe, expect, it } from 'vitest';
import { compileGate, gateHints, gateTerms, judgeHead, judgeSample } from '../../../../src/engine/topic/gate';
import type { TopicSpec } from '../../../../src/engine/types';
import bundledTopic from '../../../../assets/corpus/topic.json';

const bundled = bundledTopic as TopicSpec;
const names = (signals: { term: string }[]) => signals.map((s) => s.term);

describe('the terms the gate looks for', () => {
  it('decides on the strongest terms only, strongest first', () => {
    const terms = names(gateTerms(bundled));
    expect(terms[0]).toBe('Mad Men');
    expect(terms).toContain('Don Draper');
    expect(terms).toContain('Peggy Olson');
    expect(terms).not.toContain('AMC');
    expect(terms.length).toBeLessThanOrEqual(6);
  });

  it('takes cast and minor characters as hints, not as deciding terms', () => {
    const hints = names(gateHints(bundled));
    expect(hints).toContain('Elisabeth Moss');
    expect(hints).not.toContain('Mad Men');
    expect(hints).not.toContain('Draper'); // below gateHintWeight: too common a surname to look closer
  });
});

describe('judging a tab by its URL and title', () => {
  const gate = compileGate(bundled);

  it('says "topic" on a deciding term in the URL or the title', () => {
    expect(judgeHead(gate, 'https://www.nme.com/news/tv/mad-men-elisabeth-moss-3456', 'NME')).toBe('topic');
    expect(judgeHead(gate, 'https://example.com/story?id=9', 'Why Mad Men still matters')).toBe('topic');
    expect(judgeHead(gate, 'https://example.com/tv/mad%20men', '')).toBe('topic');
    expect(judgeHead(gate, 'https://example.com/a', 'MAD MEN STAR: THE INTERVIEW')).toBe('topic');
  });

  it('says "look-closer" when only someone from the show is named', () => {
    expect(judgeHead(gate, 'https://example.com/a', 'Elisabeth Moss on her new film')).toBe('look-closer');
  });

  it('says "no" when neither is there, whatever the page might hold', () => {
    expect(judgeHead(gate, 'https://example.com/city/budget-2027', 'Council passes the budget')).toBe('no');
    expect(judgeHead(gate, 'https://example.com/%E0%A4%A', 'Nomad menus')).toBe('no'); // a broken escape is read as is
    expect(judgeHead(gate, 'https://mad-men.example.com/a?q=mad+men', 'Results')).toBe('no'); // host and query name a site or a search
  });

  it('judges a hint page by its lead', () => {
    expect(judgeSample(gate, 'A career in film. She played Peggy Olson in Mad Men for seven seasons.')).toBe(true);
    expect(judgeSample(gate, 'She talks about her new film and a theatre role.')).toBe(false);
  });

  it('uses the topic pack it is given, not a built-in list', () => {
    const spec: TopicSpec = {
      ...bundled,
      name: 'Succession',
      signals: [
        { term: 'Succession', kind: 'title', weight: 3, caseSensitive: true },
        { term: 'Brian Cox', kind: 'cast', weight: 1.5, caseSensitive: true },
      ],
    };
    expect(names(gateTerms(spec))).toEqual(['Succession']);
    expect(names(gateHints(spec))).toEqual(['Brian Cox']);
    const other = compileGate(spec);
    expect(judgeHead(other, 'https://example.com/succession-finale', '')).toBe('topic');
    expect(judgeHead(other, 'https://example.com/a', 'Brian Cox interview')).toBe('look-closer');
    expect(judgeHead(other, 'https://example.com/mad-men', 'Mad Men')).toBe('no');
  });
});
