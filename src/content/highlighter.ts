/**
 * Runs on pages that passed the gate: reads the visible text, asks the background to analyse it,
 * highlights what came back, and keeps doing so as the page changes.
 *
 * One pass = extract (sliced text map) → analyse (background) → reconcile marks (sliced) → report.
 * Marks that are still right stay in place; new quotes are marked; marks whose quote is gone are
 * taken out. This file wires the parts, each with one job: when passes run (./passes.ts), the marks
 * (./page-marks.ts), messages with the background (./page-messages.ts), the hover card
 * (./hover-card.ts) and keyboard focus (./quote-focus.ts). Everything hangs off `owner`.
 */
import { textMapBuilder } from '../dom/text-map';
import { DEFAULT_COLORS, type PageSettings } from '../shared/settings';
import { DEFAULT_SHORTCUTS } from '../shared/shortcuts';
import { injectedCardFactory, lazyCard, type CardFactory } from './card/lazy';
import { unhighlight } from './highlight';
import { hoverCard } from './hover-card';
import { listenForSteps } from './keyboard';
import { watchPage } from './observer';
import { onDispose, type Owner } from './owner';
import { PageMarks } from './page-marks';
import { answerTabRequests, pageSample, readerActed, reportQuotes, requestAnalysis } from './page-messages';
import { schedulePasses } from './passes';
import { onSettingsChanged } from './settings-changes';
import { quoteFocus } from './quote-focus';
import { idle, SLICE_MS, sliced } from './slices';
import { installStyles, type HighlightStyles } from './styles';
import { followTheme } from './theme';
import { pageTimings } from './timings';

export interface Highlighter {
  /** Runs a pass now, or once more after the running one. */
  pass(): Promise<void>;
}

/**
 * Starts highlighting `doc` and resolves after the first pass (null when there is no body to read).
 * `loadCard` gives the card's code; in the extension it is injected on first use (./card/lazy.ts).
 */
/**
 * A key press the page hears and its command relayed by the background (which may have to wake first)
 * are one press; two presses by hand in the same direction this close together are rare.
 */
const SAME_PRESS_MS = 250;

export async function runHighlighter(
  owner: Owner,
  doc: Document = document,
  loadCard: () => Promise<CardFactory | null> = injectedCardFactory,
): Promise<Highlighter | null> {
  const body = doc.body;
  if (!body) return null;
  const win = doc.defaultView!;
  /** Until the first analysis answers: the defaults (nothing is marked before it does). */
  let settings: PageSettings = { highlightsOn: true, paused: false, colors: { ...DEFAULT_COLORS }, shortcuts: { ...DEFAULT_SHORTCUTS } };
  let styles: HighlightStyles | null = null;

  // Marks no running copy owns: an earlier one whose extension was unloaded before it could take them out.
  unhighlight(body);
  const passes = schedulePasses(owner, () => runPass(), win);
  // Paused, the page's changes are not read (the background's refresh on resuming runs the next pass).
  const changed = () => {
    if (!settings.paused) passes.changed();
  };
  const watcher = watchPage(owner, body, (change) => {
    if (change.added) changed();
    else if (change.removedMarks) prune();
  });
  // The stylesheet goes in only when there is something to mark (and after extraction read styles).
  const marks = new PageMarks(owner, doc, watcher, () => (styles ??= startStyles()));
  const card = hoverCard(owner, doc, marks, lazyCard(owner, doc, loadCard), () => settings.shortcuts);
  const focus = quoteFocus(owner, doc, marks, watcher, card.open);
  onSettingsChanged(owner, () => void passes.run());
  let acted = false;
  let lastStep = { at: -Infinity, direction: 0, via: '' };
  const step = (direction: 1 | -1, byReader: boolean, via: 'key' | 'command') => {
    // One press heard twice (a browser that runs the command and also lets the key through) steps once;
    // repeated presses heard one way are each a step.
    const now = win.performance.now();
    const echo = via !== lastStep.via && direction === lastStep.direction && now - lastStep.at < SAME_PRESS_MS;
    lastStep = { at: now, direction, via };
    if (echo) return;
    // The reader's own key press on this page: it may now see every quote (the background sends them on a refresh).
    if (byReader && !acted) {
      acted = true;
      readerActed();
    }
    focus.step(direction);
  };
  // A command comes from the browser, so always from the reader.
  answerTabRequests(owner, {
    refresh: passes.run,
    reveal: focus.reveal,
    navigated: changed,
    step: (d) => step(d, true, 'command'),
  });
  listenForSteps(
    owner,
    (d, byReader) => step(d, byReader, 'key'),
    doc,
    () => settings.shortcuts,
  );
  // The extension reloaded or a newer copy started: leave the page as it was, for the next one to mark.
  onDispose(owner, () => {
    removeMarks();
    styles?.remove();
  });

  /** The stylesheet, and marks that follow the page's theme from then on. */
  function startStyles(): HighlightStyles {
    followTheme(owner, doc, () => marks.retone());
    return installStyles(doc, settings.colors);
  }

  async function runPass(): Promise<void> {
    const body = doc.body;
    if (!body) return;
    const builder = textMapBuilder(body);
    // The first slice at once: a pass starts from a timer, a page change or a message, never mid-frame work of the page's.
    const extract = await sliced(owner, (deadline) => builder.step(deadline), win, { now: true });
    // On a long page, joining the text and serialising it for the message take their own task (1 MB:
    // ~20 ms plus the GC they cause), never the tail of the last extraction slice. A short article (one
    // slice) goes on at once: an extra idle wait costs a hidden tab up to a throttled second.
    if (extract > SLICE_MS) await idle(owner, win);
    const map = builder.map();
    const analysis = await requestAnalysis(owner, pageSample(doc, map.text), win);
    if (!analysis) return; // the extension went away (reload, update): the next copy takes over
    if (owner.signal.aborted) return;
    card.newAnalysis();
    useSettings(analysis.settings);
    if (!settings.highlightsOn) {
      removeMarks(); // analysed for the popup and badge, nothing marked
      return;
    }
    const mark = await marks.reconcile(map, analysis.quotes);
    focus.reset();
    const timings = pageTimings({ extract, analyse: analysis.engineMs ?? 0, mark, chars: map.text.length });
    reportQuotes(
      marks.placed.map((p) => p.quote),
      timings,
    );
  }

  /** Content holding marks went away: forget those quotes and tell the badge and popup. */
  function prune(): void {
    if (!marks.prune()) return;
    focus.reset();
    if (card.isOpen()) card.hide();
    reportQuotes(marks.placed.map((p) => p.quote));
  }

  function removeMarks(): void {
    marks.removeAll();
    card.hide();
  }

  function useSettings(next: PageSettings | undefined): void {
    if (!next) return;
    const recolour = next.colors.light !== settings.colors.light || next.colors.dark !== settings.colors.dark;
    settings = next;
    if (recolour) styles?.update(next.colors);
  }

  await passes.run();
  return { pass: passes.run };
}
