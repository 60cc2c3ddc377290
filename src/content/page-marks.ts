/**
 * The quotes marked on the page, reconciled with each analysis: marks whose span is still exactly
 * right stay, stale ones are taken out, new quotes are marked (in slices). The hover card, keyboard
 * focus and the badge/popup report read the result.
 */
import type { TextMap } from '../dom/text-map';
import type { QuoteSpan } from '../shared/messages';
import { joinAdjacent, markOf, markSpans, mergeText, unhighlight, unwrapMark } from './highlight';
import type { PageWatcher } from './observer';
import type { Owner } from './owner';
import { domStillSays, resolveSpan, type ResolvedSpan } from './resolved-span';
import { sliced } from './slices';
import { TONE_ATTRIBUTE, toneReader, type Tone } from './styles';
import { now } from './timings';
import { visibleFirst } from './visible-first';

/**
 * Up to this many text nodes, a page's quotes are marked in one go; longer pages mark one quote at a time,
 * in short slices (a slice may stop between any two quotes).
 */
const ONE_CALL_SEGMENTS = 1500;

/** A quote marked on the page: its span and the marks made for it, in page order. */
export interface Placed {
  quote: QuoteSpan;
  marks: HTMLElement[];
  /** How many pieces (blocks, parts) the quote was marked in (./resolved-span.ts). */
  pieces: number;
}

/** What the card and keyboard focus need to know about the marked quotes. */
export interface PlacedQuotes {
  /** The quotes marked now, in page order. */
  readonly placed: readonly Placed[];
  /** The quote a mark belongs to, while that quote is still marked. */
  quoteOf(mark: Element): Placed | null;
  isPlaced(placed: Placed): boolean;
}

export class PageMarks implements PlacedQuotes {
  private list: Placed[] = [];
  private readonly byMark = new WeakMap<Element, Placed>();

  /** `beforeMarking` runs once a pass has something to mark, after it read the tones (it installs the stylesheet). */
  constructor(
    private readonly owner: Owner,
    private readonly doc: Document,
    private readonly watcher: PageWatcher,
    private readonly beforeMarking: () => void,
  ) {}

  get placed(): readonly Placed[] {
    return this.list;
  }

  quoteOf(mark: Element): Placed | null {
    const placed = this.byMark.get(mark);
    return placed && this.list.includes(placed) ? placed : null;
  }

  isPlaced(placed: Placed): boolean {
    return this.list.includes(placed);
  }

  /** Keeps marks that are still right, takes out stale ones, marks new quotes; returns main-thread ms. */
  async reconcile(map: TextMap, quotes: readonly QuoteSpan[]): Promise<number> {
    // Each quote is found in the DOM once; every step below works from these points.
    const spans = quotes.map((quote) => resolveSpan(map, quote));
    const kept = new Set<Placed>();
    const next = quotes.map((quote, i): { quote: QuoteSpan; marks: HTMLElement[] | null; pieces: number } => {
      const span = spans[i];
      const existing = span && this.alreadyMarked(span);
      if (existing) {
        kept.add(existing);
        return { quote, marks: existing.marks, pieces: existing.pieces };
      }
      return { quote, marks: null, pieces: span?.length ?? 0 };
    });
    const stale = this.list.filter((p) => !kept.has(p));
    const boundaries: [Node | null, Node | null][] = [];
    let busy = 0;
    const t = now();
    // Stale marks come out first (keeping text-node identity, so the map stays valid); the text they
    // held is re-joined only after all new marks are in.
    this.watcher.quiet(() => {
      for (const p of stale) {
        for (const m of p.marks) {
          boundaries.push([m.previousSibling, m.firstChild], [m.lastChild, m.nextSibling]);
          unwrapMark(m, false);
        }
      }
    });
    busy += now() - t;
    // Last quote first: marking keeps the head of a split text node in the original node, so the
    // points resolved for quotes earlier on the page stay valid.
    const todo = next
      .map((_, i) => i)
      .filter((i) => next[i]!.marks === null && spans[i] !== null)
      .reverse();
    // Tones are read before any mark goes in: computed style is clean now, while reading it between
    // DOM writes would force a style recalculation per quote (the long tasks seen on a 1 MB page).
    const tones = new Map<number, Tone>();
    const toneBehind = toneReader(this.doc.defaultView!);
    for (const i of todo) {
      const parent = spans[i]![0]!.from.node.parentElement;
      if (parent) tones.set(i, toneBehind(parent));
    }
    if (todo.length > 0) this.beforeMarking();
    const batch = map.segments.length <= ONE_CALL_SEGMENTS ? todo.length : 1;
    // A long page is marked in slices: what the reader sees first (layout is clean here, nothing written yet).
    if (batch === 1) visibleFirst(todo, spans, this.doc.defaultView!);
    let k = 0;
    busy += await sliced(
      this.owner,
      (deadline) => {
        this.watcher.quiet(() => {
          while (k < todo.length && !deadline()) {
            // `todo` runs last to first; a batch goes to markSpans in page order. Asked again right before
            // marking: marking a later quote may have cut short a node this one is in.
            const indices = todo
              .slice(k, k + batch)
              .filter((i) => spans[i]!.every((piece) => domStillSays(map, piece)))
              .reverse();
            k += batch;
            // Every piece of every quote of the batch, in page order; marks come back per piece.
            const owner = indices.flatMap((i) => spans[i]!.map(() => i));
            const marks =
              markSpans(
                map,
                indices.flatMap((i) => spans[i]!),
              ) ?? [];
            marks.forEach((made, j) => {
              const i = owner[j]!;
              if (made.length === 0) return;
              if (tones.get(i) === 'dark') for (const m of made) m.setAttribute(TONE_ATTRIBUTE, 'dark');
              (next[i]!.marks ??= []).push(...made);
            });
          }
        });
        return k >= todo.length;
      },
      this.doc.defaultView!,
      // A short page is marked in the task that brought the analysis: one call, well under a slice.
      { now: batch === todo.length },
    );
    const t2 = now();
    this.watcher.quiet(() => {
      for (const [before, after] of boundaries) if (after && before?.nextSibling === after) mergeText(before);
      // A quote marked over text a stale mark had split comes out as marks side by side: one element again.
      for (const i of todo) {
        const placed = next[i]!;
        if (placed.marks && placed.marks.length > 1) placed.marks = joinAdjacent(placed.marks);
      }
    });
    this.list = next.filter((p): p is Placed => p.marks !== null && p.marks.length > 0);
    for (const p of this.list) for (const m of p.marks) this.byMark.set(m, p);
    return busy + (now() - t2);
  }

  /** The placed quote whose marks cover exactly these pieces already, if any (the DOM said it when resolved). */
  private alreadyMarked(pieces: readonly ResolvedSpan<QuoteSpan>[]): Placed | null {
    let placed: Placed | null = null;
    for (const { span: quote, from, to } of pieces) {
      if (from.offset !== 0 || to.offset !== to.node.length) return null;
      const first = markOf(from.node);
      const last = markOf(to.node);
      if (!first || !last) return null;
      const owner = this.quoteOf(first);
      if (!owner || owner !== this.quoteOf(last) || owner.quote.group !== quote.group || (placed && owner !== placed)) return null;
      placed = owner;
    }
    if (!placed || placed.pieces !== pieces.length) return null;
    const firstMark = markOf(pieces[0]!.from.node);
    const lastMark = markOf(pieces[pieces.length - 1]!.to.node);
    return placed.marks[0] === firstMark && placed.marks[placed.marks.length - 1] === lastMark ? placed : null;
  }

  /** Content holding marks went away: forgets those quotes. True when there were any. */
  prune(): boolean {
    const before = this.list.length;
    this.list = this.list.filter((p) => p.marks.some((m) => m.isConnected));
    return this.list.length !== before;
  }

  /** Reads the tone behind every mark again (the page's theme changed) and sets it where it changed. */
  retone(): void {
    const toneBehind = toneReader(this.doc.defaultView!);
    const marks = this.list.flatMap((p) => p.marks);
    // Every tone is read before any is written: reading between writes would recalculate style per mark.
    const dark = marks.map((m) => m.parentElement !== null && toneBehind(m.parentElement) === 'dark');
    marks.forEach((m, i) => (dark[i] ? m.setAttribute(TONE_ATTRIBUTE, 'dark') : m.removeAttribute(TONE_ATTRIBUTE)));
  }

  /** Takes every mark out, ours and any a replaced copy of this script left behind. */
  removeAll(): void {
    const work = () => {
      for (const p of this.list) for (const m of p.marks) unwrapMark(m);
      // Anything left over (e.g. marks made by a copy of this script that was replaced).
      unhighlight(this.doc);
    };
    // Once the owner ended, its observer is disconnected: there is nothing to keep quiet.
    if (this.owner.signal.aborted) work();
    else this.watcher.quiet(work);
    this.list = [];
  }
}
