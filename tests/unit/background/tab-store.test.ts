/** A tab's state: changes that arrive together (the page's report, learning's outcome, the next analysis) are all kept. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changeTab, forgetTab, loadTab, noteLearning, updateTab } from '../../../src/background/tab-store';
import type { PageAnalysis } from '../../../src/engine/analyse';
import type { TabState } from '../../../src/shared/messages';

const analysis = { status: 'topic', quotes: [] } as unknown as PageAnalysis;
const state = (url: string): TabState => ({ url, title: 'T', analysis, at: 1 });
const timings = { extract: 1, analyse: 2, mark: 3, chars: 400 };
const learned = { status: 'unchanged', id: 'd-1', quotes: 3, joined: 3 } as const;

describe('tab store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps both a page report and a learning outcome that arrive at the same moment', async () => {
    await changeTab(7, () => state('https://a.example/x'));
    await Promise.all([updateTab(7, [], timings), noteLearning(7, learned)]);
    expect(await loadTab(7)).toMatchObject({ timings, learning: learned });
  });

  it('runs changes to one tab in the order they were asked for; a forgotten tab is gone', async () => {
    const done = Promise.all([
      changeTab(7, () => state('https://a.example/x')),
      noteLearning(7, learned),
      changeTab(7, (previous) => ({ ...state('https://a.example/x'), ...(previous?.learning ? { learning: previous.learning } : {}) })),
    ]);
    await done;
    expect((await loadTab(7))?.learning).toEqual(learned);
    await Promise.all([forgetTab(7), updateTab(7, [], timings)]);
    expect(await loadTab(7)).toBeNull();
  });
});
