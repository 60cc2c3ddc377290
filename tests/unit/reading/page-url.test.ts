// @vitest-environment node
/** Canonical URLs: tracking parameters, AMP shapes, which canonical a page may claim. */
import { describe, expect, it } from 'vitest';
import { ampToCanonical, canonicalUrl, documentKey, siteOf, stripTracking, TRACKING_PARAMS } from '../../../src/reading/page-url';

const strip = (url: string) => stripTracking(new URL(url)).href;
const amp = (url: string) => ampToCanonical(new URL(url)).href;

describe('stripTracking', () => {
  it.each(TRACKING_PARAMS.map((p) => [p]))('drops %s', (name) => {
    expect(strip(`https://a.example/story?${name}=1&id=7`)).toBe('https://a.example/story?id=7');
  });

  it('drops every utm_* and at_* parameter, whatever its case, and the fragment', () => {
    expect(strip('https://a.example/s?UTM_Source=x&utm_whatever=y&at_medium=z&page=2#comments')).toBe('https://a.example/s?page=2');
  });

  it('keeps parameters that name the page, and their encoding, untouched', () => {
    expect(strip('https://a.example/article.php?id=42&p=3&s=mad%20men')).toBe('https://a.example/article.php?id=42&p=3&s=mad%20men');
    expect(strip('https://a.example/a?x=%7E&fbclid=1')).toBe('https://a.example/a?x=%7E');
  });

  it('leaves no bare "?" when every parameter was tracking', () => {
    expect(strip('https://a.example/a/?utm_source=x&gclid=y')).toBe('https://a.example/a/');
  });
});

describe('ampToCanonical', () => {
  it.each([
    ['https://www.a.example/news/story/amp/', 'https://www.a.example/news/story/'],
    ['https://www.a.example/news/story/amp', 'https://www.a.example/news/story'],
    ['https://www.a.example/amp/news/story', 'https://www.a.example/news/story'],
    ['https://www.a.example/news/story?amp', 'https://www.a.example/news/story'],
    ['https://www.a.example/news/story?amp=1&id=2', 'https://www.a.example/news/story?id=2'],
    ['https://www.a.example/news/story?outputType=amp', 'https://www.a.example/news/story'],
    ['https://www.a.example/news/story.amp.html', 'https://www.a.example/news/story.html'],
    ['https://www.a.example/news/story.amp', 'https://www.a.example/news/story'],
    ['https://amp.a.example/news/story', 'https://a.example/news/story'],
    ['https://www-a-example.cdn.ampproject.org/c/s/www.a.example/news/story/amp/', 'https://www.a.example/news/story/'],
    ['https://www-a-example.cdn.ampproject.org/v/s/www.a.example/news/story?amp_js_v=0.1&usqp=mq331AQ', 'https://www.a.example/news/story'],
    ['https://a-example.cdn.ampproject.org/c/a.example/news/story', 'http://a.example/news/story'],
    ['https://www.google.com/amp/s/www.a.example/news/story/amp/', 'https://www.a.example/news/story/'],
  ])('%s → %s', (from, to) => expect(amp(from)).toBe(to));

  it('leaves a slug that merely contains "amp" alone', () => {
    for (const url of [
      'https://a.example/news/amp-up-the-drama',
      'https://a.example/camp/story',
      'https://amp.example/story',
      'https://a.example/s?amp=0',
    ])
      expect(amp(url)).toBe(url);
  });
});

describe('canonicalUrl', () => {
  const page = 'https://www.a.example/news/story?utm_source=x';

  it('rel=canonical, else og:url, else the page; resolved against the page', () => {
    expect(canonicalUrl({ pageUrl: page, canonical: '/news/story-1', ogUrl: 'https://www.a.example/og', amp: false })).toBe(
      'https://www.a.example/news/story-1',
    );
    expect(canonicalUrl({ pageUrl: page, canonical: null, ogUrl: 'https://www.a.example/og?fbclid=1', amp: false })).toBe(
      'https://www.a.example/og',
    );
    expect(canonicalUrl({ pageUrl: page, canonical: null, ogUrl: null, amp: false })).toBe('https://www.a.example/news/story');
  });

  it('passes over canonicals that are not http(s) URLs', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '   ', 'http://', 'x'.repeat(5000)])
      expect(canonicalUrl({ pageUrl: page, canonical: bad, ogUrl: null, amp: false })).toBe('https://www.a.example/news/story');
  });

  it('a page may name a canonical on its own site (another subdomain included), not on another site', () => {
    expect(canonicalUrl({ pageUrl: page, canonical: 'https://edition.a.example/news/story', ogUrl: null, amp: false })).toBe(
      'https://edition.a.example/news/story',
    );
    expect(canonicalUrl({ pageUrl: page, canonical: 'https://www.other.example/their-story', ogUrl: null, amp: false })).toBe(
      'https://www.a.example/news/story',
    );
  });

  it('a home page is nobody else’s canonical (sites that put it on every page would make their articles one)', () => {
    for (const home of ['https://www.a.example/', 'https://www.a.example', '/'])
      expect(canonicalUrl({ pageUrl: page, canonical: home, ogUrl: null, amp: false })).toBe('https://www.a.example/news/story');
    expect(
      canonicalUrl({ pageUrl: null, canonical: 'https://www.a.example/', ogUrl: 'https://www.a.example/news/story', amp: false }),
    ).toBe('https://www.a.example/news/story');
    expect(canonicalUrl({ pageUrl: 'https://www.a.example/?utm_source=x', canonical: '/', ogUrl: null, amp: false })).toBe(
      'https://www.a.example/',
    );
  });

  it('an AMP page may name its regular page anywhere, and its AMP shape is undone', () => {
    const cache = 'https://www-a-example.cdn.ampproject.org/c/s/www.a.example/news/story/amp/';
    expect(canonicalUrl({ pageUrl: cache, canonical: 'https://www.a.example/news/story/', ogUrl: null, amp: true })).toBe(
      'https://www.a.example/news/story/',
    );
    expect(canonicalUrl({ pageUrl: cache, canonical: null, ogUrl: null, amp: true })).toBe('https://www.a.example/news/story/');
    expect(
      canonicalUrl({ pageUrl: 'https://www.a.example/s/amp/', canonical: 'https://www.a.example/s/amp/', ogUrl: null, amp: true }),
    ).toBe('https://www.a.example/s/');
  });

  it('a saved page (no address) keeps an absolute canonical as it is, and has none when it names none', () => {
    expect(canonicalUrl({ pageUrl: null, canonical: 'https://www.other.example/s', ogUrl: null, amp: false })).toBe(
      'https://www.other.example/s',
    );
    expect(canonicalUrl({ pageUrl: null, canonical: '/relative', ogUrl: null, amp: false })).toBeNull();
  });
});

describe('siteOf and documentKey', () => {
  it.each([
    ['www.nme.com', 'nme.com'],
    ['edition.cnn.com', 'cnn.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['www.dailyreel.co.uk', 'dailyreel.co.uk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s is on %s', (host, site) => expect(siteOf(host)).toBe(site));

  it('two addresses of one document have one key; two documents have two', () => {
    const key = documentKey('https://www.a.example/news/story/');
    for (const same of [
      'http://a.example/news/story',
      'https://WWW.A.EXAMPLE/news/story/?utm_source=x#top',
      'https://www.a.example/news/story/amp/',
      'https://www-a-example.cdn.ampproject.org/c/s/www.a.example/news/story/amp/',
    ])
      expect(documentKey(same), same).toBe(key);
    for (const other of [
      'https://www.a.example/news/story-2/',
      'https://www.a.example/news/story/?id=2',
      'https://www.b.example/news/story/',
    ])
      expect(documentKey(other), other).not.toBe(key);
    expect(documentKey(null)).toBeNull();
    expect(documentKey('not a url')).toBeNull();
  });
});
