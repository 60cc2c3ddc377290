/**
 * Vite plugin: rewrites the two `innerHTML` assignments in @mozilla/readability as DOM moves, so the
 * shipped code builds no HTML from strings and `web-ext lint` stays at 0 warnings. Both only ever copy
 * markup within the same inert (DOMParser) document, so cloning nodes is equivalent:
 *  - the page cache Readability restores between extraction attempts;
 *  - the `<noscript>` image it unwraps (a DOMParser document parses noscript content as elements).
 * A Readability update that changes these lines fails the build instead of shipping unpatched code.
 */
import type { Plugin } from 'vite';

export const READABILITY_PATCHES: [from: string, to: string][] = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheNode = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheNode.cloneNode(true).childNodes);'],
  ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...noscript.cloneNode(true).childNodes);'],
];

export function patchReadability(code: string): string {
  let out = code;
  for (const [from, to] of READABILITY_PATCHES) {
    if (!out.includes(from)) throw new Error(`readability-safe: expected \`${from}\` in Readability.js (was the package updated?)`);
    out = out.split(from).join(to);
  }
  if (/\.innerHTML\s*=[^=]/.test(out)) throw new Error('readability-safe: an innerHTML assignment is left in Readability.js');
  return out;
}

export function readabilitySafe(): Plugin {
  return {
    name: 'verbatim-readability-safe',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/.test(id.split('?')[0]!)) return null;
      return { code: patchReadability(code), map: null };
    },
  };
}
