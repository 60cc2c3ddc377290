/**
 * The only code that runs on every page. It reads a bounded sample (URL, title, description,
 * headline and the first few kB of text) and looks for the topic's strongest terms; the matcher,
 * mark.js and the UI load only on pages that pass. See docs/performance.md for what this costs.
 */

/** How much body text the gate reads at most: enough for a headline, standfirst and lead. */
export const GATE_SAMPLE_CHARS = 6000;

/** Builds one case-insensitive regex for the gate terms; whitespace in a term matches any space or hyphen. */
export function gatePattern(terms: string[]): RegExp | null {
  const parts = terms
    .filter((t) => t.trim().length > 0)
    .map((t) => t.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s\\u00a0-]+'));
  return parts.length ? new RegExp(`\\b(?:${parts.join('|')})\\b`, 'i') : null;
}

/** The first `limit` characters of text under `root`, skipping script and style text. */
export function leadingText(root: Node, limit = GATE_SAMPLE_CHARS, doc: Document = document): string {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    const parent = n.parentNode?.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    out += ' ' + (n.nodeValue ?? '');
  }
  return out.slice(0, limit);
}

/** What the gate reads of a page. */
export function gateSample(doc: Document = document): string {
  const description = doc.querySelector('meta[name="description"], meta[property="og:title"]')?.getAttribute('content') ?? '';
  const body = doc.body ? leadingText(doc.body, GATE_SAMPLE_CHARS, doc) : '';
  return `${decodeURIComponentSafe(doc.location?.href ?? '')} ${doc.title} ${description} ${body}`;
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url).replace(/[-_/]+/g, ' ');
  } catch {
    return url.replace(/[-_/]+/g, ' ');
  }
}

export function passesGate(pattern: RegExp | null, doc: Document = document): boolean {
  return pattern !== null && pattern.test(gateSample(doc));
}
