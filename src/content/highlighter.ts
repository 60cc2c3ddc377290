/**
 * Runs on pages that passed the gate: reads the visible text, asks the background to analyse it,
 * highlights what came back, and keeps doing so as the page changes.
 *
 * One pass = extract (sliced text map) → analyse (background) → reconcile marks (sliced) → report.
 * Marks that are still right stay in place; new quotes are marked; marks whose quote is gone are
 * taken out. Passes never overlap: a change during a pass queues exactly one more (./passes.ts).
 */
import { textMapBuilder, type TextMap } from '../dom/text-map';
import { send, type CardDetails, type QuoteSpan } from '../messages';
import { DEFAULT_SETTINGS, type PageSettings } from '../settings';
import type { Card } from './card/card';
import { injectedCardFactory, lazyCard, type CardFactory } from './card/lazy';
import { listenForSteps } from './keyboard';
import { MARK_SELECTOR, markOf, markSpans, unwrapMark } from './highlight';
import { domStillSays, resolveSpan, type ResolvedSpan } from './resolved-span';
import { watchPage, type PageWatcher } from './observer';
import { onDispose, ownedTimeout, type Owner } from './owner';
import { answerTabRequests, pageSample, reportQuotes, requestAnalysis } from './page-messages';
import { schedulePasses, type PassSchedule } from './passes';
import { idle, SLICE_MS, sliced } from './scheduler';
import { FOCUS_ATTRIBUTE, installStyles, TONE_ATTRIBUTE, toneReader, type Tone } from './styles';
import { now, pageTimings } from './timings';

/**
 * Up to this many text nodes, a page's quotes are marked with one mark.js call (each call walks its
 * whole context, and on a short article the calls' set-up cost more than the walk: measured in
 * bench/page-cost.bench.ts). Longer pages mark one quote at a time, in its paragraph, in short slices.
 */
const ONE_CALL_SEGMENTS = 1500;

interface Placed {
  quote: QuoteSpan;
  marks: HTMLElement[];
}

export class Highlighter {
  private placed: Placed[] = [];
  private readonly byMark = new WeakMap<Element, Placed>();
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
    const mark = await this.reconcile(map, analysis.quotes);
    const timings = pageTimings({ extract, detect: 0, match: analysis.engineMs ?? 0, mark, chars: map.text.length });
    reportQuotes(this.placed.map((p) => p.quote), timings);
  }

  /** Keeps marks that are still right, takes out stale ones, marks new quotes; returns main-thread ms. */
  private async reconcile(map: TextMap, quotes: QuoteSpan[]): Promise<number> {
    // Each quote is found in the DOM once; every step below works from these points.
    const spans = quotes.map((quote) => resolveSpan(map, quote));
    const kept = new Set<Placed>();
    const next: (Placed | { quote: QuoteSpan; marks: null })[] = quotes.map((quote, i) => {
      const span = spans[i];
      const existing = span && this.alreadyMarked(span);
      if (existing) {
        kept.add(existing);
        return { quote, marks: existing.marks };
      }
      return { quote, marks: null };
    });
    const stale = this.placed.filter((p) => !kept.has(p));
    const boundaries: [Node | null, Node | null][] = [];
    let busy = 0;
    const t = now();
    // Stale marks come out first (keeping text-node identity, so the map stays valid); the text they
    // held is re-joined only after all new marks are in.
    this.watcher!.quiet(() => {
      for (const p of stale) {
        for (const m of p.marks) {
          boundaries.push([m.previousSibling, m.firstChild], [m.lastChild, m.nextSibling]);
          unwrapMark(m, false);
        }
      }
    });
    busy += now() - t;
    // Last quote first: mark.js keeps the head of a split text node in the original node, so the
    // points resolved for quotes earlier on the page stay valid.
    const todo = next.map((_, i) => i).filter((i) => next[i]!.marks === null && spans[i] !== null).reverse();
    // Tones are read before any mark goes in: computed style is clean now, while reading it between
    // DOM writes would force a style recalculation per quote (the long tasks seen on a 1 MB page).
    const tones = new Map<number, Tone>();
    const toneBehind = toneReader(this.doc.defaultView!);
    for (const i of todo) {
      const parent = spans[i]!.from.node.parentElement;
      if (parent) tones.set(i, toneBehind(parent));
    }
    // The stylesheet goes in only when there is something to mark (and after extraction read styles).
    if (todo.length > 0) this.styles ??= installStyles(this.doc, this.settings.colors);
    const batch = map.segments.length <= ONE_CALL_SEGMENTS ? todo.length : 1;
    let k = 0;
    busy += await sliced(this.owner, (deadline) => {
      this.watcher!.quiet(() => {
        while (k < todo.length && !deadline()) {
          // `todo` runs last to first; a batch goes to mark.js in page order.
          // Asked again: marking a later quote may have cut a node this one is in short.
          const indices = todo.slice(k, k + batch).filter((i) => domStillSays(map, spans[i]!)).reverse();
          k += batch;
          const marks = markSpans(map, indices.map((i) => spans[i]!)) ?? [];
          marks.forEach((made, j) => {
            const i = indices[j]!;
            if (made.length === 0) return;
            if (tones.get(i) === 'dark') for (const m of made) m.setAttribute(TONE_ATTRIBUTE, 'dark');
            next[i]!.marks = made;
          });
        }
      });
      return k >= todo.length;
    }, this.doc.defaultView!);
    const t2 = now();
    this.watcher!.quiet(() => {
      for (const [a, b] of boundaries) {
        if (a && b && a.nodeType === 3 && b.nodeType === 3 && a.nextSibling === b) {
          (a as Text).appendData((b as Text).data);
          b.parentNode!.removeChild(b);
        }
      }
    });
    this.placed = next.filter((p): p is Placed => p.marks !== null && p.marks.length > 0);
    for (const p of this.placed) for (const m of p.marks) this.byMark.set(m, p);
    this.focused = -1;
    return busy + (now() - t2);
  }

  /** The placed quote whose marks cover exactly this span already, if any (the DOM said it when resolved). */
  private alreadyMarked({ span: quote, from, to }: ResolvedSpan<QuoteSpan>): Placed | null {
    if (from.offset !== 0 || to.offset !== to.node.length) return null;
    const first = markOf(from.node);
    const last = markOf(to.node);
    if (!first || !last) return null;
    const placed = this.byMark.get(first);
    if (!placed || placed.quote.group !== quote.group || placed.marks[0] !== first || placed.marks[placed.marks.length - 1] !== last) return null;
    return this.placed.includes(placed) ? placed : null;
  }

  /** Content holding marks went away: forget those quotes and tell the badge and popup. */
  private prune(): void {
    const before = this.placed.length;
    this.placed = this.placed.filter((p) => p.marks.some((m) => m.isConnected));
    if (this.placed.length === before) return;
    this.focused = -1;
    if (this.card.isOpen()) this.hideCard();
    reportQuotes(this.placed.map((p) => p.quote));
  }

  private removeMarks(): void {
    const work = () => {
      for (const p of this.placed) for (const m of p.marks) unwrapMark(m);
      // Anything left over (e.g. marks made by a copy of this script that was replaced).
      for (const m of Array.from(this.doc.querySelectorAll(MARK_SELECTOR))) unwrapMark(m);
    };
    if (this.watcher && !this.owner.signal.aborted) this.watcher.quiet(work);
    else work();
    this.placed = [];
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
      const placed = mark ? this.byMark.get(mark) : undefined;
      this.hoverTimer?.();
      if (!placed || !this.placed.includes(placed)) return;
      // A short delay: the card should answer a pause on a quote, not a mouse passing over it.
      this.hoverTimer = ownedTimeout(this.owner, () => this.open(placed), 150, this.doc.defaultView!);
    }, { passive: true, signal });
    listenForSteps(this.owner, (direction) => this.step(direction), this.doc);
  }

  private open(placed: Placed): void {
    const request = ++this.cardRequest;
    void this.detailsOf(placed.quote).then((details) => {
      if (!details || request !== this.cardRequest || !this.placed.includes(placed)) return;
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
    const placed = this.placed[index];
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
    const n = this.placed.length;
    if (n === 0) return;
    const next = this.focused < 0 ? (direction === 1 ? 0 : n - 1) : (this.focused + direction + n) % n;
    this.focus(next);
  }

  /** Popup → "show me this quote": the `index`-th highlight of `group` in page order. */
  reveal(group: string, index: number): boolean {
    const matches = this.placed.map((p, i) => [p, i] as const).filter(([p]) => p.quote.group === group);
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
