/**
 * Decides, from the background, which tabs get the highlighter. Pages get no script at all until their
 * URL or title names the topic: the browser already tells the background both (`tabs.onUpdated`, with
 * the host permissions Verbatim has anyway), so a page with nothing to say pays nothing (docs/decisions.md).
 *
 * - a deciding term in the URL or title → inject the highlighter;
 * - only a hint (someone from the show) → read a short sample of the page (headline, lead) and judge it,
 *   again shortly after if it says no (a client-side router may fill the page after the URL changed);
 * - neither → nothing.
 * A tab whose highlighter is already running (a single-page site changing article) is not injected again:
 * the highlighter answers a ping and looks again by itself.
 */
import { judgeHead, judgeSample, type Gate } from '../engine/topic/gate';
import { perKeyQueue } from './per-key-queue';

/** What the browser tells about a tab (`tabs.Tab`, the fields used here). */
export interface TabView {
  url?: string;
  title?: string;
  status?: string;
}

/** What changed (`tabs.onUpdated`'s changeInfo, the fields used here). */
export type TabChange = TabView;

export interface TabGateDeps {
  gate(): Gate;
  /** The user's run mode (Options) allows Verbatim on this URL. */
  allowed(url: string): Promise<boolean>;
  /** Asks the tab's highlighter, if one runs there, whether it is alive (false when nobody answers). */
  ping(tabId: number): Promise<boolean>;
  /** The page's description, headline and lead (`readGateSample`), or null when it cannot be read. */
  sample(tabId: number): Promise<string | null>;
  inject(tabId: number): Promise<unknown>;
  later(ms: number, run: () => void): void;
}

/** After a hint page's sample says no, it is read again this long after the first look (ms). */
export const RESAMPLE_AFTER = [400, 1200];

export interface TabGate {
  onUpdated(tabId: number, change: TabChange, tab: TabView): void;
  onRemoved(tabId: number): void;
  /** Looks at a tab as it is now, checking rather than trusting an earlier injection (worker start). */
  look(tabId: number, tab: TabView): Promise<void>;
}

/** The page a highlighter works on: a hash change is not a new article. */
function pageKey(url: string): string {
  return url.split('#')[0]!;
}

export function createTabGate(deps: TabGateDeps): TabGate {
  /**
   * Tab → the page its highlighter was injected into (or answered on), and whether that injection ran
   * (false when the browser refused it).
   */
  const served = new Map<number, { key: string; ran: Promise<boolean> }>();
  /** Tab → a number that changes with every navigation; work for an older one is dropped. */
  const navigation = new Map<number, number>();
  /** Tab → the hint page being re-read, so several events do not start several rounds. */
  const resampling = new Map<number, string>();
  /** One decision at a time per tab, in event order. */
  const queue = perKeyQueue<number>();

  const current = (tabId: number) => navigation.get(tabId) ?? 0;

  const enqueue = (tabId: number, work: () => Promise<void>): Promise<void> =>
    queue(tabId, work).catch((error: unknown) => console.warn('Verbatim: tab gate', error));

  /**
   * `confirm` (the page finished loading): a page already served is checked rather than trusted — if its
   * injection was refused or its highlighter does not answer, it is injected again.
   */
  async function decide(tabId: number, tab: TabView, nav: number, round: number, confirm = false): Promise<void> {
    const url = tab.url;
    if (!url || !/^https?:/i.test(url) || nav !== current(tabId)) return;
    const key = pageKey(url);
    const prior = served.get(tabId);
    // The answer of a ping already sent for this decision (null: none sent yet).
    let answered: boolean | null = null;
    if (prior?.key === key) {
      if (!confirm) return;
      if (await prior.ran) answered = await deps.ping(tabId);
      if (answered) return;
      served.delete(tabId);
    }
    const verdict = judgeHead(deps.gate(), url, tab.title ?? '');
    if (verdict === 'no' || !(await deps.allowed(url))) return;
    if (answered ?? (await deps.ping(tabId))) {
      served.set(tabId, { key, ran: Promise.resolve(true) });
      return;
    }
    if (verdict === 'look-closer' && !(await sampleSaysTopic(tabId, tab, nav, round, key))) return;
    if (nav !== current(tabId) || served.get(tabId)?.key === key) return;
    const ran = deps.inject(tabId).then(
      () => true,
      () => false, // the page went away or cannot be scripted: a later event may try again
    );
    served.set(tabId, { key, ran });
  }

  async function sampleSaysTopic(tabId: number, tab: TabView, nav: number, round: number, key: string): Promise<boolean> {
    const text = await deps.sample(tabId);
    if (text !== null && judgeSample(deps.gate(), text)) return true;
    const marker = `${nav} ${key}`;
    if (round === 0 && resampling.get(tabId) === marker) return false;
    if (round < RESAMPLE_AFTER.length) {
      resampling.set(tabId, marker);
      deps.later(RESAMPLE_AFTER[round]!, () => void enqueue(tabId, () => decide(tabId, tab, nav, round + 1)));
    }
    return false;
  }

  return {
    onUpdated(tabId, change, tab) {
      if (change.status === 'loading' || change.url !== undefined) navigation.set(tabId, current(tabId) + 1);
      // A load or reload (Chromium reports a history.pushState this way too): the page holds no highlighter yet.
      if (change.status === 'loading') served.delete(tabId);
      // Decide on committed documents only: the title is the new page's, a script injected now lands in it.
      const settled = change.title !== undefined || change.status === 'complete' || (change.url !== undefined && tab.status === 'complete');
      if (!settled) return;
      const nav = current(tabId);
      void enqueue(tabId, () => decide(tabId, tab, nav, 0, change.status === 'complete'));
    },
    onRemoved(tabId) {
      for (const map of [served, navigation, resampling]) map.delete(tabId);
    },
    look(tabId, tab) {
      // Runs at every worker start: a hint page is read once then, never re-read on a timer.
      return enqueue(tabId, () => decide(tabId, tab, current(tabId), RESAMPLE_AFTER.length, true));
    },
  };
}
