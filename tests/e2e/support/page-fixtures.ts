/**
 * Pages for the highlighter e2e tests: late-loaded bodies, a single-page app, infinite scroll and
 * hostile CSS. Built with a DOM (happy-dom); article markup comes from `corpusArticlePage` and is moved
 * as serialized DOM, never by pasting corpus text into HTML strings. Scripts are fixed test code.
 */
import { Window } from 'happy-dom';
import { unrelatedPage } from '../../support/article-page';
import { corpusArticlePage, type ManifestDocument } from '../../support/corpus';

type Doc = InstanceType<typeof Window>['document'];

function parse(html: string): { window: Window; doc: Doc } {
  const window = new Window();
  window.document.write(html);
  return { window, doc: window.document };
}

/** The <main> of a served article page, as markup produced by a DOM serializer. */
function mainOf(html: string): string {
  const { window, doc } = parse(html);
  const out = doc.querySelector('main')!.outerHTML;
  void window.happyDOM.close();
  return out;
}

/** Starts from `base`, runs `edit` on its document, and serializes it back. */
function editPage(base: string, edit: (doc: Doc) => void): string {
  const { window, doc } = parse(base);
  edit(doc);
  const html = '<!doctype html>\n' + doc.documentElement.outerHTML;
  void window.happyDOM.close();
  return html;
}

function addTemplate(doc: Doc, id: string, markup: string): void {
  const template = doc.createElement('template');
  template.id = id;
  template.innerHTML = markup; // serialized DOM from mainOf(), not page text
  doc.body.append(template);
}

function addScript(doc: Doc, code: string): void {
  const script = doc.createElement('script');
  script.textContent = code;
  doc.body.append(script);
}

/** Records, in the page, when the first Verbatim mark appears (for "within half a second" checks). */
const MARK_CLOCK = `
  window.__firstMarkAt = null;
  new MutationObserver((records, obs) => {
    if (document.querySelector('mark.verbatim-quote')) { window.__firstMarkAt = performance.now(); obs.disconnect(); }
  }).observe(document.body, { childList: true, subtree: true });`;

/** A shell whose article arrives `delay` ms after load (title already names the show, as SSR shells do). */
export function lateArticlePage(doc: ManifestDocument, delay = 1500): string {
  const article = corpusArticlePage(doc);
  return editPage(article, (d) => {
    d.querySelector('main')!.replaceWith(Object.assign(d.createElement('main'), { id: 'app', textContent: 'Loading…' }));
    addTemplate(d, 'late', mainOf(article));
    addScript(
      d,
      `${MARK_CLOCK}
      setTimeout(() => {
        const app = document.getElementById('app');
        app.replaceChildren(document.getElementById('late').content.cloneNode(true));
        window.__insertedAt = performance.now();
      }, ${delay});`,
    );
  });
}

/**
 * A single-page app that starts on an unrelated story (the gate says no) and switches article with
 * `history.pushState` when `window.go(n)` is called, replacing <main> like a client-side router.
 */
export function spaPage(docs: ManifestDocument[]): string {
  return editPage(unrelatedPage(), (d) => {
    docs.forEach((doc, i) => addTemplate(d, `article-${i}`, mainOf(corpusArticlePage(doc))));
    addScript(
      d,
      `${MARK_CLOCK}
      window.go = (n) => {
        history.pushState({ n }, '', '/spa/article-' + n);
        const next = document.getElementById('article-' + n).content.cloneNode(true);
        document.querySelector('main').replaceWith(next);
        document.title = document.querySelector('h1').textContent;
        window.__insertedAt = performance.now();
      };`,
    );
  });
}

/** Article A; scrolling to the bottom appends article B (a sentinel watched by IntersectionObserver). */
export function infiniteScrollPage(first: ManifestDocument, second: ManifestDocument): string {
  return editPage(corpusArticlePage(first), (d) => {
    addTemplate(d, 'next', mainOf(corpusArticlePage(second)));
    const sentinel = d.createElement('div');
    sentinel.id = 'sentinel';
    sentinel.setAttribute('style', 'height:1px');
    d.body.append(sentinel);
    addScript(
      d,
      `
      const io = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        const next = document.getElementById('next').content.cloneNode(true);
        document.getElementById('sentinel').before(next);
        window.__appended = performance.now();
      });
      io.observe(document.getElementById('sentinel'));`,
    );
    d.querySelector('main')!.id = 'first';
  });
}

/**
 * A page whose CSS fights highlights: `mark` hidden, recoloured and padded (even with an id selector),
 * spans hidden, a dark background. Also keeps its original <body> markup for the toggle test.
 */
export const HOSTILE_CSS = `
  body { background: #121212 !important; color: #e8e8e8 !important; }
  mark { display: none !important; background: transparent !important; color: transparent !important;
         padding: 14px !important; border: 3px solid red !important; font-size: 40px !important; margin: 9px !important; }
  #content mark, article mark { display: none !important; visibility: hidden !important; opacity: 0 !important; }
  span.sr-only { display: none; }`;

export function hostilePage(doc: ManifestDocument): string {
  return editPage(corpusArticlePage(doc), (d) => {
    const style = d.createElement('style');
    style.textContent = HOSTILE_CSS;
    d.head.append(style);
    d.querySelector('main')!.id = 'content';
    // Screen-reader-only text inside a paragraph: hidden, so not part of what the reader sees.
    const p = d.querySelector('article p:nth-of-type(3)');
    const sr = d.createElement('span');
    sr.className = 'sr-only';
    sr.textContent = 'hidden helper text';
    p?.prepend(sr);
    recordOriginalBody(d);
  });
}

/** The page's own body markup, saved by an inline script before any extension script runs. */
export function recordOriginalBody(d: Doc): void {
  addScript(d, 'window.__originalBody = document.body.innerHTML;');
}

export function toggleablePage(doc: ManifestDocument): string {
  return editPage(corpusArticlePage(doc), recordOriginalBody);
}

/**
 * An article whose title and headline name only someone from the show (a hint, not a deciding term), so
 * the gate reads the page's lead. With `fillerChars`, that much unrelated text comes before the article,
 * pushing its first mention of the show past what the gate reads.
 */
export function hintTitlePage(doc: ManifestDocument, fillerChars = 0): string {
  return editPage(corpusArticlePage(doc), (d) => {
    d.title = 'Elisabeth Moss looks back';
    d.querySelector('h1')!.textContent = 'Elisabeth Moss looks back';
    const article = d.querySelector('article')!;
    const sentence = 'The council met on Tuesday to discuss the budget, the new bus routes and the library opening hours. ';
    for (let size = 0; size < fillerChars; size += sentence.length * 10) {
      const p = d.createElement('p');
      p.textContent = sentence.repeat(10);
      article.querySelector('h1')!.after(p);
    }
  });
}

/**
 * An article with a site theme switch: a class on <html> turns the body dark (colours fading in 0.2 s, as
 * sites' toggles often do), after the page has been highlighted in its light theme.
 */
export function themeTogglePage(doc: ManifestDocument): string {
  return editPage(corpusArticlePage(doc), (d) => {
    const style = d.createElement('style');
    style.textContent =
      'body{transition:background-color .2s,color .2s}html.dark body{background-color:#121212;color:#e6e6e6}html.dark a{color:#8ab4f8}';
    d.head.append(style);
  });
}
