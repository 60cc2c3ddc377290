/** When a tab's page is learned: topic articles only, once per page load, never private, never where the reader said no. */
import { describe, expect, it, vi } from 'vitest';
import { createLearner, LEARN_AFTER_MS, MAX_PAGE_HTML, MAX_PAGE_TEXT, type LearnerDeps } from '../../../src/background/learner';
import type { LearnOutcome, PageArticle } from '../../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';

const URL_ = 'https://www.indiewire.com/2022/10/moss-hamm/';
const article: PageArticle = { url: URL_, outlet: 'IndieWire', site: 'www.indiewire.com', title: 'T', published: null, text: 'text' };

function setup(settings: Partial<Settings> = {}, html = '<html><body><article>…</article></body></html>') {
  const reports: [number, LearnOutcome][] = [];
  const deps = {
    settings: vi.fn(async () => ({ ...DEFAULT_SETTINGS, ...settings })),
    readPage: vi.fn(async () => ({ html, url: URL_ })),
    readArticle: vi.fn((): PageArticle | null => article),
    keep: vi.fn(async (): Promise<LearnOutcome> => ({ status: 'learned', id: 'd-1', quotes: 3, joined: 2 })),
    report: vi.fn(async (tabId: number, outcome: LearnOutcome) => void reports.push([tabId, outcome])),
    dwell: vi.fn(async () => {}),
  } satisfies LearnerDeps;
  return { learner: createLearner(deps), deps, reports };
}

const tab = { id: 4, url: URL_, incognito: false, chars: 12_000 };

describe('the learner', () => {
  it('keeps a topic article once per page load, and reports what it did', async () => {
    const { learner, deps, reports } = setup();
    await learner.analysed(tab, 'topic');
    await learner.analysed(tab, 'topic'); // the next pass on the same page
    expect(deps.keep).toHaveBeenCalledTimes(1);
    expect(deps.keep).toHaveBeenCalledWith(article);
    expect(reports).toEqual([[4, { status: 'learned', id: 'd-1', quotes: 3, joined: 2 }]]);
    learner.forget(4); // the tab loaded a page again
    await learner.analysed(tab, 'topic');
    expect(deps.keep).toHaveBeenCalledTimes(2);
  });

  it('reads a page only once it has stayed open: a page left during its dwell is never read', async () => {
    const { learner, deps, reports } = setup();
    const waiting: (() => void)[] = [];
    const stay = () => waiting.splice(0).forEach((resolve) => resolve());
    deps.dwell.mockImplementation(() => new Promise<void>((resolve) => waiting.push(resolve)));
    const left = learner.analysed(tab, 'topic');
    learner.forget(4); // the reader moved on before the dwell was over
    stay();
    await left;
    expect(deps.readPage).not.toHaveBeenCalled();
    expect(reports).toEqual([]);

    const other = { ...tab, url: 'https://www.indiewire.com/other/' };
    const first = learner.analysed(tab, 'topic');
    const next = learner.analysed(other, 'topic'); // an SPA moved to another article during the dwell
    const again = learner.analysed(other, 'topic'); // a second pass on it during the dwell adds nothing
    stay();
    await Promise.all([first, next, again]);
    expect(deps.readPage).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
  });

  it('waits LEARN_AFTER_MS by default before reading', async () => {
    vi.useFakeTimers();
    try {
      const { deps } = setup();
      const learning = createLearner({ ...deps, dwell: undefined }).analysed(tab, 'topic');
      await vi.advanceTimersByTimeAsync(LEARN_AFTER_MS - 1);
      expect(deps.readPage).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await learning;
      expect(deps.readPage).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('learns the next article a tab opens', async () => {
    const { learner, deps } = setup();
    await learner.analysed(tab, 'topic');
    await learner.analysed({ ...tab, url: 'https://www.indiewire.com/other/' }, 'topic');
    expect(deps.keep).toHaveBeenCalledTimes(2);
  });

  it('never reads a page that is not a topic article, in a private window, with learning off or on an excluded site', async () => {
    const cases: [Partial<Settings>, typeof tab, 'topic' | 'quotes-only' | 'none'][] = [
      [{}, tab, 'quotes-only'],
      [{}, tab, 'none'],
      [{}, { ...tab, incognito: true }, 'topic'],
      [{ learning: false }, tab, 'topic'],
      [{ learnExcluded: ['indiewire.com'] }, tab, 'topic'],
    ];
    for (const [settings, t, status] of cases) {
      const { learner, deps, reports } = setup(settings);
      await learner.analysed(t, status);
      expect(deps.readPage).not.toHaveBeenCalled();
      expect(deps.keep).not.toHaveBeenCalled();
      expect(reports).toEqual([]);
    }
  });

  it('says why when a page is too large or holds no article', async () => {
    const big = setup({}, 'x'.repeat(MAX_PAGE_HTML + 1));
    await big.learner.analysed(tab, 'topic');
    expect(big.reports).toEqual([[4, { status: 'skipped', reason: 'the page is too large to read as an article' }]]);
    expect(big.deps.readArticle).not.toHaveBeenCalled();
    // A page with more visible text than any article kept is not even read.
    const huge = setup();
    await huge.learner.analysed({ ...tab, chars: MAX_PAGE_TEXT + 1 }, 'topic');
    expect(huge.deps.readPage).not.toHaveBeenCalled();
    expect(huge.reports).toEqual([[4, { status: 'skipped', reason: 'the page is too large to read as an article' }]]);
    const none = setup();
    none.deps.readArticle.mockReturnValue(null);
    await none.learner.analysed(tab, 'topic');
    expect(none.reports).toEqual([[4, { status: 'skipped', reason: 'no article found on the page' }]]);
  });
});
