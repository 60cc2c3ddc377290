/**
 * Functions the extension runs inside a page with `scripting.executeScript({ func, args })`. The browser
 * sends each function's source text alone, so each must stay self-contained: no imports, no helpers or
 * constants from outside its body (tests/unit/shared/page-functions.test.ts rebuilds them from source).
 */

/** The page's HTML and URL, for "Add this page" (parsed in the popup, never in the page). */
export function readPageHtml(): { html: string; url: string } {
  return { html: document.documentElement.outerHTML, url: location.href };
}

/**
 * The gate's second look at a page whose URL or title only hints at the topic (src/engine/topic/gate.ts):
 * the background judges the text this returns.
 */
export function readGateSample(limit: number): string {
  const doc = document;
  // What news sites say about a page in its head: description, social titles, keywords and tags
  // (a tag list is often the only place an interview's page names the show).
  const metas = Array.from(
    doc.querySelectorAll(
      'meta[name="description"], meta[property="og:title"], meta[property="og:description"], meta[name="twitter:title"], meta[name="keywords"], meta[name="news_keywords"], meta[property="article:tag"]',
    ),
  ).map((m) => m.getAttribute('content') ?? '');
  const head = [...metas, doc.querySelector('h1')?.textContent ?? ''].join(' ');
  // The lead of the article itself where the page marks it out: on real sites the first thousands of
  // characters of <body> are often menus.
  const root = doc.querySelector('article, [itemprop="articleBody"], main, [role="main"]') ?? doc.body;
  if (!root) return head;
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && skip.has(n.parentElement.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let lead = '';
  for (let n = walker.nextNode(); n && lead.length < limit; n = walker.nextNode()) lead += ' ' + (n.nodeValue ?? '');
  return `${head.slice(0, limit)} ${lead.slice(0, limit)}`;
}
