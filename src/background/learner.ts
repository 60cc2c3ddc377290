/**
 * Learning as the reader reads: a tab whose page the gate let through and the detector judged a topic
 * article is read (Readability, src/reading) and kept as a corpus article — once per page load, never
 * in a private window, never where learning is off or the site is excluded. The browser calls are
 * parameters, so the rules are unit-tested (tests/unit/background/learner.test.ts).
 */
import type { PageStatus } from '../engine/analyse';
import { learningAllowed, type Settings } from '../shared/settings';
import type { LearnOutcome, PageArticle } from '../shared/messages';
import { MAX_ARTICLE_CHARS } from './corpus-service';

/** A page's HTML beyond this is not read (a 5 MB page is not an article). */
export const MAX_PAGE_HTML = 5_000_000;
/**
 * A page whose visible text is over twice the longest article kept (corpus-service.ts) is not read at all:
 * serialising a page that size costs its main thread, and Readability the worker, for an article that
 * would be refused anyway.
 */
export const MAX_PAGE_TEXT = 2 * MAX_ARTICLE_CHARS;

/**
 * How long a topic article must stay open in its tab before it is read. A page is learned because it was
 * read: a tab closed or moved on within two seconds (a bounce, a mis-click) is not, and the page read —
 * serialising the page's HTML on its main thread, Readability in the worker — never competes with the
 * page's own load and first highlights.
 */
export const LEARN_AFTER_MS = 2000;

export interface LearnerDeps {
  settings(): Promise<Settings>;
  /** The tab's page as HTML (`scripting.executeScript`), or null when it cannot be read. */
  readPage(tabId: number): Promise<{ html: string; url: string } | null>;
  readArticle(html: string, url: string): PageArticle | null;
  keep(article: PageArticle): Promise<LearnOutcome>;
  report(tabId: number, outcome: LearnOutcome): Promise<void>;
  /** Waits LEARN_AFTER_MS (injected in tests). */
  dwell?(): Promise<void>;
}

export interface TabInfo {
  id: number;
  url: string;
  incognito: boolean;
  /** Characters of visible text the highlighter read from the page. */
  chars: number;
}

const TOO_LARGE: LearnOutcome = { status: 'skipped', reason: 'the page is too large to read as an article' };

export function createLearner(deps: LearnerDeps) {
  /** Tab → the URL it last learned (or tried to): a pass after a page change does not learn again. */
  const done = new Map<number, string>();
  /** Tab → the URL waiting for its dwell or being read. */
  const pending = new Map<number, string>();
  /** Tab → how many times it left its page: a page left during its dwell is not read. */
  const visits = new Map<number, number>();
  const dwell = deps.dwell ?? (() => new Promise<void>((resolve) => setTimeout(resolve, LEARN_AFTER_MS)));

  async function learn(tab: TabInfo): Promise<LearnOutcome | null> {
    const settings = await deps.settings();
    if (tab.incognito || !learningAllowed(settings, tab.url)) return null;
    if (tab.chars > MAX_PAGE_TEXT) return TOO_LARGE;
    const page = await deps.readPage(tab.id);
    if (!page) return { status: 'skipped', reason: 'the page could not be read' };
    if (page.html.length > MAX_PAGE_HTML) return TOO_LARGE;
    const article = deps.readArticle(page.html, page.url);
    if (!article) return { status: 'skipped', reason: 'no article found on the page' };
    return deps.keep(article);
  }

  return {
    /** A tab's top page was analysed: learn it, once it has stayed open a moment, when it is a topic article and learning may. */
    async analysed(tab: TabInfo, status: PageStatus): Promise<void> {
      if (status !== 'topic' || done.get(tab.id) === tab.url || pending.get(tab.id) === tab.url) return;
      pending.set(tab.id, tab.url);
      const visit = visits.get(tab.id) ?? 0;
      const stillThere = () => (visits.get(tab.id) ?? 0) === visit && pending.get(tab.id) === tab.url;
      try {
        await dwell();
        if (!stillThere()) return;
        const outcome = await learn(tab).catch((error: unknown): LearnOutcome => ({
          status: 'failed',
          reason: String((error as Error)?.message ?? error),
        }));
        if (!stillThere()) return;
        done.set(tab.id, tab.url);
        if (outcome) await deps.report(tab.id, outcome);
      } finally {
        if (stillThere()) pending.delete(tab.id);
      }
    },
    /** The tab loaded another page (or closed). */
    forget(tabId: number): void {
      done.delete(tabId);
      pending.delete(tabId);
      visits.set(tabId, (visits.get(tabId) ?? 0) + 1);
    },
  };
}

export type Learner = ReturnType<typeof createLearner>;
