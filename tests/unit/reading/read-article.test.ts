// @vitest-environment node
// (No DOM in this environment, as in the MV3 service worker: the reader must bring its own parser.)
/** Reading saved news pages: canonical URL, outlet, title, date, article text — and hostile pages. */
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ELEMENTS, MAX_HTML, readArticle, type ReadArticle } from '../../../src/reading/read-article';
import { DAILY_REEL_URL, page, SCREEN_LEDGER_URL } from './fixtures';

function read(html: string, url: string | null = null): ReadArticle {
  const article = readArticle(html, url);
  expect(article, 'an article').not.toBeNull();
  return article!;
}

const lines = (a: ReadArticle) => a.text.split('\n');

describe('readArticle: a news page with canonical, og tags and JSON-LD @graph', () => {
  const a = read(page('screenLedger'), `${SCREEN_LEDGER_URL}?utm_source=twitter&utm_medium=social#comments`);

  it('takes the canonical URL, the outlet from og:site_name, the title from og:title', () => {
    expect(a.url).toBe(SCREEN_LEDGER_URL);
    // og:site_name wins over the JSON-LD publisher ("Screen Ledger Media").
    expect(a.outlet).toBe('Screen Ledger');
    expect(a.title).toBe('Elisabeth Moss still has Peggy’s dress from the Mad Men goodbye scene');
  });

  it('dates it from the NewsArticle of the JSON-LD graph, not from the comments or the related stories', () => {
    expect(a.published).toBe('2024-03-14');
  });

  it('keeps the article one line per paragraph, headline first, without ads, comments, related stories or footer', () => {
    expect(lines(a)[0]).toBe(a.title);
    expect(lines(a)[1]).toBe(
      'Elisabeth Moss kept exactly one costume from seven seasons of Mad Men, and this spring it is on public display for the first time.',
    );
    expect(a.text).toContain(
      'Getting it was not simple. “We had to borrow it back from Elisabeth for three months, and she made us promise to return it pressed,” Whitfield said with a laugh.',
    );
    for (const junk of [
      'Advertisement',
      'That scene still wrecks me',
      'Jon Hamm on why he said yes',
      'All rights reserved',
      'Skip to content',
      'gtag',
    ])
      expect(a.text).not.toContain(junk);
    expect(a.words).toBe(a.text.split(/\s+/).length);
  });

  it('takes og:url without its tracking parameters when there is no rel=canonical', () => {
    const html = page('screenLedger').replace(/<link rel="canonical"[^>]*>/, '');
    expect(read(html).url).toBe(SCREEN_LEDGER_URL);
  });
});

describe('readArticle: an AMP copy is the same document as its regular page', () => {
  const regular = read(page('screenLedger'));

  it('follows the AMP page’s rel=canonical (tracking parameters dropped)', () => {
    const amp = read(page('screenLedgerAmp'), `${SCREEN_LEDGER_URL}amp/`);
    expect(amp.url).toBe(regular.url);
    expect([amp.outlet, amp.title, amp.published]).toEqual([regular.outlet, regular.title, regular.published]);
    expect(amp.text).toContain('“None of that was in the script, and he did it on my close-up.”');
  });

  it('accepts an AMP page’s canonical on another host (an AMP cache serves it)', () => {
    const amp = read(page('screenLedgerAmp'), `https://www-screenledger-com.cdn.ampproject.org/c/s/www.screenledger.com/tv/news/x/amp/`);
    expect(amp.url).toBe(SCREEN_LEDGER_URL);
  });

  it.each([
    ['an /amp/ path segment', `${SCREEN_LEDGER_URL}amp/?utm_source=twitter`],
    ['?amp=1', `${SCREEN_LEDGER_URL}?amp=1`],
    [
      'an AMP cache',
      'https://www-screenledger-com.cdn.ampproject.org/c/s/www.screenledger.com/tv/news/elisabeth-moss-peggy-dress-mad-men-1235867/amp/',
    ],
    ['Google’s AMP viewer', 'https://www.google.com/amp/s/www.screenledger.com/tv/news/elisabeth-moss-peggy-dress-mad-men-1235867/amp/'],
  ])('without a canonical, undoes %s', (_, url) => {
    const html = page('screenLedgerAmp').replace(/<link rel="canonical"[^>]*>/, '');
    expect(read(html, url).url).toBe(SCREEN_LEDGER_URL);
  });

  it('an amp. host and a .amp.html ending', () => {
    const html = page('screenLedgerAmp').replace(/<link rel="canonical"[^>]*>/, '');
    expect(read(html, 'https://amp.screenledger.com/tv/news/story-1235867.amp.html').url).toBe(
      'https://screenledger.com/tv/news/story-1235867.html',
    );
  });
});

describe('readArticle: title, outlet and date fallbacks', () => {
  it('never takes a byline or the site logo for the title; the text starts with the headline, not the byline', () => {
    const a = read(page('dailyReel'));
    const headline = 'Mad Men: Peggy’s farewell dress goes on display, and Elisabeth Moss wants it back';
    expect(a.title).toBe(headline);
    expect(lines(a)[0]).toBe(headline);
    expect(a.text).not.toMatch(/By Priya Natarajan/);
    // A paragraph the page's source wraps over three lines is one line.
    expect(lines(a)).toContain(
      '“I had a really close relationship with Jon,” Moss told Vanity Fair in 2022. “There was sort of like a mentor/protégé relationship there, very older brother, little sister.”',
    );
    expect(a.outlet).toBe('The Daily Reel');
    expect(a.url).toBe(DAILY_REEL_URL);
    expect(a.published).toBe('2024-03-15');
  });

  it('a page with no date has none (never the day it was read); outlet from JSON-LD publisher; title from <title> without the outlet', () => {
    const a = read(page('noDate'));
    expect(a.published).toBeNull();
    expect(a.outlet).toBe('Carousel Notes');
    expect(a.title).toBe('Why Peggy’s goodbye to Don still lands, twelve years on');
    expect(lines(a)[0]).toBe(a.title);
    // A saved page (no address) cannot resolve its relative canonical: og:url is next.
    expect(a.url).toBe('https://carouselnotes.net/2024/peggy-goodbye-still-lands/');
  });

  it('resolves a relative canonical against the page’s address', () => {
    expect(read(page('noDate'), 'https://carouselnotes.net/?p=812&ref=feed').url).toBe(
      'https://carouselnotes.net/2024/peggy-goodbye-still-lands/',
    );
  });

  it('a comment’s <time> and a related story’s are not the article’s date', () => {
    expect(read(page('commentDate'), 'https://www.reelgossip.net/tv/moss-hamm-real-jon/').published).toBeNull();
    // The same page with a dateline of its own is dated by it.
    const dated = page('commentDate').replace(
      '<div class="story-body">',
      '<p class="dateline"><time datetime="2022-11-02T08:00:00Z">2 November 2022</time></p><div class="story-body">',
    );
    expect(read(dated, 'https://www.reelgossip.net/tv/moss-hamm-real-jon/').published).toBe('2022-11-02');
  });

  it('no canonical: the page’s address without tracking parameters and fragment; outlet = host without www', () => {
    const a = read(
      page('commentDate'),
      'https://www.reelgossip.net/tv/moss-hamm-real-jon/?utm_source=newsletter&utm_medium=email&mc_cid=5f3a&mc_eid=9b1c&fbclid=x&id=42#comments',
    );
    expect(a.url).toBe('https://www.reelgossip.net/tv/moss-hamm-real-jon/?id=42');
    expect(a.outlet).toBe('reelgossip.net');
    expect(a.title).toBe('Moss on Hamm: “that right there is the real Jon”');
  });

  it('a saved page with no address and no canonical has no URL and no outlet', () => {
    const a = read(page('commentDate'));
    expect([a.url, a.outlet]).toEqual([null, null]);
  });

  it('is not an article below 40 words of body', () => {
    const html =
      '<html><head><title>Clip | Reel</title></head><body><article><h1>Watch: the Mad Men goodbye</h1><p>Video, 2:14.</p></article></body></html>';
    expect(readArticle(html, 'https://reel.example/v/1')).toBeNull();
  });
});

describe('readArticle: hostile pages', () => {
  it('reads the article of a page full of scripts, handlers and lies without running or trusting any of it', () => {
    const url = 'https://hostile.example/mad-men/dress?utm_campaign=x';
    const a = read(page('hostile'), url);
    // javascript: canonical ignored; an og:url naming another outlet's article is not believed.
    expect(a.url).toBe('https://hostile.example/mad-men/dress');
    expect(a.outlet).toBe('hostile.example');
    // og:title is a byline: the headline is next.
    expect(a.title).toBe('Hostile page says Elisabeth Moss kept the Mad Men dress');
    // "not a date", 30 February, a truncated JSON-LD block, a date 40 arrays deep.
    expect(a.published).toBeNull();
    expect(a.text).toContain('“I had a very close relationship with Jon. There was sort of like a mentor/protégé relationship there');
    for (const hidden of ['SCRIPT TEXT', 'STYLE TEXT', 'NOSCRIPT TEXT', 'TEMPLATE TEXT', 'SVG TEXT', 'pwned', 'alert', 'footer text'])
      expect(a.text).not.toContain(hidden);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a saved hostile page (no address) keeps its og:url: the CLI’s user chose the file', () => {
    expect(read(page('hostile')).url).toBe(
      'https://www.nme.com/news/tv/elisabeth-moss-cried-after-jon-hamm-improvised-iconic-mad-men-scene-3340459',
    );
  });

  const article = page('screenLedger');
  const inBody = (extra: string) => article.replace('<div class="entry-content">', `<div class="entry-content">${extra}`);

  it('a 5 MB page of inline app state is read', () => {
    const state = JSON.stringify({
      items: Array.from({ length: 50_000 }, (_, i) => ({ id: i, body: 'lorem ipsum dolor sit amet '.repeat(3) })),
    });
    const html = article.replace('</head>', `<script>window.__STATE__=${state}</script></head>`);
    expect(html.length).toBeGreaterThan(5_000_000);
    expect(read(html).title).toBe('Elisabeth Moss still has Peggy’s dress from the Mad Men goodbye scene');
  });

  it('1 MB attributes: an absurd og:title is passed over, the page is read', () => {
    const html = article
      .replace('<article ', `<article data-x="${'x'.repeat(1_000_000)}" `)
      .replace('<meta property="og:title" content="', `<meta property="og:title" content="${'y'.repeat(1_000_000)}`);
    expect(read(html).title).toBe('Elisabeth Moss still has Peggy’s dress from the Mad Men goodbye scene');
  });

  it.each([
    ['too large', 'x'.repeat(MAX_HTML + 1)],
    ['too many elements', inBody('<div class="promo"><a href="/x">Promoted</a><span>more</span></div>'.repeat(MAX_ELEMENTS))],
    ['nested too deep', inBody('<div>'.repeat(MAX_DEPTH + 1) + 'deep' + '</div>'.repeat(MAX_DEPTH + 1))],
    ['nested too deep, never closed', inBody('<div><span>'.repeat(10_000))],
    ['too much text', inBody(`<p>${'words and more words, '.repeat(60_000)}</p>`)],
    ['empty', ''],
    ['not HTML', '\u0000\u0001 binary \uFFFF'],
  ])('a page %s is not read (null), and fast', (_, html) => {
    const start = performance.now();
    expect(readArticle(html, 'https://www.screenledger.com/x')).toBeNull();
    // Generous: these are refused before Readability, whose cost grows with elements and nesting.
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
