/** Which tabs get the highlighter, decided in the background from what the browser says about each tab. */
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { compileGate } from '../../../src/engine/topic/gate';
import { createTabGate, RESAMPLE_AFTER, type TabGate } from '../../../src/background/tab-gate';
import type { TopicSpec } from '../../../src/engine/types';
import bundledTopic from '../../../assets/corpus/topic.json';

const MAD_MEN = 'https://news.example/tv/mad-men-elisabeth-moss';
const CITY = 'https://news.example/city/budget';

/** A fake browser: records what the gate asked of it; pages answer as the test sets them up. */
function harness() {
  const calls: string[] = [];
  const timers: { ms: number; run: () => void }[] = [];
  const page = { highlighter: false, sample: '' as string | null, allowed: true, injectFails: false, injectLost: false };
  const gate = createTabGate({
    gate: () => compileGate(bundledTopic as TopicSpec),
    allowed: async () => page.allowed,
    ping: async (tabId) => {
      calls.push(`ping ${tabId}`);
      return page.highlighter;
    },
    sample: async (tabId) => {
      calls.push(`sample ${tabId}`);
      return page.sample;
    },
    inject: async (tabId) => {
      calls.push(`inject ${tabId}`);
      if (page.injectFails) throw new Error('Frame with ID 0 was removed');
      page.highlighter = !page.injectLost;
    },
    later: (ms, run) => void timers.push({ ms, run }),
  });
  // The gate's decisions are promise chains over this fake browser (its delays go through `later`):
  // vitest's timer flush runs every callback they have queued.
  vi.useFakeTimers();
  onTestFinished(() => void vi.useRealTimers());
  const settle = () => vi.runAllTimersAsync();
  /** A whole page load as Chromium reports it: loading + URL, the title, then complete. */
  const load = async (tabId: number, url: string, title: string) => {
    page.highlighter = false;
    gate.onUpdated(tabId, { status: 'loading', url }, { url, title: url, status: 'loading' });
    gate.onUpdated(tabId, { title }, { url, title, status: 'loading' });
    gate.onUpdated(tabId, { status: 'complete' }, { url, title, status: 'complete' });
    await settle();
  };
  const runTimers = async () => {
    for (const t of timers.splice(0)) t.run();
    await settle();
  };
  return { gate, calls, timers, page, load, settle, runTimers };
}

describe('the tab gate', () => {
  let h: ReturnType<typeof harness>;
  let gate: TabGate;
  beforeEach(() => {
    h = harness();
    gate = h.gate;
  });

  it('injects the highlighter once into a page whose URL or title names the show', async () => {
    // The title decides; the finished load only checks that the highlighter answers.
    await h.load(1, MAD_MEN, 'Elisabeth Moss on her years on the show');
    expect(h.calls).toEqual(['ping 1', 'inject 1', 'ping 1']);
    await h.load(2, 'https://news.example/a', 'Why Mad Men still matters');
    expect(h.calls.filter((c) => c.endsWith(' 2'))).toEqual(['ping 2', 'inject 2', 'ping 2']);
  });

  it('leaves a page with no topic signal completely alone: no ping, no sample, no script', async () => {
    await h.load(1, CITY, 'Council passes the budget');
    gate.onUpdated(
      1,
      { title: 'Council passes the budget (updated)' },
      { url: CITY, title: 'Council passes the budget (updated)', status: 'complete' },
    );
    await h.settle();
    expect(h.calls).toEqual([]);
    expect(h.timers).toEqual([]);
  });

  it('never acts on a navigation that has not committed: only a title or a finished load decides', async () => {
    gate.onUpdated(1, { status: 'loading', url: MAD_MEN }, { url: MAD_MEN, title: 'Mad Men', status: 'loading' });
    await h.settle();
    expect(h.calls).toEqual([]);
  });

  it('injects again after a reload, not after a hash change', async () => {
    await h.load(1, MAD_MEN, 'Mad Men');
    gate.onUpdated(1, { url: `${MAD_MEN}#comments` }, { url: `${MAD_MEN}#comments`, title: 'Mad Men', status: 'complete' });
    await h.settle();
    expect(h.calls).toEqual(['ping 1', 'inject 1', 'ping 1']);
    await h.load(1, MAD_MEN, 'Mad Men');
    expect(h.calls).toEqual(['ping 1', 'inject 1', 'ping 1', 'ping 1', 'inject 1', 'ping 1']);
  });

  it('on a single-page site, a running highlighter answers and is not injected twice', async () => {
    await h.load(1, MAD_MEN, 'Mad Men');
    // Chromium reports history.pushState as loading + URL, then complete; the highlighter is still there.
    const next = 'https://news.example/tv/mad-men-jon-hamm';
    h.page.highlighter = true;
    gate.onUpdated(1, { status: 'loading', url: next }, { url: next, title: 'Mad Men', status: 'loading' });
    gate.onUpdated(1, { status: 'complete' }, { url: next, title: 'Mad Men', status: 'complete' });
    await h.settle();
    expect(h.calls).toEqual(['ping 1', 'inject 1', 'ping 1', 'ping 1']);
  });

  it('catches a single-page site that turns to the show later (Firefox reports only the URL)', async () => {
    await h.load(1, CITY, 'Council passes the budget');
    const next = 'https://news.example/spa/article-1';
    gate.onUpdated(1, { url: next }, { url: next, title: 'Council passes the budget', status: 'complete' });
    await h.settle();
    expect(h.calls).toEqual([]);
    gate.onUpdated(1, { title: 'Mad Men: the final season' }, { url: next, title: 'Mad Men: the final season', status: 'complete' });
    await h.settle();
    expect(h.calls).toEqual(['ping 1', 'inject 1']);
  });

  it('reads a sample of a hint page, injects when its lead names the show', async () => {
    h.page.sample = 'A career. She played Peggy Olson in Mad Men.';
    await h.load(1, 'https://news.example/a', 'Elisabeth Moss looks back');
    expect(h.calls).toEqual(['ping 1', 'sample 1', 'inject 1', 'ping 1']);
  });

  it('re-reads a hint page whose lead says no, a bounded number of times, and stops at a navigation', async () => {
    h.page.sample = 'She talks about her new film.';
    await h.load(1, 'https://news.example/a', 'Elisabeth Moss looks back');
    expect(h.calls.filter((c) => c.startsWith('sample'))).toHaveLength(2); // the title event and the complete event
    expect(h.timers.map((t) => t.ms)).toEqual([RESAMPLE_AFTER[0]]);
    await h.runTimers();
    expect(h.timers.map((t) => t.ms)).toEqual([RESAMPLE_AFTER[1]]);
    h.page.sample = 'Her years on Mad Men.'; // the router filled the page in
    await h.runTimers();
    expect(h.calls.at(-1)).toBe('inject 1');
    expect(h.timers).toEqual([]);

    h.calls.length = 0;
    h.page.sample = 'Nothing about the show.';
    await h.load(2, 'https://news.example/b', 'Jon Hamm interview');
    await h.load(2, CITY, 'Council passes the budget');
    await h.runTimers();
    expect(h.calls.filter((c) => c === 'inject 2')).toEqual([]);
    expect(h.timers).toEqual([]);
  });

  it('injects again when, once the page has loaded, the injected highlighter does not answer', async () => {
    h.page.injectLost = true; // the script ran, but no highlighter started (e.g. its document was replaced)
    gate.onUpdated(1, { status: 'loading', url: MAD_MEN }, { url: MAD_MEN, title: MAD_MEN, status: 'loading' });
    gate.onUpdated(1, { title: 'Mad Men' }, { url: MAD_MEN, title: 'Mad Men', status: 'loading' });
    await h.settle();
    h.page.injectLost = false;
    gate.onUpdated(1, { status: 'complete' }, { url: MAD_MEN, title: 'Mad Men', status: 'complete' });
    await h.settle();
    // One ping at the finished load says nobody runs there: injected again, without asking twice.
    expect(h.calls).toEqual(['ping 1', 'inject 1', 'ping 1', 'inject 1']);
    expect(h.page.highlighter).toBe(true);
  });

  it('at a worker start, reads a hint page once and sets no timer to read it again', async () => {
    h.page.sample = 'She talks about her new film.';
    await gate.look(1, { url: 'https://news.example/a', title: 'Elisabeth Moss looks back', status: 'complete' });
    expect(h.calls).toEqual(['ping 1', 'sample 1']);
    expect(h.timers).toEqual([]);
  });

  it('respects the run mode, and tries again after an injection that failed', async () => {
    h.page.allowed = false;
    await h.load(1, MAD_MEN, 'Mad Men');
    expect(h.calls).toEqual([]);
    h.page.allowed = true;
    h.page.injectFails = true;
    await h.load(1, MAD_MEN, 'Mad Men');
    expect(h.calls.filter((c) => c.startsWith('inject'))).toHaveLength(2); // title event failed, complete event retried
  });

  it('ignores pages it may not script, and tabs it has forgotten', async () => {
    await h.load(1, 'chrome://settings/mad-men', 'Mad Men');
    await h.load(1, 'file:///home/mad-men.html', 'Mad Men');
    expect(h.calls).toEqual([]);
    await h.load(3, MAD_MEN, 'Mad Men');
    gate.onRemoved(3);
    await gate.look(3, { url: MAD_MEN, title: 'Mad Men', status: 'complete' });
    expect(h.calls).toEqual(['ping 3', 'inject 3', 'ping 3', 'ping 3']);
  });
});
