import { describe, expect, it } from 'vitest';
import { ownDocument, restriction, shorten } from '../../../src/popup/page-kind';
import { occurrenceIndex, matchesQuery } from '../../../src/popup/models';
import { formatDate } from '../../../src/popup/quote-row';

const docs = [
  { id: 'nme', outlet: 'NME', site: 'nme.com', url: 'https://www.nme.com/news/tv/elisabeth-moss-3340459', title: null, published: null },
  { id: 'iw', outlet: 'IndieWire', site: 'indiewire.com', url: 'https://www.indiewire.com/2022/10/moss/', title: null, published: null },
  { id: 'iw2', outlet: 'IndieWire', site: 'indiewire.com', url: 'https://www.indiewire.com/2022/11/other/', title: null, published: null },
];

describe('restriction', () => {
  it('browser pages, other extensions, stores and files are named; web pages are fine', () => {
    expect(restriction(undefined)).toBe('browser');
    expect(restriction('chrome://extensions/')).toBe('browser');
    expect(restriction('about:addons')).toBe('browser');
    expect(restriction('moz-extension://abc/popup.html')).toBe('browser');
    expect(restriction('chrome-extension://abc/options.html')).toBe('browser');
    expect(restriction('https://chromewebstore.google.com/detail/x')).toBe('store');
    expect(restriction('https://chrome.google.com/webstore/detail/x')).toBe('store');
    expect(restriction('https://addons.mozilla.org/en-US/firefox/')).toBe('store');
    expect(restriction('file:///home/a.html')).toBe('file');
    expect(restriction('https://chrome.google.com/search')).toBeNull();
    expect(restriction('https://www.nme.com/news')).toBeNull();
  });
});

describe('ownDocument', () => {
  it('matches the article URL ignoring www, query, hash and trailing slash', () => {
    expect(ownDocument('http://nme.com/news/tv/elisabeth-moss-3340459/?utm=x#top', docs)?.id).toBe('nme');
    expect(ownDocument('https://www.indiewire.com/2022/10/moss', docs)?.id).toBe('iw');
  });
  it('falls back to the site only when one document has it', () => {
    expect(ownDocument('https://www.nme.com/other-story', docs)?.id).toBe('nme');
    expect(ownDocument('https://www.indiewire.com/another', docs)).toBeNull();
    expect(ownDocument('https://example.org/', docs)).toBeNull();
    expect(ownDocument(null, docs)).toBeNull();
  });
});

describe('helpers', () => {
  it('shorten cuts at a word with an ellipsis', () => {
    expect(shorten('short one')).toBe('short one');
    const long = 'word '.repeat(60);
    const s = shorten(long, 40);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(41);
    expect(s).not.toMatch(/ …$/);
  });
  it('occurrenceIndex numbers repeats of a group in page order', () => {
    const q = (group: string) => ({ group }) as never;
    expect(occurrenceIndex([q('a'), q('b'), q('a'), q('a')])).toEqual([0, 0, 1, 2]);
  });
  it('search matches every word, folding case, accents and curly quotes', () => {
    const row = {
      group: 'g',
      reference: 'That’s a protégé',
      referenceKind: 'consensus' as const,
      speaker: 'Elisabeth Moss',
      source: null,
      outlets: [
        {
          document: 'nme',
          outlet: 'NME',
          text: 'x',
          change: [],
          url: null,
          published: null,
          origin: 'bundled' as const,
          read: null,
          consensus: true,
          own: false,
        },
      ],
    };
    expect(matchesQuery(row, "that's PROTEGE")).toBe(true);
    expect(matchesQuery(row, 'moss nme')).toBe(true);
    expect(matchesQuery(row, 'moss hamm')).toBe(false);
    expect(matchesQuery(row, '   ')).toBe(true);
  });
  it('dates are formatted by Intl, partial dates stay partial', () => {
    expect(formatDate('2022-10-31', 'en-GB')).toBe('31 Oct 2022');
    expect(formatDate('2022-11', 'en-GB')).toBe('Nov 2022');
    expect(formatDate('2022', 'en-GB')).toBe('2022');
  });
});
