/**
 * The highlighter's messages with the background: it asks for each pass's analysis, reports what is
 * marked (for the badge and the popup), and answers what the popup and the background ask of the page.
 * (The hover card asks for its own details: ./hover-card.ts.)
 */
import type { PageSample } from '../engine/types';
import { listen, send, type AnalyseResponse, type PageTimings, type QuoteSpan, type TabRequest } from '../shared/messages';
import { onDispose, ownedTimeout, type Owner } from './owner';

/** When the `analyse` message fails: at once, then after these waits (ms), then the pass gives up. */
const ANALYSE_RETRY_MS = [0, 250, 1000];

/** What the background is given to analyse: the page's address, titles and visible text. */
export function pageSample(doc: Document, text: string): PageSample {
  return {
    url: doc.location.href,
    title: doc.title,
    headline: doc.querySelector('h1')?.textContent?.trim() ?? '',
    text,
  };
}

/**
 * Asks the background for the analysis. A message that fails is sent again a little later (a worker
 * that is starting or restarting can drop one); null when it keeps failing or this copy ended.
 */
export async function requestAnalysis(owner: Owner, page: PageSample, win: Window = window): Promise<AnalyseResponse | null> {
  for (const wait of ANALYSE_RETRY_MS) {
    if (wait > 0) await new Promise<void>((resolve) => ownedTimeout(owner, resolve, wait, win));
    if (owner.signal.aborted) return null;
    try {
      return await send({ type: 'analyse', page });
    } catch {
      // Tried again below.
    }
  }
  return null;
}

/** Tells the background which quotes are marked now; `timings` when a pass just ran. Nobody waits for it. */
/** The reader pressed the step shortcut here: the background may now send this page every quote. */
export function readerActed(): void {
  void send({ type: 'reader-acted' }).catch(() => undefined);
}

export function reportQuotes(quotes: QuoteSpan[], timings?: PageTimings): void {
  const update = timings ? { type: 'page-update' as const, quotes, timings } : { type: 'page-update' as const, quotes };
  void send(update).catch(() => undefined);
}

/** What the popup and the background ask of a running highlighter. */
export interface TabRequestHandlers {
  /** Settings changed (e.g. the per-site switch): a pass brings them with its analysis. */
  refresh(): Promise<void>;
  /** "Show me this quote": the `index`-th highlight of `group` in page order; false when there is none. */
  reveal(group: string, index: number): boolean;
  /** The tab's URL or title changed (a single-page site moved on): look again. */
  navigated(): void;
  /** The reader pressed a step shortcut (relayed by the background from the browser's command). */
  step(direction: 1 | -1): void;
}

/** Answers `refresh`, `reveal`, `navigated` and `step` until the owner ends; other messages are left to other listeners. */
export function answerTabRequests(owner: Owner, handlers: TabRequestHandlers): void {
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = message as TabRequest;
    if (request?.type === 'refresh') return handlers.refresh().then(() => true);
    if (request?.type === 'reveal') return Promise.resolve(handlers.reveal(request.group, request.index ?? 0));
    if (request?.type === 'navigated') {
      handlers.navigated();
      return Promise.resolve(true);
    }
    if (request?.type === 'step' && (request.direction === 1 || request.direction === -1)) {
      handlers.step(request.direction);
      return Promise.resolve(true);
    }
    return undefined;
  };
  onDispose(owner, listen(onMessage));
}
