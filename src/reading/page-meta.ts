/**
 * What a page says about its article in its markup: canonical URL, outlet, title, publication date,
 * authors. Read from a parsed (inert) document before Readability changes it. Rules: docs/reading.md.
 */
import { normalizeDate, normalizeInstant } from './dates';
import { jsonLdFacts } from './json-ld';
import { canonicalUrl, displayHost, httpUrl } from './page-url';

export interface PageMeta {
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** The visible headline (first fitting `<h1>`), which the article text starts with; else the title. */
  headline: string | null;
  published: string | null;
  /** The publication instant, when the page states a time and zone with that date (`normalizeInstant`). */
  publishedAt: string | null;
  authors: string[];
}

/** Longer values are not a title or an outlet name (a hostile or broken page); the next source is used. */
const MAX_TITLE = 300;
const MAX_OUTLET = 100;
const MAX_META = 2_000;

/** Meta names, besides `article:published_time`, that news CMSs use for the publication date. */
const DATE_METAS = [
  'article:published_time',
  'og:article:published_time',
  'parsely-pub-date',
  'sailthru.date',
  'publish-date',
  'pubdate',
  'dcterms.created',
  'dc.date.issued',
];

/** Containers whose dates are not the article's: comments, related stories, sidebars. */
const NOT_ARTICLE =
  /(^|[\s_-])(comments?|commentlist|replies|reply|responses?|respond|discussion|disqus|related|recirc|recommended|more-stories|read-more|sidebar|widget|promo|trending|popular|newsletter)($|[\s_-])/i;

/** Whitespace collapsed; control characters, zero-width spaces and direction overrides removed. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    .trim();
}

/** Lower-case letters and digits only, without a leading "the": for comparing outlet names. */
function nameKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta')) {
    const content = meta.getAttribute('content');
    if (content === null || content.length > MAX_META) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, cleanText(content));
    }
  }
  return values;
}

function canonicalHref(doc: Document): string | null {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

function isAmp(doc: Document): boolean {
  const html = doc.documentElement;
  return html !== null && (html.hasAttribute('amp') || html.hasAttribute('⚡'));
}

function jsonLdBlocks(doc: Document): string[] {
  return [...doc.querySelectorAll('script[type]')]
    .filter((s) => /^\s*application\/ld\+json\s*(;|$)/i.test(s.getAttribute('type') ?? ''))
    .map((s) => s.textContent ?? '');
}

/**
 * A byline, not a headline: the name of an author of the page, or "By" and one to four capitalised
 * names (then anything after a separator or a digit: "By Jane Doe · 4 min read", "By Jane Doe and John
 * Roe, Nov 3"). "By the Numbers: …" is a headline.
 */
export function isByline(text: string, authors: readonly string[]): boolean {
  const t = cleanText(text);
  const keys = authors.map(nameKey).filter(Boolean);
  if (keys.includes(nameKey(t))) return true;
  const m = /^by\s*:?\s+(.+)$/i.exec(t);
  if (!m) return false;
  const rest = m[1]!;
  if (keys.some((k) => nameKey(rest).startsWith(k))) return true;
  if (t.split(' ').length > 14) return false;
  const names = rest
    .split(/\s*(?:[|·•,;/–—]|\s-\s|\band\b|&|\d)/)[0]!
    .trim()
    .split(' ');
  return names.length >= 1 && names.length <= 4 && names.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/** Separators between a headline and the site's name in `<title>` and social titles (kept by the split). */
const SEPARATOR = /(\s+(?:[|·•»]|::|[-–—])\s+)/;

/**
 * A title without the outlet's name around it ("Headline | NME", "NME – Headline"). `loose` (for `<title>`)
 * also drops a last " | …" part that names something else (a section: "Headline | TV | NME").
 */
export function cleanTitle(raw: string, outletNames: readonly string[], loose = false): string {
  const keys = new Set(outletNames.map(nameKey).filter(Boolean));
  const pieces = cleanText(raw).split(SEPARATOR);
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const separators = pieces.filter((_, i) => i % 2 === 1);
  const words = (list: string[]) => list.join(' ').split(' ').length;
  while (parts.length > 1) {
    if (keys.has(nameKey(parts[parts.length - 1]!))) {
      parts.pop();
      separators.pop();
    } else if (keys.has(nameKey(parts[0]!))) {
      parts.shift();
      separators.shift();
    } else if (loose && separators[separators.length - 1]!.trim() === '|' && words(parts.slice(0, -1)) >= 3) {
      parts.pop();
      separators.pop();
    } else break;
  }
  return parts
    .map((p, i) => p + (separators[i] ?? ''))
    .join('')
    .trim();
}

function usableTitle(value: string, authors: readonly string[], outletNames: readonly string[], loose = false): string | null {
  const title = cleanTitle(value, outletNames, loose);
  if (!title || title.length > MAX_TITLE) return null;
  if (isByline(title, authors)) return null;
  if (outletNames.some((o) => nameKey(o) === nameKey(title))) return null; // a logo in an <h1>
  return title;
}

/** Whether an element sits in a comment, a related-stories list, a sidebar or navigation. */
function outsideArticle(el: Element, article: Element | null): boolean {
  for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
    if (node === article) return false;
    const tag = node.tagName.toLowerCase();
    if (tag === 'aside' || tag === 'nav') return true;
    if (tag === 'article' && article && article.contains(node)) return true; // a comment as a nested <article>
    const marks = `${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''} ${node.getAttribute('itemtype') ?? ''}`;
    if (marks.length < 500 && (NOT_ARTICLE.test(marks) || /schema\.org\/(Comment|UserComments)/i.test(marks))) return true;
  }
  return false;
}

/**
 * The article's `<time datetime>` (as written): inside the element holding the headline (its `<article>`, else
 * `<main>`), not inside a comment, a related story, a sidebar or navigation; one marked as the publication
 * date (`itemprop=datePublished`, `pubdate`) first.
 */
function articleTime(doc: Document, headline: Element | null): string | null {
  const article = headline?.closest('article, main, [role="main"]') ?? doc.querySelector('article, main, [role="main"]');
  const scope: ParentNode = article ?? doc;
  const times = [...scope.querySelectorAll('time[datetime], [itemprop="datePublished"][datetime], [itemprop="datePublished"][content]')]
    .filter((t) => !outsideArticle(t, article))
    .filter((t) => (t.getAttribute('itemprop') ?? '').toLowerCase() !== 'datemodified');
  const marked = times.filter((t) => t.hasAttribute('pubdate') || (t.getAttribute('itemprop') ?? '').toLowerCase() === 'datepublished');
  for (const t of [...marked, ...times]) {
    const value = t.getAttribute('datetime') ?? t.getAttribute('content');
    if (normalizeDate(value)) return value;
  }
  return null;
}

function firstHeadline(doc: Document, authors: readonly string[], outletNames: readonly string[]): [Element, string] | null {
  let seen = 0;
  for (const h1 of doc.querySelectorAll('h1')) {
    if (++seen > 20) break;
    const title = usableTitle(h1.textContent ?? '', authors, outletNames);
    if (title) return [h1, title];
  }
  return null;
}

export function readPageMeta(doc: Document, pageUrl: string | null): PageMeta {
  const metas = metaValues(doc);
  const ld = jsonLdFacts(jsonLdBlocks(doc));
  const url = canonicalUrl({ pageUrl, canonical: canonicalHref(doc), ogUrl: metas.get('og:url') ?? null, amp: isAmp(doc) });
  const host = httpUrl(url ?? pageUrl);

  const outletCandidates = [metas.get('og:site_name'), ld.publisher].map(cleanText);
  const named = outletCandidates.find((o) => o && o.length <= MAX_OUTLET) ?? null;
  const outlet = named ?? (host ? displayHost(host) : null);
  // Names a title may carry around it: the outlet, its publisher, the site's host and its first label.
  const hostName = host ? displayHost(host) : '';
  const outletNames = [...outletCandidates, hostName, hostName.split('.')[0] ?? ''].filter(Boolean);

  const articleAuthor = metas.get('article:author');
  const authors = [
    ...ld.authors,
    metas.get('author'),
    articleAuthor && !httpUrl(articleAuthor) ? articleAuthor : undefined,
    metas.get('parsely-author'),
    ...[...doc.querySelectorAll('[rel~="author"], [itemprop="author"] [itemprop="name"]')].slice(0, 10).map((a) => a.textContent),
  ]
    .map(cleanText)
    .filter((a) => a && a.length <= MAX_OUTLET);

  const h1 = firstHeadline(doc, authors, outletNames);
  const titleTag = doc.querySelector('title')?.textContent ?? '';
  const title =
    usableTitle(metas.get('og:title') ?? '', authors, outletNames) ??
    h1?.[1] ??
    usableTitle(titleTag, authors, outletNames, true) ??
    usableTitle(ld.headline ?? '', authors, outletNames);

  // The first source that reads as a date gives both the day and, when it states one, the instant.
  const stated =
    [...DATE_METAS.map((name) => metas.get(name)), ld.datePublished].find((value) => normalizeDate(value)) ??
    articleTime(doc, h1?.[0] ?? null);
  const published = normalizeDate(stated);
  const publishedAt = published ? normalizeInstant(stated) : null;

  return { url, outlet, title, headline: h1?.[1] ?? title, published, publishedAt, authors };
}
