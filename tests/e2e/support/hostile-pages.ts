/**
 * Hostile pages for the hardening tests: each is a corpus article (so Verbatim has work to do)
 * made hard in one way. These are test fixtures, so plain HTML strings are fine here.
 */
import type { ManifestDocument } from '../../support/corpus';
import { corpusArticlePage } from '../../support/corpus';

/** Adds a script (and optional extra body HTML) to a corpus article page. */
function withScript(doc: ManifestDocument, script: string, extraBody = ''): string {
  return corpusArticlePage(doc)
    .replace('</head>', `<script>${script}</script></head>`)
    .replace(
      '</body>',
      `${extraBody}<button id="page-button" onclick="this.textContent='clicked ' + (++window.__clicks)">page button</button><script>window.__clicks = 0;</script></body>`,
    );
}

export const hostilePages: Record<string, (doc: ManifestDocument) => string> = {
  /** Built-ins the content script might use, replaced by functions that lie or throw. */
  'overridden-builtins': (doc) =>
    withScript(
      doc,
      `Array.prototype.map = function () { return 'hostile'; };
       Array.prototype.forEach = function () { throw new Error('hostile forEach'); };
       JSON.parse = function () { return { hostile: true }; };
       JSON.stringify = function () { return '"hostile"'; };
       window.MutationObserver = function () { throw new Error('hostile MutationObserver'); };
       const realAppend = Node.prototype.appendChild;
       Node.prototype.appendChild = function (n) { window.__appends = (window.__appends || 0) + 1; return realAppend.call(this, n); };
       Node.prototype.insertBefore = function () { throw new Error('hostile insertBefore'); };
       Element.prototype.querySelectorAll = function () { return []; };
       window.requestIdleCallback = function () { throw new Error('hostile rIC'); };
       Promise.prototype.then = function () { return this; };`,
    ),

  /** Thousands of DOM mutations a second, forever, next to the article. */
  'mutation-storm': (doc) =>
    withScript(
      doc,
      `window.__ticks = 0;
       addEventListener('DOMContentLoaded', () => {
         const box = document.createElement('div'); box.id = 'storm'; document.body.appendChild(box);
         setInterval(() => {
           for (let i = 0; i < 40; i++) { const s = document.createElement('span'); s.textContent = 'tick ' + i; box.appendChild(s); }
           box.textContent = ''; window.__ticks++;
         }, 4);
       });`,
    ),

  /** 100 000 text nodes after the article. */
  'hundred-thousand-nodes': (doc) =>
    withScript(
      doc,
      `addEventListener('DOMContentLoaded', () => {
         const box = document.createElement('section'); box.id = 'many';
         for (let i = 0; i < 100000; i++) { const s = document.createElement('span'); s.textContent = 'node' + (i % 97) + ' '; box.appendChild(s); }
         document.body.appendChild(box);
       });`,
    ),

  /**
   * The article moved to the bottom of 5 000 nested elements (deeper than the HTML parser allows).
   * Inline elements: 5 000 nested blocks crash Chromium's own renderer, extension or not.
   */
  'deep-nesting': (doc) =>
    withScript(
      doc,
      `addEventListener('DOMContentLoaded', () => {
         let host = document.body;
         for (let i = 0; i < 5000; i++) { const d = document.createElement('span'); host.appendChild(d); host = d; }
         host.appendChild(document.querySelector('article'));
       });`,
    ),

  /** About 5 MB of text after the article. */
  'five-megabytes': (doc) =>
    withScript(
      doc,
      '',
      `<section id="filler">${Array.from({ length: 12_000 }, (_, i) => `<p>Paragraph ${i}: the committee reviewed quarterly ledgers, harbour logistics and the weather over the bay, then adjourned while bicycles and trams moved through the city centre, and the minutes were filed for the archive in the usual way for review.</p>`).join('')}</section>`,
    ),

  /** The article with another corpus article in a same-origin frame and one in a srcdoc frame. */
  frames: (doc) =>
    withScript(
      doc,
      '',
      `<iframe id="same" src="/hostile/frame-inner.html" width="600" height="300"></iframe><iframe id="srcdoc" srcdoc="<p>Moss said: “That right there is the real Jon.”</p>"></iframe>`,
    ),

  /** Opens an about:blank popup on load and writes into it. */
  'blank-popup': (doc) =>
    withScript(
      doc,
      `addEventListener('load', () => { const w = window.open('about:blank'); if (w) { w.document.body.textContent = 'Mad Men popup'; window.__popup = true; } });`,
    ),
};

/** A strict CSP page: no inline scripts or styles are allowed at all. */
export const STRICT_CSP = "default-src 'none'; img-src 'none'; style-src 'none'; script-src 'none'";
