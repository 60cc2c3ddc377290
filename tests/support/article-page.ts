/**
 * Wraps a corpus article's text in realistic news-page markup: site header and nav, an ad slot,
 * the article with words of its quotes split across inline elements, related links and a footer.
 * Built with a DOM (happy-dom), never by concatenating page text into HTML.
 */
import { Window } from 'happy-dom';

export interface ArticleSource {
  outlet: string;
  title: string | null;
  text: string;
}

type Doc = InstanceType<typeof Window>['document'];

function el(doc: Doc, tag: string, attrs: Record<string, string> = {}, ...children: (string | ReturnType<Doc['createElement']>)[]) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  return node;
}

/** Appends `text` to `parent`, wrapping every `every`-th word in a link, emphasis or nested span. */
function appendWithInlineMarkup(doc: Doc, parent: ReturnType<Doc['createElement']>, text: string, every = 6): void {
  const pieces = text.split(/(\s+)/);
  let word = 0;
  for (const piece of pieces) {
    if (piece === '' || /^\s+$/.test(piece)) {
      parent.append(doc.createTextNode(piece));
      continue;
    }
    word += 1;
    if (word % every !== 0) {
      parent.append(doc.createTextNode(piece));
      continue;
    }
    const kind = (word / every) % 3;
    if (kind === 0) parent.append(el(doc, 'a', { href: '#tag' }, piece));
    else if (kind === 1) parent.append(el(doc, 'em', {}, piece));
    else parent.append(el(doc, 'span', { class: 'inline' }, el(doc, 'strong', {}, piece)));
  }
}

export function articlePage(source: ArticleSource): string {
  const window = new Window();
  const doc = window.document;
  const lines = source.text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const headline = source.title ?? lines[0] ?? '';
  doc.title = `${headline} | ${source.outlet}`;

  const header = el(
    doc,
    'header',
    { class: 'site-header' },
    el(doc, 'a', { href: '/', class: 'logo' }, source.outlet),
    el(doc, 'nav', {}, ...['News', 'TV', 'Film', 'Music', 'Features'].map((s) => el(doc, 'a', { href: `/${s.toLowerCase()}` }, s))),
  );
  const article = el(doc, 'article');
  // The capture's first line is the headline when it repeats the title, or when there is no title.
  const bodyLines = !source.title || lines[0] === source.title ? lines.slice(1) : lines;
  article.append(el(doc, 'h1', {}, headline));
  article.append(el(doc, 'p', { class: 'byline' }, 'By Staff Writer · 4 min read'));
  for (const line of bodyLines) {
    const p = el(doc, 'p');
    appendWithInlineMarkup(doc, p, line);
    article.append(p);
  }
  const aside = el(
    doc,
    'aside',
    { class: 'related' },
    el(doc, 'h2', {}, 'Related'),
    el(
      doc,
      'ul',
      {},
      ...['Ten best TV finales of the decade', 'Interview: a composer on scoring thrillers', 'Box office weekend report'].map((s) =>
        el(doc, 'li', {}, el(doc, 'a', { href: '#' }, s)),
      ),
    ),
  );
  const ad = el(doc, 'div', { class: 'ad', 'aria-label': 'advertisement' }, 'Advertisement');
  const footer = el(
    doc,
    'footer',
    {},
    el(doc, 'p', {}, `© 2022 ${source.outlet}. All rights reserved.`),
    el(doc, 'a', { href: '/privacy' }, 'Privacy'),
  );
  const main = el(doc, 'main', {}, article, ad, aside);
  doc.body.append(header, main, footer);
  const style = el(
    doc,
    'style',
    {},
    'body{font:16px Georgia,serif;max-width:720px;margin:auto;padding:0 16px}.ad{background:#eee;padding:20px;text-align:center}.related{border-top:1px solid #ccc}@media (prefers-color-scheme: dark){body{background:#15171a;color:#e6e6e6}a{color:#8ab4f8}.ad{background:#23262b}}',
  );
  doc.head.append(style);
  const html = '<!doctype html>\n' + doc.documentElement.outerHTML;
  void window.happyDOM.close();
  return html;
}

/** A news page with no topic signal at all. */
export function unrelatedPage(): string {
  return articlePage({
    outlet: 'Daily Planet',
    title: 'City council approves new cycle lanes',
    text: 'The council voted on Tuesday to build four new cycle lanes.\nResidents said the plan was long overdue.\n"We have waited years for this," one cyclist said.',
  });
}
