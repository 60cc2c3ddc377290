/**
 * Which document a page is: its canonical URL, with tracking parameters and the fragment dropped, and
 * an AMP copy taken back to the page it copies. Rules and their reasons: docs/reading.md.
 */

/**
 * Query parameters that only say how the reader got to a page, never which page it is. Matched
 * case-insensitively; `utm_*` and `at_*` as prefixes. Deliberately absent: generic names that are page
 * ids on some sites (`id`, `cid`, `src`, `source`, `page`, `p`, `s`, `share`).
 */
export const TRACKING_PARAMS: readonly string[] = [
  // ad and social click ids
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'epik',
  // newsletters and marketing tools
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'sr_share',
  // analytics and cross-site linkers
  '_ga',
  '_gl',
  'xtor',
  // referrers
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  // outlets' own campaign and share tags
  'cmpid',
  'ncid',
  'ocid',
  'smid',
  'smtyp',
  'soc_src',
  'soc_trk',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'spm',
];
const TRACKING_PREFIXES = ['utm_', 'at_'];
const TRACKING = new Set(TRACKING_PARAMS);

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/** An absolute http(s) URL, or null (relative without a base, another scheme, malformed, absurdly long). */
export function httpUrl(value: string | null | undefined, base?: string | null): URL | null {
  if (!value) return null;
  const raw = value.trim();
  if (raw === '' || raw.length > 4096) return null;
  try {
    const url = base ? new URL(raw, base) : new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The URL without tracking parameters and fragment. */
export function stripTracking(url: URL): URL {
  const out = new URL(url.href);
  out.hash = '';
  for (const name of [...new Set(out.searchParams.keys())]) if (isTrackingParam(name)) out.searchParams.delete(name);
  // URLSearchParams re-encodes what it keeps; leave a query untouched when nothing was removed.
  if (out.searchParams.size === new URL(url.href).searchParams.size) out.search = url.search;
  if (out.searchParams.size === 0) out.search = '';
  return out;
}

/** Query parameters that ask for a page's AMP rendering (`?amp`, `?amp=1`, `?outputType=amp`…). */
function isAmpParam(name: string, value: string): boolean {
  const key = name.toLowerCase();
  const v = value.toLowerCase();
  if (key === 'amp' || key === 'amp_js_v' || key === 'usqp') return key !== 'amp' || v === '' || v === '1' || v === 'true' || v === 'yes';
  return (key === 'outputtype' || key === 'output' || key === 'format') && v === 'amp';
}

/**
 * The regular page an AMP URL copies, by the URL's shape alone (used when an AMP page names no canonical):
 * AMP caches (`*.cdn.ampproject.org/c/s/HOST/PATH`, `www.google.com/amp/s/HOST/PATH`), an `amp.` host,
 * an `/amp` path segment, a `.amp` or `.amp.html` ending, and the AMP query parameters. Any other URL is
 * returned unchanged.
 */
export function ampToCanonical(input: URL): URL {
  let url = new URL(input.href);
  const cached = fromAmpCache(url);
  if (cached) url = cached;
  if (/^amp\./i.test(url.hostname) && url.hostname.split('.').length > 2) url.hostname = url.hostname.slice(4);
  const segments = url.pathname.split('/');
  const kept = segments.filter((s, i) => i === 0 || s.toLowerCase() !== 'amp');
  if (kept.length !== segments.length) url.pathname = kept.join('/') || '/';
  url.pathname = url.pathname.replace(/\.amp\.html?$/i, '.html').replace(/\.amp$/i, '');
  const before = url.searchParams.size;
  for (const [name, value] of [...url.searchParams.entries()]) if (isAmpParam(name, value)) url.searchParams.delete(name);
  if (url.searchParams.size !== before && url.searchParams.size === 0) url.search = '';
  return url;
}

/** `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a` and `https://www.google.com/amp/s/www.example.com/a`. */
function fromAmpCache(url: URL): URL | null {
  const host = url.hostname.toLowerCase();
  let m: RegExpExecArray | null = null;
  if (host.endsWith('.cdn.ampproject.org')) m = /^\/[a-z]{1,2}\/(s\/)?([^/]+\.[^/]+(?:\/.*)?)$/i.exec(url.pathname);
  else if (/^(www\.)?google\.[a-z.]+$/.test(host)) m = /^\/amp\/(s\/)?([^/]+\.[^/]+(?:\/.*)?)$/.exec(url.pathname);
  if (!m) return null;
  return httpUrl(`${m[1] ? 'https' : 'http'}://${m[2]}${url.search}`);
}

/** Second-level labels under which each name is a separate site (`bbc.co.uk`, `abc.net.au`). */
const SECOND_LEVEL = /^(co|com|net|org|gov|ac|edu|ne|or|go|gob|nic|ltd|plc|sch|info|biz)$/;

/**
 * The site a host belongs to: its last two labels, three under a country's second-level domain
 * (`co.uk`, `com.au`, `co.jp`…). An approximation of the public suffix list, good for telling one news
 * site from another; an IP address is its own site.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.test(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** The host as people name a site: without `www.` (`www.nme.com` → `nme.com`). */
export function displayHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\d*\./, '');
}

/**
 * A key equal for two URLs of the same document: canonical URLs as `canonicalUrl` gives them, compared
 * without scheme, `www.`, case of the host, a trailing slash, tracking parameters or AMP shape.
 * Null for anything that is not an http(s) URL.
 */
export function documentKey(value: string | null | undefined): string | null {
  const parsed = httpUrl(value);
  if (!parsed) return null;
  const url = ampToCanonical(stripTracking(parsed));
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${displayHost(url)}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}

export interface CanonicalInput {
  /** The page's address, when known (a saved file has none). */
  pageUrl: string | null;
  /** `<link rel=canonical href>` and `<meta property=og:url content>`, as written. */
  canonical: string | null;
  ogUrl: string | null;
  /** `<html amp>` or `<html ⚡>`. */
  amp: boolean;
}

/**
 * The page's canonical URL: `rel=canonical`, else `og:url`, else the page's own URL; resolved against the
 * page URL; tracking parameters and fragment dropped. A page may only name a canonical on its own site
 * (else any page could claim to be another outlet's article and replace it in the reader's corpus), with
 * one exception: an AMP page, whose canonical is by design the regular page, often on another host (the
 * AMP caches). A site's home page is not taken as the canonical of another page. An AMP page without a
 * usable canonical is taken back to its regular page by URL shape.
 * Null when there is no http(s) URL at all.
 */
export function canonicalUrl({ pageUrl, canonical, ogUrl, amp }: CanonicalInput): string | null {
  const page = httpUrl(pageUrl);
  const pageIsAmpCache = page !== null && fromAmpCache(page) !== null;
  for (const declared of [canonical, ogUrl]) {
    const url = httpUrl(declared, page?.href);
    if (!url) continue;
    if (page && siteOf(url.hostname) !== siteOf(page.hostname) && !amp && !pageIsAmpCache) continue;
    // A site's home page named as every page's canonical (a common misconfiguration) would make all its articles one.
    if (isHomePage(url) && !(page && isHomePage(page))) continue;
    const clean = stripTracking(url);
    return (amp ? ampToCanonical(clean) : clean).href;
  }
  if (!page) return null;
  const clean = stripTracking(page);
  return (amp || pageIsAmpCache || looksAmp(clean) ? ampToCanonical(clean) : clean).href;
}

function isHomePage(url: URL): boolean {
  return (url.pathname === '/' || url.pathname === '') && url.search === '';
}

/** Whether a URL has one of the AMP shapes `ampToCanonical` undoes. */
export function looksAmp(url: URL): boolean {
  return ampToCanonical(url).href !== url.href;
}

/** Per document list, its documents by `documentKey` (built once per corpus, not per page). */
const byKey = new WeakMap<readonly { id: string; url: string | null }[], Map<string, string[]>>();

/**
 * The corpus documents that are the page at `url` (the same document as `documentKey` says: the page was
 * learned or added): matching leaves their own wordings out, so a page is never its own evidence.
 */
export function documentsOfPage(documents: readonly { id: string; url: string | null }[], url: string | null | undefined): Set<string> {
  const key = documentKey(url);
  if (key === null) return new Set();
  let keys = byKey.get(documents);
  if (!keys) {
    keys = new Map();
    for (const d of documents) {
      const k = documentKey(d.url);
      if (k !== null) keys.set(k, [...(keys.get(k) ?? []), d.id]);
    }
    byKey.set(documents, keys);
  }
  return new Set(keys.get(key));
}
