/**
 * The messages the extension's parts exchange, typed in one place.
 * The background answers every request with a Promise (works natively in Chrome and Firefox).
 */
import { browser, type Browser } from 'wxt/browser';
import type { PageAnalysis } from '../engine/analyse';
import type { PageSample } from '../engine/types';
import type { MeaningFlag } from '../engine/lineage/meaning';
import type { QuoteMatch } from '../engine/match/match';
import type { PageSettings } from './settings';
import type { Pack, PackDocument } from '../engine/types';
import type { DocumentExtract } from '../engine/corpus/document-extract';

/** Where a page's last pass spent its time (ms), shown in the popup's footer. */
export interface PageTimings {
  /** Reading the page's visible text (in the page). */
  extract: number;
  /** Topic detection and matching, in one engine call in the background (`AnalyseResponse.engineMs`). */
  analyse: number;
  /** Placing the marks (in the page). */
  mark: number;
  /** Characters of visible text analysed. */
  chars: number;
}

/**
 * Where a matched quote sits on a page: all a page needs to mark it. The rest of the match (every
 * outlet's wording, change kinds) stays in the background: handing a page the whole analysis cost it
 * ~2 ms of script time per pass on a short article (bench/page-cost.bench.ts).
 */
/** Where a quote is on the page; `parts` only when the engine skipped page text inside it (QuoteMatch.parts). */
export type QuoteSpan = Pick<QuoteMatch, 'start' | 'end' | 'group' | 'parts'>;

/** What the hover card shows for one quote. */
export interface CardDetails {
  quote: QuoteMatch;
  /** `QuoteGroup.source`: where the quote was first said, when known. */
  source: string | null;
  /**
   * How this page's wording changes what was said, against the original when the corpus holds it (else
   * against the wording most outlets print). Absent or empty: no change of meaning.
   */
  meaning?: MeaningFlag[];
  meaningAgainst?: 'original' | 'consensus';
}

/** What the background knows about one tab. */
export interface TabState {
  url: string;
  title: string;
  /** Every quote of the page, those the page may not see yet included (privacy.ts). */
  analysis: PageAnalysis;
  /** Quotes known only from the reader's corpus, not sent to the page until the reader acts there. */
  withheld?: QuoteSpan[];
  timings?: PageTimings;
  /** What learning did with this page. */
  learning?: LearnOutcome;
  /** When the analysis was made (ms since epoch). */
  at: number;
}

/** What learning did with a page: kept it (learned, or updated an earlier version), found it kept as it is, or why not. */
export type LearnOutcome =
  | { status: 'learned' | 'updated' | 'unchanged'; id: string; quotes: number; joined: number }
  | { status: 'refused' | 'failed' | 'skipped'; reason: string };

/** An article of the reader's corpus, as the options page lists it (no text, no extract). */
export interface ArticleSummary {
  id: string;
  origin: 'learned' | 'added';
  outlet: string;
  title: string | null;
  url: string | null;
  published: string | null;
  read: string;
  words: number;
}

/** An imported pack, as the options page lists it. */
export interface PackSummary {
  id: string;
  documents: number;
  groups: number;
  imported: string;
}

/** The corpus in use, for the popup and the options page. */
export interface CorpusView {
  pack: Pack;
  counts: Record<'learned' | 'added' | 'imported', number>;
  /** Why the reader's corpus could not be read or written, in words; null when all is well. */
  error: string | null;
}

/** An article read from a page, to keep in the reader's corpus. */
export interface PageArticle {
  url: string;
  outlet: string;
  site: string | null;
  title: string | null;
  published: string | null;
  text: string;
}

/**
 * What a removal took out of the reader's corpus, exactly as it was stored (the records of
 * src/storage/corpus-db.ts): the options page keeps it for a while so that "Undo" puts it back as it was.
 */
export interface RemovedItems {
  packs: { id: string; pack: Pack; imported: string }[];
  articles: {
    article: { id: string; origin: 'learned' | 'added'; document: PackDocument; read: string; words: number; extract: DocumentExtract };
    text: string;
  }[];
}

/** Requests to the background (from content scripts, the popup and the options page). */
export type Request =
  /** Highlighter → background: analyse this page's visible text. */
  | { type: 'analyse'; page: PageSample }
  /** Highlighter → background: the highlights now on the page (after marking, or after content was removed). */
  | { type: 'page-update'; quotes: QuoteSpan[]; timings?: PageTimings }
  /** Highlighter → background: what the hover card shows for a quote this frame's last analysis found. */
  | { type: 'card-details'; span: QuoteSpan }
  /** Popup → background: what is known about a tab. */
  | { type: 'tab-state'; tabId: number }
  /** Popup → background: analyse this tab now (run mode "on-click", or a page the gate skipped); uses activeTab + scripting. */
  | { type: 'analyse-tab'; tabId: number }
  /** Highlighter → background: inject the hover card's code into this frame (first hover only). */
  | { type: 'load-card' }
  /** Hover card → background: open the popup on this quote (falls back to a hint where the browser cannot). */
  | { type: 'open-popup'; group: string }
  /** Popup opened on a tab, or the reader pressed the step shortcut on it: its page may now see every quote. */
  | { type: 'reader-acted'; tabId?: number }
  /** Popup, options → background: the corpus in use. */
  | { type: 'corpus' }
  /** Options → background: the reader's articles. */
  | { type: 'articles' }
  /** Options → background: the imported packs. */
  | { type: 'packs' }
  /** Popup → background: keep this page as an article added by hand. */
  | { type: 'add-article'; article: PageArticle }
  /** Options → background: forget these articles (ids; the answer is what was forgotten), or all of them. */
  | { type: 'forget'; ids: string[] }
  | { type: 'forget-all' }
  /** Options → background: import a pack (already validated by the options page). */
  | { type: 'import-pack'; pack: Pack }
  /** Options → background: remove an imported pack (the answer is what was removed). */
  | { type: 'remove-pack'; id: string }
  /** Options → background: undo a removal, putting back exactly what `forget` or `remove-pack` answered. */
  | { type: 'restore'; removed: RemovedItems }
  /** Options → background: everything as one pack. */
  | { type: 'export-pack' };

/** The background's answer to `analyse`: what the page needs of the analysis to mark it. */
export interface AnalyseResponse {
  /** The quotes found, in page order. */
  quotes: QuoteSpan[];
  /** Time the background spent in the engine, ms. Detection and matching run in one engine call (`analysePage`), so this is their sum. */
  engineMs?: number;
  /**
   * This page's highlight switch and colours. Sent with the analysis so the page never reads storage
   * itself: a first `storage` call costs the page its API bindings (docs/performance.md).
   */
  settings: PageSettings;
}

export interface ResponseMap {
  analyse: AnalyseResponse;
  'page-update': void;
  'tab-state': TabState | null;
  'reader-acted': boolean;
  corpus: CorpusView;
  articles: ArticleSummary[];
  packs: PackSummary[];
  'add-article': LearnOutcome;
  forget: RemovedItems;
  'forget-all': boolean;
  'import-pack': { ok: true; documents: number; skipped: number } | { ok: false; error: string };
  'remove-pack': RemovedItems;
  restore: boolean;
  'export-pack': Pack;
  'analyse-tab': boolean;
  'open-popup': { opened: boolean };
  'load-card': boolean;
  'card-details': CardDetails | null;
}

/** Requests to a tab's content script (from the popup and the background). */
export type TabRequest =
  /** Scroll to the `index`-th highlight of `group` (in page order) and flash it. */
  | { type: 'reveal'; group: string; index?: number }
  /** Settings changed: run a pass (its analysis brings the settings; highlights go when switched off). */
  | { type: 'refresh' }
  /** Background → highlighter: the tab's URL changed without a page load (history API); look again. */
  | { type: 'navigated'; url: string }
  /** Background → highlighter: are you running on this page? (Answers true; nobody answers where none runs.) */
  | { type: 'ping' }
  /** Background → highlighter: the reader pressed a step shortcut (a manifest command) on this tab. */
  | { type: 'step'; direction: 1 | -1 }
  /** Background → highlighter: another copy is about to be injected here; take your marks out and stop. */
  | { type: 'retire' };

/**
 * Listens for messages. A handler answers with a Promise (Chrome and Firefox both take a returned Promise
 * as the answer) or leaves a message it does not handle to other listeners by returning undefined.
 * Returns the function that stops listening.
 */
export function listen(handler: (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined): () => void {
  // The typings declare a void listener; returning a Promise is how both browsers take the answer.
  const listener = handler as (message: unknown, sender: Browser.runtime.MessageSender) => void;
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Background → the extension's own pages (popup, options): something they show changed. */
export type Broadcast = { type: 'corpus-changed' };

/** Tells every open extension page; nobody listening (no popup open) is not an error. */
export function broadcast(message: Broadcast): void {
  void browser.runtime.sendMessage(message).catch(() => undefined);
}

export function send<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<ResponseMap[R['type']]>;
}

/** `frameId`: only that frame's scripts hear it (the top page is 0); all frames when left out. */
export function sendToTab<R extends TabRequest>(tabId: number, request: R, frameId?: number): Promise<unknown> {
  return frameId === undefined ? browser.tabs.sendMessage(tabId, request) : browser.tabs.sendMessage(tabId, request, { frameId });
}

export function isRequest(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
