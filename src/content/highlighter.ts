/**
 * Runs on pages that passed the gate: reads the visible text, asks the background to analyse it,
 * highlights what came back, and keeps doing so as the page changes.
 *
 * One pass = extract (sliced text map) → analyse (background) → reconcile marks (sliced) → report.
 * Marks that are still right stay in place; new quotes are marked; marks whose quote is gone are
 * taken out. Passes never overlap: a change during a pass queues exactly one more (./passes.ts).
 */
import { textMapBuilder } from '../dom/text-map';
import { send, type CardDetails, type QuoteSpan } from '../messages';
import { DEFAULT_SETTINGS, type PageSettings } from '../settings';
import type { Card } from './card/card';
import { injectedCardFactory, lazyCard, type CardFactory } from './card/lazy';
import { listenForSteps } from './keyboard';
import { MARK_SELECTOR } from './highlight';
import { PageMarks, type Placed } from './page-marks';
import { watchPage, type PageWatcher } from './observer';
import { onDispose, ownedTimeout, type Owner } from './owner';
import { answerTabRequests, pageSample, reportQuotes, requestAnalysis } from './page-messages';
import { schedulePasses, type PassSchedule } from './passes';
import { idle, SLICE_MS, sliced } from './scheduler';
import { FOCUS_ATTRIBUTE, installStyles } from './styles';
import { pageTimings } from './timings';

export class Highlighter {
  private marks: PageMarks | null = null;
  /** What the hover card showed for each quote (asked of the background on first hover). */
  private details = new Map<string, Promise<CardDetails | null>>();
  /** The card request the reader is waiting for; older answers are dropped. */
  private cardRequest = 0;
  /** Until the first analysis answers: the defaults (nothing is marked before it does). */
  private settings: PageSettings = { highlightsOn: true, colors: DEFAULT_SETTINGS.colors };
  private styles: ReturnType<typeof installStyles> | null = null;
  private watcher: PageWatcher | null = null;
  private card: Card;
  private readonly passes: PassSchedule;
  private focused = -1;
  private hoverTimer: (() => void) | null = null;

  /** `loadCard` gives the card's code; in the extension it is injected on first use (./card/lazy.ts). */
  constructor(
    private readonly owner: Owner,
    private readonly doc: Document = document,
    loadCard: () => Promise<CardFactory | null> = injectedCardFactory,
  ) {
    this.card = lazyCard(owner, doc, loadCard);
    this.passes = schedulePasses(owner, () => this.runPass(), doc.defaultView!);
  }

  async start(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    this.watcher = watchPage(this.owner, body, (change) => {
      if (change.added) this.passes.changed();
      else if (change.removedMarks) this.prune();
    });
    // The stylesheet goes in only when there is something to mark (and after extraction read styles).
    this.marks = new PageMarks(this.owner, this.doc, this.watcher, () => (this.styles ??= installStyles(this.doc, this.settings.colors)));
    this.listen();
    // The extension reloaded or a newer copy started: leave the page as it was, for the next one to mark.
    onDispose(this.owner, () => {
      this.removeMarks();
      this.styles?.remove();
    });
    await this.pass();
  }

  /** Runs a pass now, or once more after the running one. */
  pass(): Promise<void> {
    return this.passes.run();
  }

  private async runPass(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    const win = this.doc.defaultView!;
    const builder = textMapBuilder(body);
    const extract = await sliced(this.owner, (deadline) => builder.step(deadline), win);
    // On a long page, joining the text and serialising it for the message take their own task (1 MB:
    // ~20 ms plus the GC they cause), never the tail of the last extraction slice. A short article (one
    // slice) goes on at once: an extra idle wait costs a hidden tab up to a throttled second.
    if (extract > SLICE_MS) await idle(this.owner, win);
    const map = builder.map();
    const analysis = await requestAnalysis(this.owner, pageSample(this.doc, map.text), win);
    if (!analysis) return; // the extension went away (reload, update): the next copy takes over
    if (this.owner.signal.aborted) return;
    this.details.clear(); // card details belong to an analysis
    this.useSettings(analysis.settings);
    if (!this.settings.highlightsOn) {
      this.removeMarks(); // analysed for the popup and badge, nothing marked
      return;
    }
    const mark = await this.marks!.reconcile(map, analysis.quotes);
    this.focused = -1;
    const timings = pageTimings({ extract, detect: 0, match: analysis.engineMs ?? 0, mark, chars: map.text.length });
    reportQuotes(this.marks!.placed.map((p) => p.quote), timings);
  }

  /** Content holding marks went away: forget those quotes and tell the badge and popup. */
  private prune(): void {
    if (!this.marks!.prune()) return;
    this.focused = -1;
    if (this.card.isOpen()) this.hideCard();
    reportQuotes(this.marks!.placed.map((p) => p.quote));
  }

  private removeMarks(): void {
    this.marks?.removeAll();
    this.hideCard();
  }

  // ---- messages, hover, keyboard -------------------------------------------------------------

  private listen(): void {
    answerTabRequests(this.owner, {
      refresh: () => this.refresh(),
      reveal: (group, index) => this.reveal(group, index),
      navigated: () => this.passes.changed(),
    });

    const signal = this.owner.signal;
    this.doc.addEventListener('mouseover', (e) => {
      const mark = (e.target as Element | null)?.closest?.(MARK_SELECTOR);
      const placed = mark ? this.marks!.quoteOf(mark) : null;
      this.hoverTimer?.();
      if (!placed) return;
      // A short delay: the card should answer a pause on a quote, not a mouse passing over it.
      this.hoverTimer = ownedTimeout(this.owner, () => this.open(placed), 150, this.doc.defaultView!);
    }, { passive: true, signal });
    listenForSteps(this.owner, (direction) => this.step(direction), this.doc);
  }

  private open(placed: Placed): void {
    const request = ++this.cardRequest;
    void this.detailsOf(placed.quote).then((details) => {
      if (!details || request !== this.cardRequest || !this.marks!.isPlaced(placed)) return;
      this.card.show(details, placed.marks, async () => {
        try {
          return (await send({ type: 'open-popup', group: placed.quote.group })).opened;
        } catch {
          return false;
        }
      });
    });
  }

  private hideCard(): void {
    this.cardRequest++;
    this.card.hide();
  }

  private detailsOf(span: QuoteSpan): Promise<CardDetails | null> {
    const key = `${span.group}:${span.start}:${span.end}`;
    let details = this.details.get(key);
    if (!details) {
      details = send({ type: 'card-details', span: { start: span.start, end: span.end, group: span.group } }).catch(() => null);
      // A miss (e.g. the background restarted and lost a sub-frame's analysis) is asked again next time.
      void details.then((d) => d ?? this.details.delete(key));
      this.details.set(key, details);
    }
    return details;
  }

  private focus(index: number): boolean {
    const placed = this.marks!.placed[index];
    if (!placed) return false;
    for (const m of this.doc.querySelectorAll(`[${FOCUS_ATTRIBUTE}]`)) m.removeAttribute(FOCUS_ATTRIBUTE);
    this.watcher?.quiet(() => undefined);
    for (const m of placed.marks) m.setAttribute(FOCUS_ATTRIBUTE, '');
    this.focused = index;
    placed.marks[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.open(placed);
    return true;
  }

  private step(direction: 1 | -1): void {
    const n = this.marks!.placed.length;
    if (n === 0) return;
    const next = this.focused < 0 ? (direction === 1 ? 0 : n - 1) : (this.focused + direction + n) % n;
    this.focus(next);
  }

  /** Popup → "show me this quote": the `index`-th highlight of `group` in page order. */
  reveal(group: string, index: number): boolean {
    const matches = this.marks!.placed.map((p, i) => [p, i] as const).filter(([p]) => p.quote.group === group);
    const hit = matches[Math.min(Math.max(index, 0), matches.length - 1)];
    return hit ? this.focus(hit[1]) : false;
  }

  private useSettings(settings: PageSettings | undefined): void {
    if (!settings) return;
    const recolour = settings.colors.light !== this.settings.colors.light || settings.colors.dark !== this.settings.colors.dark;
    this.settings = settings;
    if (recolour) this.styles?.update(settings.colors);
  }

  /** Popup → settings changed (e.g. the per-site switch): a pass brings them with its analysis. */
  async refresh(): Promise<void> {
    await this.pass();
  }
}

export async function runHighlighter(owner: Owner, doc: Document = document): Promise<Highlighter> {
  const highlighter = new Highlighter(owner, doc);
  await highlighter.start();
  return highlighter;
}
