/**
 * A saved HTML page read as the extension reads it, plus what lineage needs to know about it: its URL
 * (canonical link or og:url), its outlet (og:site_name, else the host), its publication date (the
 * page's own metadata: `article:published_time`, JSON-LD `datePublished`, a `<time datetime>` — unknown
 * otherwise, never today's date) and its outbound links (credits: a link to another corpus article).
 */
import { buildTextMap } from '../dom/text-map';
import { parseHtml } from './html-text';

export interface SavedPage {
  title: string;
  text: string;
  url: string | null;
  outlet: string | null;
  site: string | null;
  published: string | null;
  links: string[];
}

const DATE = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;

/** A date as the page states it, if it reads as one ("2022-10-31", "2022-10-31T14:05:00Z"); null otherwise. */
export function cleanDate(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  return DATE.test(v) ? v : null;
}

/** `datePublished` anywhere in a JSON-LD value (an object, an array, an @graph). */
function jsonLdDate(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const d = jsonLdDate(v);
      if (d) return d;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const own = typeof record['datePublished'] === 'string' ? cleanDate(record['datePublished']) : null;
  return own ?? jsonLdDate(record['@graph'] ?? null);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  const m = /^[a-z]+:\/\/([^/?#:]+)/i.exec(url);
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

export function readSavedPage(html: string): SavedPage {
  const window = parseHtml(html);
  try {
    const doc = window.document;
    const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
    const url = canonical && /^https?:\/\//i.test(canonical) ? canonical : null;
    let published = cleanDate(meta('meta[property="article:published_time"]')) ?? cleanDate(meta('meta[name="article:published_time"]'));
    if (!published) {
      for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
        try {
          published = jsonLdDate(JSON.parse(script.textContent ?? ''));
        } catch {
          // A broken JSON-LD block says nothing.
        }
        if (published) break;
      }
    }
    published ??= cleanDate((doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]'))?.getAttribute('datetime'));
    const root = doc.querySelector('article') ?? doc.body;
    const links = root
      ? Array.from(root.querySelectorAll('a[href]'))
          .map((a) => a.getAttribute('href')!.trim())
          .map((href) =>
            /^https?:\/\//i.test(href) ? href : url && href.startsWith('/') ? url.replace(/^(https?:\/\/[^/]+).*$/i, '$1') + href : null,
          )
          .filter((x): x is string => x !== null)
      : [];
    const site = hostOf(url);
    return {
      title: (doc.title ?? '').trim(),
      text: doc.body ? buildTextMap(doc.body as unknown as Element).text : '',
      url,
      outlet: meta('meta[property="og:site_name"]') ?? site,
      site,
      published,
      links: [...new Set(links)],
    };
  } finally {
    void window.happyDOM.close();
  }
}
