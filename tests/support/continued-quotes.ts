/**
 * Pages where a quote's quotation runs on past every corpus wording — the case a highlighter gets
 * wrong by marking to the end of the quotation or sentence. From the bundled pack's groups, seeded: a
 * wording (as is, spun or round-tripped by tests/support/rewrites.ts) continued after a dash, a comma,
 * "and", a new sentence inside the same quotation marks, or preceded by words of the speaker's own.
 *
 * Each planted quote records `truth`: the characters of its line that came from the corpus wording
 * (reworded words included) — the only text a mark of that group may cover. Precision is counted in
 * marked characters against it, in the engine (offsets into `text`) and in the browser (the quote's
 * paragraph carries `data-truth="group start end"`, offsets into its textContent).
 */
import { Window } from 'happy-dom';
import type { Pack } from '../../src/engine/types';
import { roundTrip, seeded, spin } from './rewrites';

export type Continuation = 'dash' | 'comma' | 'and' | 'sentence' | 'before';

export interface Line {
  text: string;
  /** Where the corpus wording stands in `text`, and its group (quote lines only). */
  truth?: { group: string; start: number; end: number; how: Continuation };
}

export interface ContinuedPage {
  title: string;
  lines: Line[];
}

const MORE: Record<Exclude<Continuation, 'before'>, string[]> = {
  dash: ['the veins in his head, I can see him at that moment', 'you could see it in his eyes', 'that was the whole point of the episode'],
  comma: ['and I will never forget it', 'which is rare in this business', 'you know, for a show like that', 'honestly'],
  and: ['I still think about it', 'we both knew it right away', 'the crew just stood there watching', 'that was Jon all over'],
  sentence: [
    'It was a very special day.',
    'We talked about it for years afterwards.',
    'I think about that moment a lot.',
    'He was always like that on set.',
  ],
};
const BEFORE = ['Honestly,', 'You know, looking back,', 'I always tell people this:', 'What I remember is this:'];
const NARRATION = [
  'Moss spent seven seasons on the AMC drama as Peggy Olson, opposite Hamm as Don Draper.',
  'The interview ran ahead of the anniversary of the series finale.',
  'Fans have long pointed to the episode as a turning point for both characters.',
  'The actress has since moved on to other prestige dramas.',
];
const KINDS: Continuation[] = ['dash', 'comma', 'and', 'sentence', 'before'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const lowerFirst = (s: string) => (/^(I\b|I’|I'|Jon|Don|Peggy)/.test(s) ? s : s[0]!.toLowerCase() + s.slice(1));

/** One quote line: the wording inside quotation marks with what the speaker said around it, attributed. */
function quoteLine(group: string, wording: string, how: Continuation, rand: () => number): Line {
  const bare = wording.replace(/\s*(\.\.\.|…)$/, '').replace(/[.!?,]+$/, '');
  let before = '';
  let said = bare;
  let after = '';
  if (how === 'before') {
    before = `${pick(rand, BEFORE)} `;
    said = lowerFirst(bare);
  } else if (how === 'sentence') {
    said = `${bare}.`;
    after = ` ${pick(rand, MORE.sentence)}`;
  } else after = `${how === 'dash' ? ' — ' : how === 'comma' ? ', ' : ' and '}${pick(rand, MORE[how])}`;
  const close = after.endsWith('.') ? '”' : '.”';
  const [open, tail] = rand() < 0.5 ? ['Moss told Vanity Fair: “', ''] : ['“', ' Moss said of the scene.'];
  const start = open.length + before.length;
  const text = `${open}${before}${said}${after}${close}${tail}`.replace('..”', '.”');
  // The full stop closing the wording's sentence is marked with it (docs/matching.md, Decisions).
  const stops = /[.!?]/.test(text[start + bare.length] ?? '');
  return { text, truth: { group, start, end: start + bare.length + (stops ? 1 : 0), how } };
}

/** `count` pages of 3–5 continued quotes each, seeded: the same pages on every run. */
export function continuedPages(pack: Pack, count: number, seed = 1): ContinuedPage[] {
  const rand = seeded(seed);
  const groups = pack.groups.filter((g) => g.variants.some((v) => v.text.split(/\s+/).length >= 5));
  const pages: ContinuedPage[] = [];
  for (let p = 0; p < count; p++) {
    const lines: Line[] = [{ text: 'Elisabeth Moss looks back at Mad Men and working with Jon Hamm.' }];
    const n = 3 + Math.floor(rand() * 3);
    for (let q = 0; q < n; q++) {
      const group = pick(rand, groups);
      const variant = pick(rand, group.variants);
      const r = rand();
      const wording = r < 0.5 ? variant.text : r < 0.75 ? spin(variant.text, rand) : roundTrip(variant.text, rand);
      lines.push(quoteLine(group.id, wording, KINDS[(p + q) % KINDS.length]!, rand), { text: pick(rand, NARRATION) });
    }
    pages.push({ title: `Elisabeth Moss on Mad Men, Peggy Olson and Jon Hamm (${p + 1})`, lines });
  }
  return pages;
}

/** The page's text as the engine reads it (one block per line) and every truth span in it. */
export function pageText(page: ContinuedPage): { text: string; truths: NonNullable<Line['truth']>[] } {
  let text = `${page.title}\n`;
  const truths: NonNullable<Line['truth']>[] = [];
  for (const line of page.lines) {
    if (line.truth) truths.push({ ...line.truth, start: text.length + line.truth.start, end: text.length + line.truth.end });
    text += `${line.text}\n`;
  }
  return { text, truths };
}

/** The page as served: site furniture around an article; some words of each line in inline elements. */
export function continuedPageHtml(page: ContinuedPage): string {
  const window = new Window();
  const doc = window.document;
  doc.title = page.title;
  const article = doc.createElement('article');
  const h1 = doc.createElement('h1');
  h1.textContent = page.title;
  article.append(h1);
  for (const line of page.lines) {
    const p = doc.createElement('p');
    if (line.truth) p.setAttribute('data-truth', `${line.truth.group} ${line.truth.start} ${line.truth.end}`);
    line.text.split(/(\s+)/).forEach((piece, k) => {
      if (k % 10 !== 6 || /^\s*$/.test(piece)) return void p.append(doc.createTextNode(piece));
      const inline = doc.createElement(k % 20 === 6 ? 'em' : 'a');
      inline.textContent = piece;
      p.append(inline);
    });
    article.append(p);
  }
  const nav = doc.createElement('nav');
  nav.textContent = 'News TV Film Music';
  doc.body.append(nav, article);
  const html = '<!doctype html>\n' + doc.documentElement.outerHTML;
  void window.happyDOM.close();
  return html;
}
