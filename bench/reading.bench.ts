/**
 * `npm run bench reading`: what reading a page costs (src/reading/: linkedom parse, metadata, Readability,
 * block text) on the fixture news pages and on a ~1 MB page, against two baselines in the same process,
 * run alternately with it: linkedom's parse alone, and a parser-free text extraction (tags stripped by
 * regular expressions; what a reader without a DOM would do at the least). Medians; writes
 * bench/results/reading.json. Node runs Readability unpatched (the extension's build differs only in
 * restoring a page between attempts by cloning instead of re-parsing; tests/unit/reading/build-patches).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import { readArticle } from '../src/reading/read-article';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/learn');
const RUNS = 25;
const WARM = 3;

interface Row {
  page: string;
  kB: number;
  elements: number;
  article: boolean;
  readMs: number;
  parseMs: number;
  stripMs: number;
  readVsParse: number;
}

/** The cheapest text extraction there is: no DOM, scripts and styles dropped, tags stripped, entities left. */
function stripTags(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * A heavy news page of about 1 MB: the Screen Ledger article inside a mega-menu, an app-state script,
 * a long related-stories rail and 450 comments — the shape of real pages of that size (mostly script
 * and chrome around a short article).
 */
export function megabytePage(): string {
  const base = readFileSync(join(FIXTURES, 'screenledger-moss-dress.html'), 'utf8');
  const state = JSON.stringify({
    page: { id: 1235867, section: 'tv' },
    feed: Array.from({ length: 2_600 }, (_, i) => ({
      id: 1234000 + i,
      title: `Story number ${i} about television, film and the people who make them`,
      url: `/tv/news/story-${i}/`,
      image: `https://www.screenledger.com/wp-content/uploads/2024/03/story-${i}.jpg?w=300&h=200&crop=1`,
    })),
  });
  const menu = Array.from({ length: 12 }, (_, s) =>
    [
      `<li class="menu-item has-children"><a href="/section-${s}/">Section ${s}</a><ul class="sub-menu">`,
      ...Array.from(
        { length: 35 },
        (_, i) => `<li class="menu-item"><a href="/section-${s}/topic-${i}/">Topic ${i} of section ${s}</a></li>`,
      ),
      '</ul></li>',
    ].join(''),
  ).join('');
  const rail = Array.from(
    { length: 400 },
    (_, i) =>
      `<li class="rail-item"><a class="rail-link" href="/tv/news/story-${i}/"><img src="/img/${i}.jpg" alt="" width="120" height="80" loading="lazy"><span class="rail-title">Story number ${i} about television, film and the people who make them</span></a> <time datetime="2024-02-${String((i % 28) + 1).padStart(2, '0')}">Feb ${(i % 28) + 1}</time></li>`,
  ).join('');
  const comments = Array.from(
    { length: 450 },
    (_, i) =>
      `<li id="comment-${9000 + i}" class="comment depth-1"><article class="comment-body"><footer class="comment-meta"><img class="avatar" src="/avatar/${i}.png" width="32" height="32" alt=""><b class="fn">reader${i}</b> <time datetime="2024-04-0${(i % 9) + 1}T10:00:00Z">April ${(i % 9) + 1}</time></footer><div class="comment-content"><p>Comment ${i}: I always loved that scene, and the dress, and the way the episode ends without a speech. Peggy earned that exit.</p></div><div class="reply"><a class="comment-reply-link" href="#comment-${9000 + i}">Reply</a></div></article></li>`,
  ).join('');
  return base
    .replace('</head>', `<script id="__STATE__" type="application/json">${state}</script></head>`)
    .replace('<ul id="primary-menu" class="menu">', `<ul id="primary-menu" class="menu">${menu}`)
    .replace(
      '<aside class="related-posts" aria-label="Related">',
      `<aside class="related-posts" aria-label="Related"><ul class="rail">${rail}</ul>`,
    )
    .replace('<ol class="comment-list">', `<ol class="comment-list">${comments}`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function measure(page: string, html: string): Row {
  const read: number[] = [];
  const parsed: number[] = [];
  const stripped: number[] = [];
  let article = false;
  for (let i = 0; i < WARM + RUNS; i++) {
    // Alternated, so the three see the same machine load.
    let t = performance.now();
    article = readArticle(html, 'https://www.screenledger.com/tv/news/x/') !== null;
    const r = performance.now() - t;
    t = performance.now();
    parse(html);
    const p = performance.now() - t;
    t = performance.now();
    stripTags(html);
    const s = performance.now() - t;
    if (i >= WARM) {
      read.push(r);
      parsed.push(p);
      stripped.push(s);
    }
  }
  const readMs = median(read);
  const parseMs = median(parsed);
  return {
    page,
    kB: round(html.length / 1024, 0),
    elements: parse(html).querySelectorAll('*').length,
    article,
    readMs: round(readMs),
    parseMs: round(parseMs),
    stripMs: round(median(stripped)),
    readVsParse: round(readMs / parseMs, 1),
  };
}

export async function run(): Promise<void> {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const rows = fixtures.map((f) => measure(f, readFileSync(join(FIXTURES, f), 'utf8')));
  const big = measure('~1 MB news page (generated)', megabytePage());
  console.table([...rows, big]);
  const summary = {
    fixturesMedianReadMs: round(median(rows.map((r) => r.readMs))),
    fixturesMedianParseMs: round(median(rows.map((r) => r.parseMs))),
    fixturesMedianStripMs: round(median(rows.map((r) => r.stripMs))),
    megabyteReadMs: big.readMs,
    megabyteParseMs: big.parseMs,
    megabyteStripMs: big.stripMs,
  };
  console.log(
    `reading: median ${summary.fixturesMedianReadMs} ms per fixture page (parse alone ${summary.fixturesMedianParseMs} ms, tag stripping ${summary.fixturesMedianStripMs} ms); ` +
      `${big.kB} kB page: ${big.readMs} ms (parse alone ${big.parseMs} ms, ×${big.readVsParse}; tag stripping ${big.stripMs} ms)`,
  );
  const out = resolve(import.meta.dirname, 'results/reading.json');
  mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ benchmark: 'reading', node: process.version, runs: RUNS, rows: [...rows, big], summary }, null, 2) + '\n',
  );
  console.log(`wrote ${out}`);
}
