/**
 * The popup opened on a page Verbatim is about to analyse (still loading, or its highlighter still
 * reading it) waits for that analysis instead of calling the page "not a Mad Men article".
 * It stops waiting when the state arrives, or once the page has loaded and no highlighter runs there
 * (the background's gate left it alone), or after `max` ms.
 */
import type { TabState } from '../shared/messages';

export interface AnalysisProbe {
  state(): Promise<TabState | null>;
  /** The tab is still loading: the gate has not had its last word. */
  loading(): Promise<boolean>;
  /** A highlighter answers in the tab: its report is on the way. */
  highlighter(): Promise<boolean>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * `grace`: the gate reads a page that only hints at the topic again 400 and 1 200 ms after it loaded
 * (src/background/tab-gate.ts), so a loaded page without a highlighter may still get one that long after.
 */
export async function awaitAnalysis(probe: AnalysisProbe, { grace = 1500, max = 8000, every = 150 } = {}): Promise<TabState | null> {
  const now = probe.now ?? (() => performance.now());
  const sleep = probe.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const start = now();
  while (now() - start < max) {
    const state = await probe.state();
    if (state) return state;
    if (now() - start >= grace && !(await probe.loading()) && !(await probe.highlighter())) return null;
    await sleep(every);
  }
  return probe.state();
}
