// @vitest-environment node
/** Titles without the outlet's name, bylines told from headlines, JSON-LD however it is nested. */
import { describe, expect, it } from 'vitest';
import { jsonLdFacts } from '../../../src/reading/json-ld';
import { cleanText, cleanTitle, isByline } from '../../../src/reading/page-meta';

describe('isByline', () => {
  it.each([
    ['By Jane Doe'],
    ['by Jane Doe'],
    ['BY: Jane Doe'],
    ['By Priya Natarajan · 15 March 2024 · 3 min read'],
    ['By Jane Doe and John Roe, Nov 3'],
    ['By J.R. O’Neill | Updated'],
    ['By Mary-Kate Smith'],
  ])('"%s" is a byline', (text) => expect(isByline(text, [])).toBe(true));

  it.each([
    ['By the Numbers: Mad Men’s Emmy record'],
    ['By any means: how Peggy got ahead'],
    ['Byline: a story'],
    ['Elisabeth Moss still has Peggy’s dress'],
    ['By Jane Doe, who wrote a very long sentence that is really a headline about Mad Men and its legacy on television'],
  ])('"%s" is not', (text) => expect(isByline(text, [])).toBe(false));

  it('an author of the page, by name or after "By"', () => {
    expect(isByline('Marcus Ellery', ['Marcus Ellery'])).toBe(true);
    expect(isByline('By marcus ellery, TV editor', ['Marcus Ellery'])).toBe(true);
    expect(isByline('Marcus Ellery on Mad Men', ['Marcus Ellery'])).toBe(false);
  });
});

describe('cleanTitle', () => {
  const outlets = ['Screen Ledger', 'screenledger.com', 'screenledger'];
  it.each([
    ['Elisabeth Moss keeps the dress | Screen Ledger', 'Elisabeth Moss keeps the dress'],
    ['Elisabeth Moss keeps the dress – Screen Ledger', 'Elisabeth Moss keeps the dress'],
    ['Elisabeth Moss keeps the dress - screenledger.com', 'Elisabeth Moss keeps the dress'],
    ['Screen Ledger | Elisabeth Moss keeps the dress', 'Elisabeth Moss keeps the dress'],
    ['Elisabeth Moss keeps the dress :: The Screen Ledger', 'Elisabeth Moss keeps the dress'],
    ['Mad Men: Elisabeth Moss keeps the dress', 'Mad Men: Elisabeth Moss keeps the dress'],
    ['Moss – and Hamm – on the scene | Screen Ledger', 'Moss – and Hamm – on the scene'],
    ['  Moss\u200b keeps\tthe   dress  ', 'Moss keeps the dress'],
  ])('%s → %s', (raw, clean) => expect(cleanTitle(raw, outlets)).toBe(clean));

  it('drops a section after the last "|" only for <title> (loose)', () => {
    expect(cleanTitle('Elisabeth Moss keeps the dress | TV | Screen Ledger', outlets)).toBe('Elisabeth Moss keeps the dress | TV');
    expect(cleanTitle('Elisabeth Moss keeps the dress | TV | Screen Ledger', outlets, true)).toBe('Elisabeth Moss keeps the dress');
    // Never down to fewer than three words.
    expect(cleanTitle('Mad Men | Peggy', outlets, true)).toBe('Mad Men | Peggy');
  });
});

describe('jsonLdFacts', () => {
  const graph = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebPage', '@id': 'p', datePublished: '2020-01-01', publisher: { '@id': '#site-org' } },
      {
        '@type': ['NewsArticle', 'Article'],
        headline: 'Moss keeps the dress',
        datePublished: '2024-03-14T09:30:00-04:00',
        author: [{ '@id': '#p1' }, { '@type': 'Person', name: 'Second Author' }],
        publisher: { '@id': '#org' },
      },
      { '@type': 'Organization', '@id': '#org', name: 'Screen Ledger Media' },
      { '@type': 'Person', '@id': '#p1', name: 'Marcus Ellery' },
    ],
  });

  it('reads the article node of a @graph, following @id references', () => {
    expect(jsonLdFacts([graph])).toEqual({
      datePublished: '2024-03-14T09:30:00-04:00',
      headline: 'Moss keeps the dress',
      publisher: 'Screen Ledger Media',
      authors: ['Marcus Ellery', 'Second Author'],
    });
  });

  it('finds it in arrays of graphs, with prefixed types, after broken blocks', () => {
    const nested = JSON.stringify([
      [{ '@graph': [{ '@type': 'schema:BlogPosting', datePublished: '2021-05-06', publisher: { name: 'Blog' } }] }],
    ]);
    expect(jsonLdFacts(['{"broken": ', nested])).toMatchObject({ datePublished: '2021-05-06', publisher: 'Blog' });
  });

  it('an article node first, then a WebPage: a page node is only the fallback', () => {
    const page = JSON.stringify({ '@type': 'WebPage', datePublished: '2020-01-01' });
    const article = JSON.stringify({ '@type': 'Article', datePublished: '2021-02-03' });
    expect(jsonLdFacts([page, article]).datePublished).toBe('2021-02-03');
    expect(jsonLdFacts([page]).datePublished).toBe('2020-01-01');
  });

  it('ignores what is not an article (a product, a comment, an event)', () => {
    const other = JSON.stringify([
      { '@type': 'Comment', datePublished: '2024-04-02' },
      { '@type': 'Event', startDate: '2024-05-01', name: 'Exhibition' },
    ]);
    expect(jsonLdFacts([other])).toEqual({ datePublished: null, headline: null, publisher: null, authors: [] });
  });

  it('is bounded: a self-reference, 10 000 nested arrays, a 1 MB block', () => {
    const self = JSON.stringify({ '@type': 'Article', '@id': '#a', publisher: { '@id': '#a' } });
    const deep = '['.repeat(10_000) + '{"@type":"Article","datePublished":"1999-01-01"}' + ']'.repeat(10_000);
    const huge = JSON.stringify({ '@type': 'Article', datePublished: '1998-01-01', pad: 'x'.repeat(1_000_000) });
    expect(jsonLdFacts([self, deep, huge])).toEqual({ datePublished: null, headline: null, publisher: null, authors: [] });
  });
});

describe('cleanText', () => {
  it('collapses whitespace and drops control characters, zero-width spaces and direction overrides', () => {
    expect(cleanText('\u202eMad\u200bMen\tnews \u0000\u0007 ')).toBe('MadMen news');
  });
});
