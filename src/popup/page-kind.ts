/** What kind of page the popup is about: one Verbatim may run on, or one browsers close to extensions. */
import type { PackDocument } from '../engine/types';
import { hostOf, hostOnSite } from '../shared/settings';

/** `file`: a file on this computer; `maybe-file`: a hidden address that is a file or a blank page (hidden-page.ts). */
export type Restriction = 'browser' | 'store' | 'file' | 'maybe-file';

const STORES: { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/**
 * Why Verbatim cannot run on `url`, or null when it can. An unknown URL means the browser did not let
 * the extension see the tab: a browser page (chrome://, about:, another extension's page).
 */
export function restriction(url: string | null | undefined): Restriction | null {
  if (!url) return 'browser';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'browser';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.protocol === 'file:' ? 'file' : 'browser';
  const host = u.hostname.toLowerCase();
  if (STORES.some((s) => host === s.host && (!s.path || u.pathname.startsWith(s.path)))) return 'store';
  return null;
}

function sameArticle(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const path = (u: URL) => u.pathname.replace(/\/+$/, '');
    return x.hostname.replace(/^www\./, '') === y.hostname.replace(/^www\./, '') && path(x) === path(y);
  } catch {
    return false;
  }
}

/** The corpus document at this page's address (ignoring query, hash, "www." and a trailing slash), if any. */
export function corpusArticle(url: string, documents: readonly PackDocument[]): PackDocument | null {
  return documents.find((d) => d.url && sameArticle(d.url, url)) ?? null;
}

/**
 * The corpus document this page is, if it is one: the same article URL, else the only document of the
 * page's site.
 */
export function ownDocument(url: string | null | undefined, documents: readonly PackDocument[]): PackDocument | null {
  if (!url) return null;
  const exact = corpusArticle(url, documents);
  if (exact) return exact;
  const host = hostOf(url);
  if (!host) return null;
  const onSite = documents.filter((d) => d.site && hostOnSite(host, d.site));
  return onSite.length === 1 ? onSite[0]! : null;
}

/** Shortens `text` to about `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
