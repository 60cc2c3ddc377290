/**
 * The gate's second look at a page whose URL or title only hints at the topic (src/engine/gate.ts):
 * the background runs this in the page with `scripting.executeScript({ func, args })` and judges the
 * text it returns. The browser sends the function's source text alone, so it must stay self-contained:
 * no imports, no helpers or constants from outside its body.
 */
export function readGateSample(limit: number): string {
  const doc = document;
  const attr = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? '';
  const head = [attr('meta[name="description"]'), attr('meta[property="og:title"]'), doc.querySelector('h1')?.textContent ?? ''];
  const body = doc.body;
  if (!body) return head.join(' ');
  // The lead as a reader sees it: text outside scripts, styles and templates, in document order.
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && skip.has(n.parentElement.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let lead = '';
  for (let n = walker.nextNode(); n && lead.length < limit; n = walker.nextNode()) lead += ' ' + (n.nodeValue ?? '');
  return `${head.join(' ')} ${lead.slice(0, limit)}`;
}
