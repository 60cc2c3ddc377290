/**
 * Pages for the learning tests: two outlets reporting one new interview (not in the bundled corpus),
 * worded differently, an AMP copy of the first, and a page that plants the first outlet's quotes and
 * watches its own DOM for marks. News-site head metadata (canonical link, og tags, a publication date)
 * as real sites have it. Built with a DOM (happy-dom), never by pasting text into HTML.
 */
import { Window } from 'happy-dom';

export interface NewsPage {
  outlet: string;
  title: string;
  /** The canonical URL the page declares (absolute). */
  canonical: string;
  published: string | null;
  paragraphs: string[];
  /** An AMP copy: marked `<html amp>`, minimal chrome. */
  amp?: boolean;
  /** Script the page runs (its own, as a site's would). */
  script?: string;
}

type Doc = InstanceType<typeof Window>['document'];

function meta(doc: Doc, attrs: Record<string, string>): void {
  const m = doc.createElement('meta');
  for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
  doc.head.append(m);
}

export function newsPage(p: NewsPage): string {
  const window = new Window();
  const doc = window.document;
  doc.title = `${p.title} | ${p.outlet}`;
  if (p.amp) doc.documentElement.setAttribute('amp', '');
  const link = doc.createElement('link');
  link.setAttribute('rel', 'canonical');
  link.setAttribute('href', p.canonical);
  doc.head.append(link);
  meta(doc, { property: 'og:site_name', content: p.outlet });
  meta(doc, { property: 'og:title', content: p.title });
  meta(doc, { property: 'og:url', content: `${p.canonical}?utm_source=feed&utm_medium=rss` });
  if (p.published) meta(doc, { property: 'article:published_time', content: p.published });
  const header = doc.createElement('header');
  const logo = doc.createElement('a');
  logo.setAttribute('href', '/');
  logo.textContent = p.outlet;
  header.append(logo);
  const article = doc.createElement('article');
  const h1 = doc.createElement('h1');
  h1.textContent = p.title;
  const byline = doc.createElement('p');
  byline.className = 'byline';
  byline.textContent = 'By Staff Writer';
  article.append(h1, byline);
  for (const text of p.paragraphs) {
    const para = doc.createElement('p');
    para.textContent = text;
    article.append(para);
  }
  const footer = doc.createElement('footer');
  footer.textContent = `© ${p.outlet}`;
  doc.body.append(header, article, footer);
  if (p.script) {
    const s = doc.createElement('script');
    s.textContent = p.script;
    doc.body.append(s);
  }
  return '<!doctype html>\n' + doc.documentElement.outerHTML;
}

const CONTEXT = [
  'Mad Men ended its run on AMC with Don Draper on a hilltop, and the finale is still argued over. Jon Hamm, who played Draper for seven seasons, spoke about it at length this week.',
  'Matthew Weiner, the creator of Mad Men, kept the last scene from most of the cast until the table read. Elisabeth Moss and January Jones have both said they learned late how Peggy Olson and Betty Draper would leave the story.',
  'The series has found new viewers on streaming, and Mad Men anniversaries keep the cast talking about Sterling Cooper, the agency at its heart.',
];

/** The interview's three answers, as the first outlet prints them. */
export const ANSWERS = [
  'I spent a long time thinking about how Don would end up, and the answer was always the beach at the very end.',
  'Matt told me the last scene in the spring of the final year, and I kept it to myself for months afterwards.',
  'We filmed the ending on a cold grey morning and nobody on the set really knew what it was going to mean.',
];

/** The second outlet's wordings of the same answers: a dropped comma, a tense, a word changed. */
export const REWORDED = [
  'I spent a long time thinking about how Don would end up and the answer was always the beach at the very end.',
  'Matt tells me the last scene in the spring of the final year, and I kept it to myself for months afterwards.',
  'We filmed the ending on a cold grey morning and nobody on the set really knew what it would mean.',
];

export function interviewA(base: string, path: string, amp = false): string {
  return newsPage({
    outlet: 'Daily Reel',
    title: 'Jon Hamm looks back on the Mad Men finale',
    canonical: `${base}${path}`,
    published: '2026-11-20T09:00:00Z',
    amp,
    paragraphs: [
      CONTEXT[0]!,
      `“${ANSWERS[0]}” Hamm told the podcast.`,
      CONTEXT[1]!,
      `“${ANSWERS[1]}” he said.`,
      `He added: “${ANSWERS[2]}”`,
      CONTEXT[2]!,
    ],
  });
}

export function interviewB(base: string, path: string): string {
  return newsPage({
    outlet: 'Screen Ledger',
    title: 'Jon Hamm on the Mad Men ending he kept secret',
    canonical: `${base}${path}`,
    published: '2026-11-21T14:30:00Z',
    paragraphs: [
      CONTEXT[2]!,
      `Jon Hamm has opened up about the Mad Men finale. “${REWORDED[0]}” he said.`,
      CONTEXT[0]!,
      `“${REWORDED[1]}” Hamm said, recalling how Matthew Weiner told him.`,
      `“${REWORDED[2]}”`,
      CONTEXT[1]!,
    ],
  });
}

/**
 * A page that plants the first outlet's answers and polls its own DOM for marks (as a site trying to
 * learn what its reader has read would): `window.__marksSeen` counts marks it ever saw.
 */
export function plantingPage(base: string, path: string): string {
  return newsPage({
    outlet: 'Curious Site',
    title: 'Mad Men: what Jon Hamm said about the finale',
    canonical: `${base}${path}`,
    published: null,
    paragraphs: [CONTEXT[0]!, ...ANSWERS.map((a) => `“${a}” Hamm said.`), CONTEXT[1]!, CONTEXT[2]!],
    script: `window.__marksSeen = 0; setInterval(() => { window.__marksSeen = Math.max(window.__marksSeen, document.querySelectorAll('mark').length); }, 25);`,
  });
}

/** Another Mad Men article with its own quote (for learning off, excluded sites). */
export function otherArticle(base: string, path: string): string {
  return newsPage({
    outlet: 'Night Desk',
    title: 'Mad Men cast reunite for a table read',
    canonical: `${base}${path}`,
    published: '2026-10-02',
    paragraphs: [
      CONTEXT[1]!,
      '“It felt like coming home to a family we had not seen in years,” Moss said of the reunion.',
      CONTEXT[0]!,
      CONTEXT[2]!,
    ],
  });
}
