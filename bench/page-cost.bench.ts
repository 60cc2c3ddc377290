/**
 * What the content script costs a page, in real Chromium (not a timed test).
 *
 * Loads the same pages with and without the extension, alternating, RUNS times each, and reads the
 * page renderer's main-thread time from the DevTools Protocol (`Performance.getMetrics`: ScriptDuration,
 * TaskDuration) after the page and Verbatim have settled. Extra = median(with) − median(without).
 * Long tasks are recorded in the page (PerformanceObserver 'longtask', buffered); those that start after
 * DOMContentLoaded are the ones the extension can cause (the gate runs at document_idle), and the
 * figure reported is the longest such task with the extension, next to the same figure without it.
 *
 * Pages (served from 127.0.0.1): a news article with no topic signal, a corpus Mad Men article, and a
 * ~1 MB Mad Men article (corpus text repeated with filler, realistic inline markup).
 * Uses the build in $VERBATIM_OUT_DIR (default .output): build first.
 * Targets (issue 5): ≤ 0.5 ms extra on the no-signal page, ≤ 10 ms on the article, no long task > 50 ms.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { articlePage, unrelatedPage } from '../tests/e2e/support/article-page';
import { CHROMIUM } from '../tests/e2e/support/browsers';
import { CORPUS_DIR, corpusArticlePage, manifestDocuments } from '../tests/e2e/support/corpus';
import { CHROME_BUILD } from '../tests/e2e/support/paths';
import { startServer } from '../tests/e2e/support/server';

const RUNS = Number(process.env.VERBATIM_BENCH_RUNS ?? 5);
/** Quiet time after the page (and Verbatim) finished, before metrics are read. */
const SETTLE_MS = 1500;
const here = dirname(fileURLToPath(import.meta.url));

const LONGTASKS = `
  window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });`;

/** ~1 MB of article text: every corpus article, then filler paragraphs that keep naming the show. */
export function megabytePage(): string {
  const docs = manifestDocuments();
  const corpus = docs.map((d) => readFileSync(resolve(CORPUS_DIR, d.file), 'utf8')).join('\n');
  const filler =
    'Mad Men ran for seven seasons on AMC, and critics still argue about Don Draper, Peggy Olson and the agency on Madison Avenue. ' +
    'The series followed the advertising business through the 1960s, with long scenes in offices, bars and trains. ';
  const parts = [corpus];
  let size = corpus.length;
  for (let i = 0; size < 1_000_000; i++) {
    const p = `${i % 7 === 0 ? corpus.split('\n')[i % 40] ?? '' : ''} ${filler.repeat(3)}`;
    parts.push(p);
    size += p.length + 1;
  }
  return articlePage({ outlet: 'Long Read', title: 'Mad Men: the complete oral history', text: parts.join('\n') });
}

interface Sample {
  script: number;
  task: number;
  longMax: number;
  longCount: number;
}

async function load(context: BrowserContext, url: string, waitForMarks: boolean): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(LONGTASKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // VERBATIM_BENCH_NOWAIT: for hand-cut builds that never mark (e.g. to time injection alone).
  if (waitForMarks && !process.env.VERBATIM_BENCH_NOWAIT) await page.waitForSelector('mark.verbatim-quote', { timeout: 120_000, state: 'attached' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const long = await page.evaluate(() => {
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    const tasks = (window as unknown as { __longtasks: [number, number][] }).__longtasks.filter(([start]) => start >= dcl);
    return { max: Math.max(0, ...tasks.map(([, d]) => d)), count: tasks.length };
  });
  await cdp.detach();
  await page.close();
  return { script: metric('ScriptDuration'), task: metric('TaskDuration'), longMax: long.max, longCount: long.count };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function launch(build: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(build ? [`--disable-extensions-except=${build}`, `--load-extension=${build}`] : ['--disable-extensions']),
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  if (build && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/**
 * The builds measured: the one in $VERBATIM_OUT_DIR, or several to compare (VERBATIM_BENCH_BUILDS=dirA,dirB,
 * each holding a chrome-mv3 build). Every round loads the page without any extension and then with each
 * build in turn, so all of them share the machine's load of the moment (this machine is shared: the same
 * build measured minutes apart differed by several ms; measured side by side, far less).
 */
function builds(): { name: string; path: string }[] {
  const listed = process.env.VERBATIM_BENCH_BUILDS?.split(',').filter(Boolean);
  if (!listed) return [{ name: 'Verbatim', path: CHROME_BUILD }];
  return listed.map((dir) => ({ name: dir, path: resolve(dir, 'chrome-mv3') }));
}

export async function run(): Promise<void> {
  const server = await startServer();
  const pages = [
    { name: 'no topic signal', url: server.set('/bench/plain.html', unrelatedPage()), marks: false },
    { name: 'Mad Men article', url: server.set('/bench/article.html', corpusArticlePage(manifestDocuments()[0]!)), marks: true },
    { name: '~1 MB Mad Men article', url: server.set('/bench/megabyte.html', megabytePage()), marks: true },
  ];
  // VERBATIM_BENCH_PAGES=0,1 runs only those pages (quick checks while tuning).
  const only = process.env.VERBATIM_BENCH_PAGES?.split(',').map(Number);
  if (only) pages.splice(0, pages.length, ...pages.filter((_, i) => only.includes(i)));
  const measured = builds();
  const plain = await launch(null);
  const withExt = await Promise.all(measured.map((b) => launch(b.path)));
  const rows = [];
  try {
    for (const p of pages) {
      // Warm-up (first load compiles, fills caches, builds the background's index): not counted.
      await load(plain.context, p.url, false);
      for (const e of withExt) await load(e.context, p.url, p.marks);
      const without: Sample[] = [];
      const samples: Sample[][] = measured.map(() => []);
      for (let i = 0; i < RUNS; i++) {
        without.push(await load(plain.context, p.url, false));
        for (const [j, e] of withExt.entries()) samples[j]!.push(await load(e.context, p.url, p.marks));
      }
      const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));
      for (const [j, b] of measured.entries()) {
        const ws = samples[j]!;
        rows.push({
          page: p.name,
          build: b.name,
          scriptWithout: m(without, 'script'),
          scriptWith: m(ws, 'script'),
          extraScript: m(ws, 'script') - m(without, 'script'),
          taskWithout: m(without, 'task'),
          taskWith: m(ws, 'task'),
          extraTask: m(ws, 'task') - m(without, 'task'),
          longTaskMaxWith: Math.max(...ws.map((s) => s.longMax)),
          longTaskMaxWithout: Math.max(...without.map((s) => s.longMax)),
          longTaskMaxPerRunWith: ws.map((s) => Math.round(s.longMax)),
          runs: RUNS,
        });
      }
    }
  } finally {
    await plain.close();
    for (const e of withExt) await e.close();
    await server.close();
  }
  const f = (x: number) => x.toFixed(1);
  console.log(`Chromium, median of ${RUNS} alternating loads; ms of main-thread time (Performance.getMetrics)`);
  console.log('| page | build | ScriptDuration without → with | extra script | TaskDuration without → with | extra task | longest task after DCL, with / without (per run, with) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.page} | ${r.build} | ${f(r.scriptWithout)} → ${f(r.scriptWith)} | ${f(r.extraScript)} | ${f(r.taskWithout)} → ${f(r.taskWith)} | ${f(r.extraTask)} | ${f(r.longTaskMaxWith)} / ${f(r.longTaskMaxWithout)} (${r.longTaskMaxPerRunWith.join(', ')}) |`);
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'page-cost.json'), JSON.stringify({ chromium: CHROMIUM, builds: measured, at: new Date().toISOString(), rows }, null, 2));
}
