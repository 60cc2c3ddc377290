/**
 * What the content script costs a page, in real Chromium (not a timed test).
 *
 * Loads the same pages with and without the extension, alternating, RUNS times each, and reads the
 * page renderer's main-thread time from the DevTools Protocol (`Performance.getMetrics`: ScriptDuration,
 * TaskDuration) after the page and Verbatim have settled. Extra = median(with) − median(without).
 * Long tasks are recorded in the page (PerformanceObserver 'longtask', buffered); those that start after
 * DOMContentLoaded are the ones the extension can cause (its scripts are injected at document_idle), and the
 * figure reported is the longest such task with the extension, next to the same figure without it.
 *
 * Pages (served from 127.0.0.1): a news article with no topic signal, a corpus Mad Men article, and a
 * ~1 MB Mad Men article (corpus text repeated with filler, realistic inline markup).
 * Uses the build in $VERBATIM_OUT_DIR (default .output): build first.
 * Targets: ≤ 0.5 ms extra on the no-signal page, ≤ 10 ms on the article, no long task > 50 ms.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { articlePage, unrelatedPage } from '../tests/support/article-page';
import { CHROMIUM } from '../tests/e2e/support/browsers';
import { CORPUS_DIR, corpusArticlePage, manifestDocuments } from '../tests/support/corpus';
import { CHROME_BUILD } from '../tests/e2e/support/paths';
import { startServer } from '../tests/e2e/support/server';

const RUNS = Number(process.env.VERBATIM_BENCH_RUNS ?? 5);
/** Quiet time after the page (and Verbatim) finished, before metrics are read. */
const SETTLE_MS = 1500;
const here = dirname(fileURLToPath(import.meta.url));

const LONGTASKS = `
  window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  window.__markTimes = new Map();
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes)
      if (n.nodeType === 1 && n.localName === 'mark' && !window.__markTimes.has(n)) window.__markTimes.set(n, t);
  }).observe(document, { childList: true, subtree: true });`;

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
    const p = `${i % 7 === 0 ? (corpus.split('\n')[i % 40] ?? '') : ''} ${filler.repeat(3)}`;
    parts.push(p);
    size += p.length + 1;
  }
  return articlePage({ outlet: 'Long Read', title: 'Mad Men: the complete oral history', text: parts.join('\n') });
}

interface Sample {
  /** Main-thread CPU time of the page's renderer (trace thread time), ms; NaN without VERBATIM_BENCH_TRACE. */
  cpu: number;
  script: number;
  task: number;
  style: number;
  layout: number;
  longMax: number;
  longCount: number;
  /** ms after navigation start: the first highlight inserted anywhere, and the first one in the viewport (NaN: none). */
  firstMark: number;
  firstVisible: number;
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/**
 * Is there a Verbatim mark yet? Asked through the DevTools DOM domain, so no script runs in the page:
 * Playwright's `waitForSelector` runs its injected script there (polling), and ScriptDuration would
 * count that against the extension (several ms on the article, before this wait was changed).
 */
async function hasMark(cdp: Cdp): Promise<boolean> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'mark.verbatim-quote' })) as { nodeId: number };
  return nodeId !== 0;
}

async function waitForMark(cdp: Cdp, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await hasMark(cdp))) {
    if (Date.now() > until) throw new Error(`no mark.verbatim-quote after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * CPU time of the page renderer's main thread, from a trace: the sum of its top-level tasks' thread time
 * (`tdur`). TaskDuration is wall time, and on this shared machine (load 4–9 on 2 cores) a task descheduled
 * half-way counts the other processes' time too: differences of a few ms drown in it. Thread time does not.
 */
const TRACE = process.env.VERBATIM_BENCH_TRACE !== '0';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

async function stopTrace(cdp: Cdp): Promise<number> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's renderer is the one that worked most; an extension's own renderer (none here: MV3 worker) would not count.
  const perThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const k = `${e.pid}:${e.tid}`;
    perThread.set(k, (perThread.get(k) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return Math.max(0, ...perThread.values());
}

async function load(context: BrowserContext, url: string, waitForMarks: boolean): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(LONGTASKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (TRACE) await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['toplevel'] } });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // VERBATIM_BENCH_NOWAIT: for hand-cut builds that never mark (e.g. to time injection alone).
  // Loads without marks to wait for ask once, so both kinds of load make the same DevTools calls.
  if (waitForMarks && !process.env.VERBATIM_BENCH_NOWAIT) await waitForMark(cdp, 120_000);
  else await hasMark(cdp);
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const cpu = TRACE ? await stopTrace(cdp) : NaN;
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const long = await page.evaluate(() => {
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    const tasks = (window as unknown as { __longtasks: [number, number][] }).__longtasks.filter(([start]) => start >= dcl);
    // When highlights appeared: read after the page settled, so no layout is forced while Verbatim works.
    // (No helper functions in here: the bundler would name them with a helper the page does not have.)
    let firstMark = NaN;
    let firstVisible = NaN;
    for (const [m, t] of (window as unknown as { __markTimes: Map<Element, number> }).__markTimes) {
      if (!m.isConnected) continue;
      if (!(t >= firstMark)) firstMark = t;
      const r = m.getBoundingClientRect();
      if (r.width > 0 && r.bottom > 0 && r.top < innerHeight && !(t >= firstVisible)) firstVisible = t;
    }
    return { max: Math.max(0, ...tasks.map(([, d]) => d)), count: tasks.length, firstMark, firstVisible };
  });
  await cdp.detach();
  await page.close();
  return {
    cpu,
    script: metric('ScriptDuration'),
    task: metric('TaskDuration'),
    style: metric('RecalcStyleDuration'),
    layout: metric('LayoutDuration'),
    longMax: long.max,
    longCount: long.count,
    firstMark: long.firstMark,
    firstVisible: long.firstVisible,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function launch(build: string | null, worker = build !== null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(build ? [`--disable-extensions-except=${build}`, `--load-extension=${build}`] : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  if (worker && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The builds measured: the one in $VERBATIM_OUT_DIR, or several to compare (VERBATIM_BENCH_BUILDS=dirA,dirB,
 * each holding a chrome-mv3 build). Every round loads the page without any extension and then with each
 * build in turn, so all of them share the machine's load of the moment (this machine is shared: the same
 * build measured minutes apart differed by several ms; measured side by side, far less).
 */
function builds(): Build[] {
  const listed = process.env.VERBATIM_BENCH_BUILDS?.split(',').filter(Boolean);
  if (!listed) return [{ name: 'Verbatim', path: CHROME_BUILD, marks: true, worker: true }];
  return listed.map((dir) => ({ name: dir, path: resolve(dir, 'chrome-mv3'), marks: true, worker: true }));
}

interface Build {
  name: string;
  path: string;
  /** Waits for Verbatim's marks on pages that get them. */
  marks: boolean;
  /** Has a background service worker (waited for at launch). */
  worker: boolean;
}

/**
 * The baseline every build is compared with, in the same process: shared/docs/performance.md's "content
 * script that bundles mark.js and marks one keyword on every page", measured on the reference machine at
 * +4.7 ms (no-signal article), +5.9 ms (Mad Men article), +27 ms (~1 MB page): each page's `reference`.
 * The targets were set against that machine, so here they scale by how long the same baseline
 * takes on this one (the "machine factor").
 */
function baselineExtension(): Build {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-baseline-'));
  const manifest = {
    manifest_version: 3,
    name: 'mark.js on every page (bench baseline)',
    version: '1.0',
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  const markjs = readFileSync(resolve(here, '../node_modules/mark.js/dist/mark.min.js'), 'utf8');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content.js'), `${markjs}\n;new Mark(document.body).mark('Mad Men');\n`);
  return { name: 'baseline: mark.js on every page', path: dir, marks: false, worker: false };
}

export async function run(): Promise<void> {
  const server = await startServer();
  const pages = [
    { name: 'no topic signal', url: server.set('/bench/plain.html', unrelatedPage()), marks: false, reference: 4.7 },
    {
      name: 'Mad Men article',
      url: server.set('/bench/article.html', corpusArticlePage(manifestDocuments()[0]!)),
      marks: true,
      reference: 5.9,
    },
    { name: '~1 MB Mad Men article', url: server.set('/bench/megabyte.html', megabytePage()), marks: true, reference: 27 },
  ];
  // VERBATIM_BENCH_PAGES=0,1 runs only those pages (quick checks while tuning).
  const only = process.env.VERBATIM_BENCH_PAGES?.split(',').map(Number);
  if (only) pages.splice(0, pages.length, ...pages.filter((_, i) => only.includes(i)));
  const measured = [baselineExtension(), ...builds()];
  const plain = await launch(null);
  const withExt = await Promise.all(measured.map((b) => launch(b.path, b.worker)));
  const rows = [];
  try {
    for (const p of pages) {
      // Warm-up (first load compiles, fills caches, builds the background's index): not counted.
      await load(plain.context, p.url, false);
      for (const [j, e] of withExt.entries()) await load(e.context, p.url, p.marks && measured[j]!.marks);
      const without: Sample[] = [];
      const samples: Sample[][] = measured.map(() => []);
      for (let i = 0; i < RUNS; i++) {
        without.push(await load(plain.context, p.url, false));
        for (const [j, e] of withExt.entries()) samples[j]!.push(await load(e.context, p.url, p.marks && measured[j]!.marks));
      }
      const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));
      const baselineExtra = m(samples[0]!, 'script') - m(without, 'script');
      for (const [j, b] of measured.entries()) {
        const ws = samples[j]!;
        const extraScript = m(ws, 'script') - m(without, 'script');
        rows.push({
          timesBaseline: extraScript / baselineExtra,
          /** This machine is slower or faster than the reference by baselineExtra / reference. */
          machineFactor: baselineExtra / p.reference,
          page: p.name,
          build: b.name,
          scriptWithout: m(without, 'script'),
          scriptWith: m(ws, 'script'),
          extraScript,
          taskWithout: m(without, 'task'),
          taskWith: m(ws, 'task'),
          extraTask: m(ws, 'task') - m(without, 'task'),
          extraStyle: m(ws, 'style') - m(without, 'style'),
          extraCpu: m(ws, 'cpu') - m(without, 'cpu'),
          cpuTimesBaseline: (m(ws, 'cpu') - m(without, 'cpu')) / (m(samples[0]!, 'cpu') - m(without, 'cpu')),
          extraLayout: m(ws, 'layout') - m(without, 'layout'),
          taskTimesBaseline: (m(ws, 'task') - m(without, 'task')) / (m(samples[0]!, 'task') - m(without, 'task')),
          firstMark: m(ws, 'firstMark'),
          firstVisible: m(ws, 'firstVisible'),
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
  console.log(
    '| page | build | ScriptDuration without → with | extra script | × baseline | same on the reference machine (÷ machine factor) | TaskDuration without → with | extra task | longest task after DCL, with / without (per run, with) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.page} | ${r.build} | ${f(r.scriptWithout)} → ${f(r.scriptWith)} | ${f(r.extraScript)} | ${r.timesBaseline.toFixed(2)} | ${f(r.extraScript / r.machineFactor)} (÷ ${r.machineFactor.toFixed(2)}) | ${f(r.taskWithout)} → ${f(r.taskWith)} | ${f(r.extraTask)} | ${f(r.longTaskMaxWith)} / ${f(r.longTaskMaxWithout)} (${r.longTaskMaxPerRunWith.join(', ')}) |`,
    );
  }
  console.log(
    '\nWhere the extra task time goes (medians, ms), and when highlights appear (ms after navigation start; the baseline marks "Mad Men" wherever it stands):',
  );
  console.log(
    '| page | build | extra task (wall) | × baseline | extra main-thread CPU (trace) | × baseline | extra style | extra layout | extra script | first highlight | first visible highlight |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const t = (x: number) => (Number.isNaN(x) ? '—' : f(x));
    const ratio = Number.isNaN(r.cpuTimesBaseline) ? '—' : r.cpuTimesBaseline.toFixed(2);
    console.log(
      `| ${r.page} | ${r.build} | ${f(r.extraTask)} | ${r.taskTimesBaseline.toFixed(2)} | ${t(r.extraCpu)} | ${ratio} | ${f(r.extraStyle)} | ${f(r.extraLayout)} | ${f(r.extraScript)} | ${t(r.firstMark)} | ${t(r.firstVisible)} |`,
    );
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', 'page-cost.json'),
    JSON.stringify({ chromium: CHROMIUM, builds: measured, at: new Date().toISOString(), rows }, null, 2),
  );
}
