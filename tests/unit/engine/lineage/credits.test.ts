import { describe, expect, it } from 'vitest';
import { findCredits, urlKey } from '../../../../src/engine/lineage/credits';

const targets = [
  { id: 'nme', outlet: 'NME', site: 'nme.com', url: 'https://www.nme.com/news/tv/moss-3340459' },
  { id: 'indiewire', outlet: 'IndieWire', site: 'indiewire.com', url: 'https://www.indiewire.com/2022/10/moss-1234777593/' },
  { id: 'vf', outlet: 'Vanity Fair', site: 'vanityfair.com', url: null },
];

describe('credits in an article', () => {
  it.each([
    ['As first reported by NME, Moss said', 'nme'],
    ['Moss cried on set (via IndieWire).', 'indiewire'],
    ['h/t IndieWire', 'indiewire'],
    ['NME first reported the story last week.', 'nme'],
    ['according to IndieWire, the scene was improvised', 'indiewire'],
  ])('"%s" names %s as the source article', (text, id) => {
    expect(findCredits('me', text, [], targets)).toEqual([expect.objectContaining({ document: id, kind: 'outlet' })]);
  });

  it.each([
    'Moss told Vanity Fair that the scene was improvised.',
    'Speaking to Vanity Fair in a new interview, Moss said',
    'Moss said during a Vanity Fair video.',
    'In an interview with Vanity Fair, Moss remembered',
  ])('"%s" names the venue, not a source article', (text) => {
    expect(findCredits('me', text, [], targets)).toEqual([expect.objectContaining({ document: 'vf', kind: 'venue' })]);
  });

  it('a link to another corpus article is a credit; its own outlet, a longer word or no cue are not', () => {
    expect(findCredits('me', '', ['http://nme.com/news/tv/moss-3340459?utm=x#top'], targets)).toEqual([
      { document: 'nme', kind: 'outlet', phrase: "links to NME's article" },
    ]);
    expect(findCredits('nme', 'As first reported by NME', [], targets)).toEqual([]);
    expect(findCredits('me', 'via NMEs and IndieWireless', [], targets)).toEqual([]);
    expect(findCredits('me', 'NME and IndieWire both covered it.', [], targets)).toEqual([]);
    expect(urlKey('HTTPS://www.Example.com/a/b/?q=1#x')).toBe('example.com/a/b');
  });
});
