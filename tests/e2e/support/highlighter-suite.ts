/**
 * What the highlighter does in the page — content that arrives late or by client-side routing, pages
 * whose title names only someone from the show, infinite scroll, hostile CSS, the per-site switch, the
 * hover card, timings — run in real Chromium and Firefox by highlighter.{chromium,firefox}.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FIXTURES } from '../../unit/engine/match/fixture-eval';
import type { Pack } from '../../../src/engine/types';
import { groupsOf, manifestDocuments } from '../../support/corpus';
import type { Driver, TestPage } from './page-driver';
import { hintTitlePage, hostilePage, infiniteScrollPage, lateArticlePage, spaPage, themeTogglePage, toggleablePage } from './page-fixtures';
import { lowestMarkContrast, readMarks } from './page-checks';
import { artifact } from './paths';
import type { PageServer } from './server';
import { expectStaysTrue, gateHasCaughtUp } from './waits';

/** A saved page fixture (tests/fixtures/pages); `keepBody` records the body as parsed, before Verbatim marks it. */
function fixturePage(name: string, keepBody = false): string {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  // Nothing may follow the recording script: the parser would append text after </body> into the body later.
  return keepBody
    ? html.replace(/<\/body>[\s\S]*$/, '<script>window.__originalBody = document.body.innerHTML;</script></body></html>')
    : html;
}

/** "Within half a second" of content appearing, measured in the page; the slack covers the test's own polling. */
const HIGHLIGHT_WITHIN_MS = 500;

/** Waits until the marks under `within` carry exactly the `expected` groups. */
async function waitForGroups(page: TestPage, expected: Set<string>, timeout = 10_000, within = 'body'): Promise<void> {
  await page.waitFor(
    ({ groups, within }: { groups: string[]; within: string }) => {
      const seen = new Set(
        Array.from(document.querySelectorAll(`${within} mark.verbatim-quote`)).map((m) => m.getAttribute('data-verbatim-group')),
      );
      return groups.length === seen.size && groups.every((g) => seen.has(g));
    },
    { groups: [...expected], within },
    timeout,
  );
}

/** The badge and stored quotes settle a little after marking (one message to the background). */
/** Switches highlights off for the page's site and waits until no mark is left; switched on again if that fails. */
async function switchOffUntilUnmarked(page: TestPage): Promise<void> {
  await page.setHighlights(false);
  try {
    await page.waitFor(() => document.querySelectorAll('mark').length === 0);
  } catch (error) {
    await page.setHighlights(true);
    throw error;
  }
}

async function waitForTab(page: TestPage, count: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const tab = await page.tab();
        return { badge: tab.badge, quotes: tab.quotes?.length };
      },
      { timeout: 5000, interval: 100 },
    )
    .toEqual({ badge: String(count), quotes: count });
}

/** `env` is the file's fixture (./fixture.ts): its fields are read inside the tests, once the browser is up. */
export function highlighterSuite(env: { readonly driver: Driver; readonly server: PageServer; readonly pack: Pack }): void {
  const docs = manifestDocuments();

  it('highlights an article body that arrives after load, within half a second', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/late/article.html', lateArticlePage(docs[0]!)));
    await page.waitFor(() => (window as unknown as { __insertedAt?: number }).__insertedAt !== undefined, undefined, 10_000);
    await waitForGroups(page, groupsOf(pack, docs[0]!.id));
    const { inserted, marked } = await page.eval(() => ({
      inserted: (window as unknown as { __insertedAt: number }).__insertedAt,
      marked: (window as unknown as { __firstMarkAt: number }).__firstMarkAt,
    }));
    console.log(`${driver.browser}: late body highlighted ${Math.round(marked - inserted)} ms after it arrived`);
    expect(marked - inserted).toBeLessThanOrEqual(HIGHLIGHT_WITHIN_MS);
    const marks = await page.eval(readMarks);
    await waitForTab(page, new Set(marks.map((m) => m.group)).size === marks.length ? marks.length : (await page.tab()).quotes!.length);
    await page.close();
  });

  it('follows a single-page app from an unrelated story to one article, then another (history API)', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/spa/home', spaPage([docs[0]!, docs[1]!])));
    await gateHasCaughtUp(env);
    expect(await page.eval(() => document.querySelectorAll('mark').length)).toBe(0);

    await page.eval(() => (window as unknown as { go(n: number): void }).go(0));
    await waitForGroups(page, groupsOf(pack, docs[0]!.id), 10_000);

    await page.eval(() => (window as unknown as { go(n: number): void }).go(1));
    await waitForGroups(page, groupsOf(pack, docs[1]!.id));
    const { inserted, count } = await page.eval(() => ({
      inserted: (window as unknown as { __insertedAt: number }).__insertedAt,
      count: document.querySelectorAll('mark.verbatim-quote').length,
    }));
    expect(inserted).toBeGreaterThan(0);
    expect(count).toBeGreaterThan(0);
    const tab = await page.tab();
    expect(new Set(tab.quotes?.map((q) => q.group))).toEqual(groupsOf(pack, docs[1]!.id));
    await page.close();
  });

  it('reads the lead of a page whose title names only someone from the show, and highlights it when the lead names the show', async () => {
    const { driver, server, pack } = env;
    const hinted = await driver.open(server.set('/hint/moss.html', hintTitlePage(docs[0]!)));
    await waitForGroups(hinted, groupsOf(pack, docs[0]!.id));
    await hinted.close();
    // The same article behind 7 000 characters of council news: the gate reads 6 000 and leaves it alone.
    const buried = await driver.open(server.set('/hint/buried.html', hintTitlePage(docs[0]!, 7000)));
    // A quiet period, not a control page: the gate re-reads a hint page on timers (0.4 s, then 1.2 s
    // later), and nothing outside the background shows when its last read has been.
    await expectStaysTrue(async () => (await buried.eval(() => document.querySelectorAll('mark').length)) === 0, {
      for: 2500,
      message: "no marks on the buried article (past the gate's last re-read)",
    });
    expect((await buried.tab()).badge).toBe('');
    await buried.close();
  });

  it('highlights a second article appended by infinite scroll, and drops quotes whose content is removed', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/scroll/feed.html', infiniteScrollPage(docs[0]!, docs[2]!)));
    const first = groupsOf(pack, docs[0]!.id);
    await waitForGroups(page, first);
    await page.eval(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // The appended article's own quotes (some groups also occur in the first article, so look inside it).
    await waitForGroups(page, groupsOf(pack, docs[2]!.id), 10_000, 'main:not(#first)');
    await waitForGroups(page, new Set([...first, ...groupsOf(pack, docs[2]!.id)]));
    const all = (await page.eval(readMarks)).length;
    expect(all).toBeGreaterThan(0);

    // The first article goes away (feeds recycle old items): its quotes leave the badge and popup.
    await page.eval(() => document.getElementById('first')!.remove());
    const remaining = await page.eval(() => {
      const groups = new Set<string>();
      const marks = Array.from(document.querySelectorAll('mark.verbatim-quote'));
      for (const m of marks) groups.add(m.getAttribute('data-verbatim-group')!);
      return groups.size;
    });
    expect(remaining).toBe(groupsOf(pack, docs[2]!.id).size);
    // The highlighter reports the removal to the background, which stores it and then sets the badge.
    let tab = await page.tab();
    await expect
      .poll(
        async () => {
          tab = await page.tab();
          return { groups: new Set(tab.quotes?.map((q) => q.group)).size, badgeIsCount: tab.badge === String(tab.quotes?.length) };
        },
        { timeout: 5000, interval: 100 },
      )
      .toEqual({ groups: remaining, badgeIsCount: true });
    expect(new Set(tab.quotes?.map((q) => q.group))).toEqual(groupsOf(pack, docs[2]!.id));
    expect(tab.badge).toBe(String(tab.quotes!.length));
    await page.close();
  });

  it('keeps highlights visible and the layout unchanged on a page whose CSS hides and restyles mark', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/hostile/article.html', hostilePage(docs[1]!)));
    await waitForGroups(page, groupsOf(pack, docs[1]!.id));
    const styles = await page.eval(() =>
      Array.from(document.querySelectorAll('mark.verbatim-quote')).map((m) => {
        const s = getComputedStyle(m);
        const parent = getComputedStyle(m.parentElement!);
        const rect = m.getBoundingClientRect();
        return {
          display: s.display,
          visibility: s.visibility,
          opacity: s.opacity,
          background: s.backgroundColor,
          color: s.color,
          padding: s.paddingTop,
          border: s.borderTopWidth,
          margin: s.marginTop,
          fontSize: s.fontSize,
          parentFontSize: parent.fontSize,
          width: rect.width,
        };
      }),
    );
    expect(styles.length).toBeGreaterThan(0);
    for (const s of styles) {
      expect(s.display).toBe('inline');
      expect(s.visibility).toBe('visible');
      expect(s.opacity).toBe('1');
      // Dark page → the dark highlight colour (settings default #7a5c00), the text white on it (the page's
      // own colour, a link's blue, could fall under 4.5:1 on the highlight).
      expect(s.background).toBe('rgb(122, 92, 0)');
      expect(s.color).toBe('rgb(255, 255, 255)');
      expect([s.padding, s.border, s.margin]).toEqual(['0px', '0px', '0px']);
      expect(s.fontSize).toBe(s.parentFontSize);
    }
    expect(styles.some((s) => s.width > 0)).toBe(true);
    const layout = () =>
      Array.from(document.querySelectorAll('article p')).map((p) => {
        const r = p.getBoundingClientRect();
        return [r.top, r.height, r.width].join();
      });
    const withMarks = await page.eval(layout);
    await page.setHighlights(false);
    try {
      await page.waitFor(() => document.querySelectorAll('mark.verbatim-quote').length === 0);
      const without = await page.eval(layout);
      if (driver.browser === 'chromium') expect(without).toEqual(withMarks);
      else {
        // Firefox snaps each text run's line box to whole pixels: splitting a text node into marked runs
        // can round a paragraph 1 px taller (seen: 80 vs 79 px). Nothing moves by more than that per line.
        const rows = (l: string[]) => l.map((r) => r.split(',').map(Number));
        const [a, b] = [rows(withMarks), rows(without)];
        a.forEach((r, i) => {
          expect(Math.abs(r[1]! - b[i]![1]!)).toBeLessThanOrEqual(1);
          expect(r[2]).toBe(b[i]![2]);
        });
      }
      expect(await page.eval(() => document.body.innerHTML === (window as unknown as { __originalBody: string }).__originalBody)).toBe(
        true,
      );
    } finally {
      await page.setHighlights(true);
      await page.close();
    }
  });

  it('highlights short corpus quotes standing alone: summary bullets, a headline in single quotes, a subhead, a caption, a pull quote', async () => {
    const { driver, server } = env;
    const bullets = await driver.open(server.set('/short/bullets.html', fixturePage('summary-bullets')));
    const bulletQuotes = [
      'It all felt very real.',
      'None of that was in the script',
      'He held onto my hand and didn’t let go',
      'I don’t think it fits me anymore',
      'I need to speak to the manager.',
    ];
    await bullets.waitFor(
      (n: number) => document.querySelectorAll('.key-points li mark.verbatim-quote').length >= n,
      bulletQuotes.length,
      10_000,
    );
    const marked = (selector: string) =>
      Array.from(document.querySelectorAll(selector)).map((el) =>
        Array.from(el.querySelectorAll('mark.verbatim-quote'))
          .map((m) => m.textContent)
          .join(''),
      );
    expect(await bullets.eval(marked, '.key-points li')).toEqual(bulletQuotes);
    await bullets.close();

    const headline = await driver.open(server.set('/short/headline.html', fixturePage('headline-quote')));
    await headline.waitFor(() => document.querySelector('h1 mark.verbatim-quote') !== null, undefined, 10_000);
    await headline.waitFor(() => document.querySelector('blockquote mark.verbatim-quote') !== null, undefined, 10_000);
    expect(await headline.eval(marked, 'article h1, article h2, article figcaption, article blockquote')).toEqual([
      'That right there is real',
      'None of that was in the script',
      'It all felt very real',
      'He held onto my hand and didn’t let go',
    ]);
    await headline.close();
  });

  it('marks a quote running over several blocks in every block it covers, never the timestamps or the ad between; off restores the body byte for byte', async () => {
    const { driver, server } = env;
    const page = await driver.open(server.set('/blocks/transcript.html', fixturePage('transcript-split', true)));
    const read = () => ({
      cues: Array.from(document.querySelectorAll('.cue-text')).map((el) =>
        Array.from(el.querySelectorAll('mark.verbatim-quote'))
          .map((m) => m.textContent)
          .join(''),
      ),
      around: Array.from(document.querySelectorAll('article > p'))
        .filter((p) => /script|close-up/.test(p.textContent ?? ''))
        .map((p) => Array.from(p.querySelectorAll('mark.verbatim-quote')).map((m) => m.textContent)),
      verse: Array.from(document.querySelectorAll('.verse mark.verbatim-quote')).map((m) => m.textContent),
      elsewhere: document.querySelectorAll('.cue-time mark, .ad mark, .transcript > mark, .cue > mark, article > mark').length,
    });
    await page.waitFor(() => document.querySelectorAll('.verse mark.verbatim-quote').length === 3, undefined, 10_000);
    const first = await page.eval(read);
    expect(first.cues).toEqual([
      'It all felt very real.',
      'I had a very close relationship',
      'with Jon.There was sort of like',
      'a mentor/protégé relationship there',
      'very older brother, little sister.',
      'That’s actually real tears, which you know',
      'hate to break it to you',
      'but often we’re faking it.',
    ]);
    expect(first.around).toEqual([['None of that was in the script'], ['and he did it on my close-up']]);
    expect(first.verse).toEqual(['He held onto my hand', 'and didn’t let go', 'and then kissed it.']);
    expect(first.elsewhere).toBe(0);
    await switchOffUntilUnmarked(page);
    const restored = await page.eval(() => document.body.innerHTML === (window as unknown as { __originalBody: string }).__originalBody);
    await page.setHighlights(true);
    expect(restored).toBe(true);
    await page.waitFor(() => document.querySelectorAll('.verse mark.verbatim-quote').length === 3, undefined, 10_000);
    expect(await page.eval(read)).toEqual(first);
    await page.close();
  });

  it('switching highlights off for the site restores the body byte for byte; on marks again', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/toggle/article.html', toggleablePage(docs[3]!)));
    const expected = groupsOf(pack, docs[3]!.id);
    await waitForGroups(page, expected);
    await page.hover('mark.verbatim-quote'); // a card open too: it must not leave a trace in <body>
    await switchOffUntilUnmarked(page);
    const same = await page.eval(() => ({
      equal: document.body.innerHTML === (window as unknown as { __originalBody: string }).__originalBody,
      length: document.body.innerHTML.length,
    }));
    expect(same.equal).toBe(true);
    await page.setHighlights(true);
    await waitForGroups(page, expected);
    expect(await page.eval(() => document.querySelector('mark mark'))).toBeNull();
    await page.close();
  });

  it('opens the hover card with speaker and outlet count, keeps it off the quote, closes it with Escape; Alt+Shift+J steps', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/card/article.html', toggleablePage(docs[0]!)));
    await waitForGroups(page, groupsOf(pack, docs[0]!.id));
    // A quote that occurs once on the page, so its marks are the ones the card belongs to.
    const group = await page.eval(() => {
      const paragraphs = new Map<string, Set<Element>>();
      for (const m of Array.from(document.querySelectorAll('mark.verbatim-quote'))) {
        const g = m.getAttribute('data-verbatim-group')!;
        paragraphs.set(g, (paragraphs.get(g) ?? new Set()).add(m.closest('p')!));
      }
      return [...paragraphs].find(([, ps]) => ps.size === 1)![0];
    });
    const quoteGroup = pack.groups.find((g) => g.id === group)!;
    const outletsOf = (doc: string) => pack.documents.find((d) => d.id === doc)!.outlet;
    const expectedOutlets = new Set(quoteGroup.variants.map((v) => outletsOf(v.document))).size;

    await page.hover(`mark.verbatim-quote[data-verbatim-group="${group}"]`);
    await page.waitFor(() => document.querySelector('[data-verbatim-ui="card"]') !== null, undefined, 5000);
    const card = await page.readCard();
    expect(card).not.toBeNull();
    expect(card!.outlets).toBe(expectedOutlets);
    if (driver.browser === 'chromium') {
      expect(card!.speaker).toBe(quoteGroup.speaker ?? 'Speaker not known');
      if (quoteGroup.source) expect(card!.source).toContain(quoteGroup.source);
    }
    // Never over the highlighted words.
    const overlap = await page.eval((g: string) => {
      const host = document.querySelector('[data-verbatim-ui="card"]')!;
      const c = host.getBoundingClientRect();
      const cardBox = { top: parseFloat(getComputedStyle(host).top), left: parseFloat(getComputedStyle(host).left) };
      void c;
      const marks = Array.from(document.querySelectorAll(`mark.verbatim-quote[data-verbatim-group="${g}"]`));
      return {
        side: host.getAttribute('data-side'),
        cardTop: cardBox.top,
        rects: marks.flatMap((m) => Array.from(m.getClientRects()).map((r) => [r.top, r.bottom])),
      };
    }, group);
    const bottom = Math.max(...overlap.rects.map((r) => r[1]!));
    const top = Math.min(...overlap.rects.map((r) => r[0]!));
    if (overlap.side === 'below') expect(overlap.cardTop).toBeGreaterThanOrEqual(bottom);
    else expect(overlap.cardTop).toBeLessThan(top);

    await page.press('Escape');
    await page.waitFor(() => document.querySelector('[data-verbatim-ui="card"]') === null, undefined, 3000);

    // Keyboard: step to the first highlight; the card opens on it and it carries the focus outline.
    await page.eval(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.press('Alt+Shift+KeyJ');
    await page.waitFor(
      () => document.querySelector('mark[data-verbatim-focus]') !== null && document.querySelector('[data-verbatim-ui="card"]') !== null,
      undefined,
      3000,
    );
    await page.eval(() => document.body.getBoundingClientRect());
    await page.press('Escape');
    await page.waitFor(() => document.querySelector('[data-verbatim-ui="card"]') === null, undefined, 3000);
    await page.close();
  });

  it('a page cannot switch Verbatim off with any event it dispatches; analysing again keeps one highlighter and one set of marks', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/forged/article.html', toggleablePage(docs[1]!)));
    await waitForGroups(page, groupsOf(pack, docs[1]!.id));
    const before = await page.eval(readMarks);
    // The old handshake's name with every id the extension goes by, look-alikes, on every target a listener could sit on.
    await page.eval((ids: string[]) => {
      const names = ids.flatMap((id) => [`verbatim:${id}:highlighter-started`, `verbatim:${id}:stop`, `verbatim:${id}`]);
      names.push('verbatim::highlighter-started', 'verbatim:highlighter-started', 'verbatim', 'pagehide', 'beforeunload');
      for (const name of names)
        for (const target of [document, window, document.documentElement, document.body]) {
          target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { id: ids[0] } }));
          target.dispatchEvent(new Event(name, { bubbles: true }));
        }
      for (const name of names) window.postMessage({ type: name, source: 'verbatim' }, '*');
    }, driver.extensionIds);
    // No reaction is the point, and nothing can show that sooner: a bounded quiet period (the old
    // handshake took the marks out at once).
    await expectStaysTrue(async () => (await page.eval(readMarks)).length === before.length, {
      for: 1000,
      message: 'every mark still in place after the page dispatched its events',
    });
    expect(await page.eval(readMarks)).toEqual(before);

    // Analysed again (the popup's "analyse"): the copy there gives way to the new one, which marks the same quotes once.
    await page.eval(() => {
      const w = window as unknown as { __marksRemoved: number };
      w.__marksRemoved = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of Array.from(r.removedNodes)) if (n.nodeName === 'MARK') w.__marksRemoved++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const injected = await driver.extension(async (url: string) => {
      const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      return (await api.runtime.sendMessage({ type: 'analyse-tab', tabId: tab!.id })) as boolean;
    }, page.url);
    expect(injected).toBe(true);
    await page.waitFor(
      (n: number) =>
        (window as unknown as { __marksRemoved: number }).__marksRemoved > 0 &&
        document.querySelectorAll('mark.verbatim-quote').length === n,
      before.length,
    );
    expect(await page.eval(readMarks)).toEqual(before);
    // One highlighter hears a refresh: a second one still running would mark the same quotes again inside these.
    await page.setHighlights(true);
    await expectStaysTrue(
      async () => {
        const now = await page.eval(() => ({
          nested: document.querySelector('mark mark') !== null,
          count: document.querySelectorAll('mark').length,
        }));
        return !now.nested && now.count === before.length;
      },
      { for: 1000, message: 'one set of marks after a refresh (no second highlighter marking again)' },
    );
    expect(await page.eval(readMarks)).toEqual(before);
    // One highlighter hears the step key: one card, on one quote.
    await page.eval(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.press('Alt+Shift+KeyJ');
    await page.waitFor(() => document.querySelector('[data-verbatim-ui="card"]') !== null, undefined, 5000);
    const shown = await page.eval(() => ({
      cards: document.querySelectorAll('[data-verbatim-ui="card"]').length,
      focused: new Set(Array.from(document.querySelectorAll('mark[data-verbatim-focus]')).map((m) => m.getAttribute('data-verbatim-group')))
        .size,
    }));
    expect(shown).toEqual({ cards: 1, focused: 1 });
    await page.close();
  });

  it('marks follow the page into a dark theme and back: every mark at 4.5:1 contrast or more within a second', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/theme/article.html', themeTogglePage(docs[2]!)));
    await waitForGroups(page, groupsOf(pack, docs[2]!.id));
    expect(await page.eval(lowestMarkContrast)).toBeGreaterThanOrEqual(4.5);
    // The highlight colours for a dark and a light background (settings defaults #7a5c00, #ffe066).
    for (const [dark, background] of [
      [true, 'rgb(122, 92, 0)'],
      [false, 'rgb(255, 224, 102)'],
    ] as const) {
      const theme = dark ? 'dark' : 'light';
      await page.eval((dark: boolean) => {
        document.documentElement.classList.toggle('dark', dark);
        (window as unknown as { __toggledAt: number }).__toggledAt = performance.now();
      }, dark);
      try {
        await page.waitFor(
          (background: string) =>
            Array.from(document.querySelectorAll('mark.verbatim-quote')).every((m) => getComputedStyle(m).backgroundColor === background),
          background,
          1000,
        );
      } catch (error) {
        throw new Error(`${theme} theme: marks not all ${background} after 1 s`, { cause: error });
      }
      const ms = await page.eval(() => performance.now() - (window as unknown as { __toggledAt: number }).__toggledAt);
      const lowest = Number(await page.eval(lowestMarkContrast));
      console.log(
        `${driver.browser}: ${theme} theme, every mark toned ${background} after ${Math.round(ms)} ms, lowest contrast ${lowest.toFixed(2)}`,
      );
      expect(lowest).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  it('from the keyboard: J moves focus into the card and Escape back to the quote; one outline per quote; the card closes when pointer and focus leave', async () => {
    const { driver, server, pack } = env;
    const page = await driver.open(server.set('/keyboard/article.html', toggleablePage(docs[0]!)));
    await waitForGroups(page, groupsOf(pack, docs[0]!.id));
    const cardOpen = () => document.querySelector('[data-verbatim-ui="card"]') !== null;
    const cardClosed = () => document.querySelector('[data-verbatim-ui="card"]') === null;
    await page.eval(() => (document.activeElement as HTMLElement | null)?.blur());

    await page.press('Alt+Shift+KeyJ');
    // Focus inside the card's closed shadow root shows on the page as its host.
    await page.waitFor(() => document.activeElement?.getAttribute('data-verbatim-ui') === 'card', undefined, 5000);
    await page.press('Escape');
    await page.waitFor(cardClosed, undefined, 3000);
    expect(await page.eval(() => document.activeElement?.matches('mark.verbatim-quote[data-verbatim-focus]') ?? false)).toBe(true);

    // A quote the page splits over several text runs (a link or emphasis inside it): one outline around it.
    const runs = () => document.querySelectorAll('mark[data-verbatim-focus]').length;
    let steps = 0;
    do await page.press('Alt+Shift+KeyJ');
    while (++steps < 40 && (await page.eval(runs)) < 2);
    expect(await page.eval(runs)).toBeGreaterThan(1);
    await page.waitFor(() => document.activeElement?.getAttribute('data-verbatim-ui') === 'card', undefined, 5000);
    const outline = await page.eval(() => {
      const marks = Array.from(document.querySelectorAll('mark[data-verbatim-focus]'));
      const outlined = Array.from(document.querySelectorAll('body *')).filter((el) => {
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      }).length;
      const rings = Array.from(document.querySelectorAll('[data-verbatim-ui="focus"]'));
      const ring = rings[0]?.getBoundingClientRect();
      const inside = marks.every((m) =>
        Array.from(m.getClientRects()).every(
          (r) => ring && r.left >= ring.left && r.right <= ring.right && r.top >= ring.top && r.bottom <= ring.bottom,
        ),
      );
      return { outlined, rings: rings.length, inside };
    });
    expect(outline).toEqual({ outlined: 0, rings: 1, inside: true });

    // Focus leaves for the page (the pointer is not over the card): the card closes.
    await page.eval(() => document.querySelector<HTMLElement>('header a')!.focus());
    await page.waitFor(cardClosed, undefined, 1500);

    // Opened by the pointer, closed when the pointer leaves the quote and the card.
    await page.hover('mark.verbatim-quote');
    await page.waitFor(cardOpen, undefined, 5000);
    await page.hover('header');
    await page.waitFor(cardClosed, undefined, 1500);
    await page.close();
  });

  it('reports timings for the popup footer', async () => {
    const { driver, server } = env;
    const page = await driver.open(server.set('/timings/article.html', toggleablePage(docs[2]!)));
    await page.waitFor(() => document.querySelector('mark.verbatim-quote') !== null);
    let tab = await page.tab();
    await expect.poll(async () => (tab = await page.tab()).timings, { timeout: 5000, interval: 100 }).not.toBeNull();
    expect(tab.timings).not.toBeNull();
    expect(tab.timings!['chars']).toBeGreaterThan(1000);
    for (const k of ['extract', 'analyse', 'mark']) expect(tab.timings![k]).toBeGreaterThanOrEqual(0);
    console.log(`${driver.browser}: timings`, JSON.stringify(tab.timings), artifact('.'));
    await page.close();
  });
}
