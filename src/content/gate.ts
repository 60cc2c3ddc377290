/**
 * The only code that runs on every page. It reads a bounded sample (URL, title, description,
 * headline and the first few kB of text) and looks for the topic's strongest terms; the matcher,
 * mark.js and the UI load only on pages that pass. See docs/performance.md for what this costs.
 */

/** How much body text the gate reads at most: enough for a headline, standfirst and lead. */
export const GATE_SAMPLE_CHARS = 6000;

/** A word character for `\b` purposes (as in a non-unicode JS regex). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
}

/** Characters allowed between the words of a term: whitespace, no-break space, hyphen, underscore, slash. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 160 || code === 45 || code === 95 || code === 47 || (code >= 9 && code <= 13);
}

/**
 * A case-insensitive test for any gate term, as a whole word; between a term's words any run of
 * spaces, hyphens, underscores or slashes matches (so "mad-men" in a URL does). No RegExp on purpose:
 * V8 compiles a regex to machine code the first time it runs over a long string (the lead is 6000
 * characters), which measured ~2 ms of the gate's cost to every page (docs/performance.md).
 */
export function gateMatcher(terms: string[]): ((text: string) => boolean) | null {
  const list = terms.map((t) => t.trim().toLowerCase().split(' ').filter(Boolean)).filter((w) => w.length > 0);
  if (list.length === 0) return null;
  return (text: string) => {
    const s = text.toLowerCase();
    for (const words of list) {
      const first = words[0]!;
      for (let at = s.indexOf(first); at !== -1; at = s.indexOf(first, at + 1)) {
        if (at > 0 && isWordChar(s.charCodeAt(at - 1))) continue;
        let end = at + first.length;
        let ok = true;
        for (let w = 1; w < words.length && ok; w++) {
          const gap = end;
          while (end < s.length && isSeparator(s.charCodeAt(end))) end++;
          ok = end > gap && s.startsWith(words[w]!, end);
          end += words[w]!.length;
        }
        if (ok && (end >= s.length || !isWordChar(s.charCodeAt(end)))) return true;
      }
    }
    return false;
  };
}

/**
 * One XPath string query: the answer comes back as a string, so no DOM wrapper is made for any node.
 * That matters here: in a content script's isolated world the first wrapper of each DOM interface
 * (Node, Element, HTMLBodyElement, Text…) is set up on first use, which is most of what a gate costs a
 * small page (docs/performance.md). Only used for small answers (a string value of the whole body would
 * copy the whole body: 15 ms on the 1 MB page).
 */
function xpathString(doc: Document, expression: string): string {
  try {
    return doc.evaluate(expression, doc, null, 2 /* XPathResult.STRING_TYPE */, null).stringValue;
  } catch {
    return '';
  }
}

/** Characters that script, style and noscript text practically always holds and a sentence rarely does. */
const CODE_LIKE = /[{}();=<]/;

/**
 * The first `limit` characters of text under `root`, skipping script, style and noscript text.
 * Only text nodes get a wrapper: a node's parent is looked at only when its text looks like code
 * (`CODE_LIKE`), because each new element type touched (p, a, em, h2…) sets up its DOM interface in
 * the isolated world — about 1 ms of the gate's cost on a small page when every parent was read.
 */
export function leadingText(root: Node, limit = GATE_SAMPLE_CHARS, doc: Document = document): string {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    if (CODE_LIKE.test(text)) {
      const parent = n.parentNode?.nodeName;
      if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    }
    out += ' ' + text;
  }
  return out.slice(0, limit);
}

/** The cheap part of what the gate reads: URL, title, description and the first headline. */
export function gateHead(doc: Document = document): string {
  const meta = xpathString(doc, "concat(string(//meta[@name='description']/@content), ' ', string(//meta[@property='og:title']/@content), ' ', string((//h1)[1]))");
  return `${decodeURIComponentSafe(doc.URL ?? '')} ${doc.title} ${meta}`;
}

/** The URL as text; separators (-, _, /) are left in: the gate pattern treats them as spaces. */
function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

type Matcher = ((text: string) => boolean) | null;

/** The distinct lower-cased first words of `terms`: no term can match a text that holds none of them. */
export function gateLeads(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => t.trim().toLowerCase().split(' ')[0]!).filter(Boolean))];
}

/**
 * The first look on every page: does the URL or title hold any lead word at all? One plain loop, because
 * on a page with nothing to say each function the gate runs for the first time is compiled for it
 * (~0.1–0.3 ms apiece on this machine, docs/performance.md); the matchers run only when this says yes.
 */
export function mayMention(doc: Document, leads: readonly string[]): boolean {
  const url = doc.URL ?? '';
  const head = ((url.indexOf('%') === -1 ? url : decodeURIComponentSafe(url)) + ' ' + doc.title).toLowerCase();
  for (let i = 0; i < leads.length; i++) if (head.indexOf(leads[i]!) !== -1) return true;
  return false;
}

/**
 * In stages, each read only when the one before hints at the topic, because every DOM interface the
 * gate touches costs a page with nothing to say (docs/performance.md):
 * 1. URL and title (nearly free): a deciding term passes; no term and no hint stops here.
 * 2. Description, og:title, first headline, then the lead: a deciding term passes.
 * Trade-off: a page whose URL and title name neither the show nor anyone in it is not analysed.
 */
export function passesGate(terms: Matcher, hints: Matcher = null, doc: Document = document): boolean {
  if (terms === null) return false;
  const head = `${decodeURIComponentSafe(doc.URL ?? '')} ${doc.title}`;
  if (terms(head)) return true;
  if (!hints?.(head)) return false;
  return terms(gateHead(doc)) || (doc.body !== null && terms(leadingText(doc.body, GATE_SAMPLE_CHARS, doc)));
}
