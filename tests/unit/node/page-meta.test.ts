import { describe, expect, it } from 'vitest';
import { cleanDate, readSavedPage } from '../../../src/node/page-meta';

const page = (head: string, body = '<article><p>“Words,” she said.</p></article>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('a saved page’s metadata', () => {
  it('takes the date from article:published_time, then JSON-LD datePublished, then <time datetime>; none → unknown', () => {
    expect(readSavedPage(page('<meta property="article:published_time" content="2022-10-31T14:05:00Z">')).published).toBe(
      '2022-10-31T14:05:00Z',
    );
    expect(
      readSavedPage(
        page(
          '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-11-02"}]}</script>',
        ),
      ).published,
    ).toBe('2022-11-02');
    expect(readSavedPage(page('', '<article><time datetime="2022-11-03">Nov 3</time><p>x</p></article>')).published).toBe('2022-11-03');
    expect(readSavedPage(page('<script type="application/ld+json">{broken</script>')).published).toBeNull();
    expect(readSavedPage(page('')).published).toBeNull();
    expect(cleanDate('yesterday')).toBeNull();
  });

  it('reads the URL, the outlet (og:site_name, else the host) and absolute outbound links of the article', () => {
    const p = readSavedPage(
      page(
        '<link rel="canonical" href="https://www.example.com/news/a"><meta property="og:site_name" content="Example News">',
        '<article><p>As first reported by <a href="https://www.nme.com/news/tv/x">NME</a>, and <a href="/other">here</a>.</p></article>',
      ),
    );
    expect(p).toMatchObject({ url: 'https://www.example.com/news/a', outlet: 'Example News', site: 'example.com' });
    expect(p.links).toEqual(['https://www.nme.com/news/tv/x', 'https://www.example.com/other']);
    expect(p.text).toContain('As first reported by NME');
    expect(readSavedPage(page('<meta property="og:url" content="https://www.example.org/x">')).outlet).toBe('example.org');
  });
});
