/**
 * A page's HTML → the article it holds, read the same way by the extension's background (an MV3
 * service worker: no DOMParser, no DOM), the popup's "Add this page" and the CLI.
 *
 * The HTML is parsed by linkedom into a document of plain objects: no script runs, nothing loads, nothing
 * is ever inserted into a live document, and no HTML is built from strings. The page's metadata is read
 * first (page-meta.ts), then @mozilla/readability finds the article, whose text is kept one line per
 * block with the headline first, as the corpus's own captures are. Decisions: docs/reading.md.
 */
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { blockText } from './block-text';
import { isByline, readPageMeta } from './page-meta';

export interface ReadArticle {
  /** The canonical URL (tracking parameters and fragment dropped, an AMP copy's regular page); null for a saved page that names none. */
  url: string | null;
  /** `og:site_name`, else the JSON-LD publisher, else the host without `www.`; null when none is known. */
  outlet: string | null;
  /** `og:title`, else the first `<h1>`, else `<title>` without the outlet's name (else JSON-LD `headline`); never a byline. */
  title: string | null;
  /** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`: the precision the page gives); null when the page states none. */
  published: string | null;
  /** The publication instant (`2022-11-03T10:00:00-04:00`) when the page states a time and zone; null otherwise. */
  publishedAt: string | null;
  /** The article, one line per block, the headline first. */
  text: string;
  words: number;
  /** Absolute http(s) links inside the article (credits: a link to another outlet's story), each once. */
  links: string[];
}

/**
 * Limits past which a page is not read (null), so that no page can hold the worker for long: Readability's
 * cost grows with the number of elements and with the square of their nesting (tests/unit/reading,
 * docs/reading.md). Real article pages stay far below: 1–6 000 elements, nested 20–60 deep, a few kB to
 * a few hundred kB of text.
 */
export const MAX_HTML = 8 * 1024 * 1024;
export const MAX_ELEMENTS = 20_000;
export const MAX_DEPTH = 100;
export const MAX_TEXT = 1_000_000;

/** Elements whose content a reader never sees as text, removed before Readability looks for the article. */
const NOT_TEXT = 'script, style, noscript, template, svg, iframe, frame, object, embed, canvas, video, audio, link, meta';
/** An article body shorter than this (headline aside) is not an article: a gallery, a video page, an index. */
export const MIN_WORDS = 40;

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Links kept per article: a credit is one of the first few; a hostile page's thousands are not read. */
const MAX_LINKS = 200;

/** The article's links, absolute (a relative one resolved against the page's URL), http(s) only. */
function articleLinks(article: Element, base: string | null): string[] {
  const links = new Set<string>();
  for (const a of article.querySelectorAll('a[href]')) {
    if (links.size >= MAX_LINKS) break;
    try {
      const url = new URL(a.getAttribute('href')!.trim(), base ?? undefined);
      if (url.protocol === 'http:' || url.protocol === 'https:') links.add(url.href);
    } catch {
      // A relative link on a page with no known address, or no URL at all: nothing to credit.
    }
  }
  return [...links];
}

/** Same headline, typography and spacing aside. */
function sameLine(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[‘’‚‛′]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[^\p{L}\p{N}'"]+/gu, '');
  return key(a) === key(b);
}

/** Body lines → text whose first line is the headline: a headline or byline Readability kept at the top is not repeated. */
function withHeadline(lines: string[], headline: string | null, authors: readonly string[]): string[] {
  const body = [...lines];
  for (let i = 0; i < 3 && i < body.length;) {
    const line = body[i]!;
    if ((headline && sameLine(line, headline)) || isByline(line, authors)) body.splice(i, 1);
    else i++;
  }
  return headline ? [headline, ...body] : body;
}

/** Start tags in the HTML, counted without parsing it: an upper bound of its elements (text in scripts aside). */
function tagCount(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) count++;
  }
  return count;
}

/** At most MAX_ELEMENTS elements, nested at most MAX_DEPTH deep; one pass in document order. */
function withinLimits(doc: Document): boolean {
  // (Not getElementsByTagName('*'): linkedom matches no element with it.)
  const all = doc.querySelectorAll('*');
  if (all.length > MAX_ELEMENTS) return false;
  const open: Element[] = [];
  for (const el of all) {
    while (open.length > 0 && open[open.length - 1] !== el.parentElement) open.pop();
    open.push(el);
    if (open.length > MAX_DEPTH) return false;
  }
  return true;
}

/**
 * `pageUrl`: the address the page was read at (null for a saved file: its canonical URL is then taken
 * as the page states it). Null when the page holds no article. Never throws on page content.
 */
export function readArticle(html: string, pageUrl: string | null): ReadArticle | null {
  if (typeof html !== 'string' || html.length === 0 || html.length > MAX_HTML || tagCount(html) > 4 * MAX_ELEMENTS) return null;
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    if (!doc.documentElement || !doc.body || !withinLimits(doc)) return null;
    const meta = readPageMeta(doc, pageUrl);
    // (A browser never shows a <template>'s content either; linkedom parses it as children.)
    for (const el of doc.body.querySelectorAll(NOT_TEXT)) el.remove();
    if ((doc.body.textContent ?? '').length > MAX_TEXT) return null;
    const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
    if (!parsed?.content) return null;
    const lines = withHeadline(blockText(parsed.content).split('\n').filter(Boolean), meta.headline, meta.authors);
    const bodyWords = countWords(lines.slice(meta.headline ? 1 : 0).join(' '));
    if (bodyWords < MIN_WORDS) return null;
    const text = lines.join('\n');
    return {
      url: meta.url,
      outlet: meta.outlet,
      title: meta.title,
      published: meta.published,
      publishedAt: meta.publishedAt,
      text,
      words: countWords(text),
      links: articleLinks(parsed.content, meta.url ?? pageUrl),
    };
  } catch {
    // A page that breaks the parser or Readability (pathological nesting, say) holds no article we can read.
    return null;
  }
}
