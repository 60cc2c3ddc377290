/** The popup: status, the page's quotes (or the whole corpus to browse), outlet fidelity, timings. */
import type { Pack } from '../engine/types';
import { t } from '../shared/i18n';
import type { CorpusView, PageTimings, TabState } from '../shared/messages';
import { highlightsEnabled, SENSITIVITY_FACTOR, shouldRun, type Settings, type SettingsNotice } from '../shared/settings';
import { noticeView } from '../ui/notice';
import { shortcutsView } from '../ui/shortcuts-view';
import type { StepShortcuts } from '../shared/shortcuts';
import { h } from '../ui/dom';
import { addPageView, type AddPageContext } from './add-page';
import { browseView } from './browse';
import { corpusStatusView } from './corpus-status';
import { corpusSummary } from './corpus-summary';
import { fidelityView } from './fidelity-view';
import { pauseSwitchView, type PauseActions } from './pause-switch';
import { listKeyboard } from './keyboard';
import { lookup, occurrenceIndex, pageRow } from './models';
import { corpusArticle, ownDocument, restriction, type Restriction } from './page-kind';
import { outletCount, quoteRow } from './quote-row';
import { popupLineage, type PopupLineage } from './lineage-model';
import { statusView, type StatusActions, type StatusKind, type StatusModel } from './status';

export interface PopupModel {
  tabId: number | null;
  /** The tab's URL when the browser lets the extension see it. */
  url: string | null;
  state: TabState | null;
  pack: Pack;
  /** The reader's part of the corpus, and any failure to read or write it. */
  counts: CorpusView['counts'];
  corpusError: string | null;
  settings: Settings;
  notice: SettingsNotice | null;
  analysing: boolean;
  /** What the tab is when the browser hides its address (src/popup/hidden-page.ts). */
  hidden?: Restriction;
  /** The page's analysis is on its way (the page is loading, or its highlighter reading it). */
  reading?: boolean;
  /** Article texts by document id, for the credits lineage reads ("via IndieWire"). */
  texts?: Readonly<Record<string, string>>;
  /** The step shortcuts as the browser has them bound (shown under the page's quotes). */
  shortcuts?: StepShortcuts;
}

export interface PopupActions extends StatusActions, PauseActions {
  reveal(group: string, index: number): void;
  openOptions(): void;
  dismissNotice(): void;
  /** The user's corpus changed from the popup (a page was added). */
  corpusChanged(): void;
  /** The reader read what learning keeps: do not say it again. */
  learningExplained(): void;
  addDocument: AddPageContext['add'];
}

/** Why Verbatim cannot run on the tab, or null. */
function restrictionOf(model: PopupModel): Restriction | null {
  return model.url ? restriction(model.url) : (model.hidden ?? 'browser');
}

export function statusKind(model: PopupModel): StatusKind {
  if (restrictionOf(model) && !model.state) return 'restricted';
  if (model.analysing) return 'analysing';
  if (!model.state) return model.reading ? 'reading' : 'not-analysed';
  return model.state.analysis.status;
}

export function popupView(model: PopupModel, actions: PopupActions): HTMLElement {
  const { pack, state } = model;
  const kind = statusKind(model);
  const url = model.url ?? state?.url ?? null;
  const own = ownDocument(url, pack.documents);
  const quotes = state?.analysis.quotes ?? [];
  const look = lookup(pack);
  const outlets = outletCount(quotes.flatMap((q) => q.outlets));
  const statusModel: StatusModel = {
    kind,
    topic: pack.topic.name,
    restriction: url ? restriction(url) : (model.hidden ?? 'browser'),
    state,
    notAnalysedReason:
      model.settings.runMode === 'on-click' ? 'on-click' : url && !shouldRun(model.settings, url) ? 'listed-sites' : 'gate',
    own,
    outlets,
    needed: (pack.topic.thresholds['match'] ?? 12) * SENSITIVITY_FACTOR[model.settings.sensitivity],
    url,
    highlightsOn: url ? highlightsEnabled(model.settings, url) : true,
    paused: model.settings.paused,
    corpusSummary: corpusSummary(pack, model.counts),
  };
  const extra = [addOrInCorpus(model, kind, actions)];

  let body: HTMLElement | null = null;
  if (quotes.length > 0) {
    const index = occurrenceIndex(quotes);
    const lineage = popupLineage(pack, quotes, own?.id ?? null, t('lineageThisPage'), model.texts);
    const list = h(
      'ol',
      { class: 'quotes', 'data-testid': 'quotes', 'aria-labelledby': 'quotes-heading' },
      quotes.map((q, i) =>
        quoteRow(withLineage(pageRow(q, look, own?.id ?? null), lineage), {
          eager: true,
          onToggle: (row) => actions.reveal(row.group, index[i]!),
        }),
      ),
    );
    listKeyboard(list);
    body = h(
      'section',
      { class: 'page-quotes' },
      h('h2', { id: 'quotes-heading' }, t('quotesHeading')),
      h('p', { class: 'hint' }, t('quotesHint')),
      closestView(lineage),
      list,
    );
  } else if (kind !== 'analysing' && kind !== 'reading') {
    body = browseView(pack);
  }

  return h(
    'main',
    { class: 'popup' },
    h(
      'header',
      { class: 'popup__header' },
      h('h1', { class: 'popup__title' }, t('popupTitle')),
      h(
        'button',
        { type: 'button', class: 'button button--quiet', 'data-testid': 'open-options', onclick: () => actions.openOptions() },
        t('openOptions'),
      ),
    ),
    model.notice && noticeView(model.notice, actions),
    pauseSwitchView(model.settings.paused, actions),
    statusView(statusModel, actions, extra),
    corpusStatusView(
      {
        topic: pack.topic.name,
        counts: model.counts,
        error: model.corpusError,
        learning: state?.learning ?? null,
        explain: model.settings.learning && !model.settings.learningExplained,
      },
      actions,
    ),
    body,
    quotes.length > 0 && model.shortcuts && shortcutsView(model.shortcuts),
    fidelityView(pack, own?.id ?? null),
    state?.timings && timingsView(state.timings),
  );
}

/**
 * "Add this page" only on an article about the topic that is not in the corpus yet; a page that is
 * (bundled, added or learned, at the same address) says so instead of offering to add it again.
 */
function addOrInCorpus(model: PopupModel, kind: StatusKind, actions: PopupActions): HTMLElement | null {
  if (model.tabId === null || kind !== 'topic') return null;
  const url = model.url ?? model.state?.url ?? null;
  const known = url ? corpusArticle(url, model.pack.documents) : null;
  return addPageView({
    tabId: model.tabId,
    onAdded: actions.corpusChanged,
    add: actions.addDocument,
    inCorpus: known ? t('pageInCorpus', known.outlet) : undefined,
  });
}

function withLineage(row: ReturnType<typeof pageRow>, l: PopupLineage): ReturnType<typeof pageRow> {
  const group = l.groups.get(row.group);
  return group ? { ...row, lineage: { group, page: l.page, names: l.names, dates: l.dates } } : row;
}

/** "This page's wording follows /Film: 4 shared readings, 0 against", a tie, or an independent transcription. */
export function closestView(l: PopupLineage): HTMLElement {
  const c = l.closest;
  return h(
    'p',
    { class: 'lineage-closest', 'data-testid': 'lineage-closest', 'data-lineage-document': c?.document ?? null },
    c
      ? c.shared === 1
        ? t('lineageClosestOne', l.names.get(c.document) ?? c.document, c.against)
        : t('lineageClosest', l.names.get(c.document) ?? c.document, c.shared, c.against)
      : l.tied.length > 1
        ? t('lineageTied', listOf(l.tied.map((id) => l.names.get(id) ?? id)))
        : t('lineageIndependent'),
  );
}

/** "NME and IndieWire", "NME, IndieWire and /Film". */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function timingsView(timings: PageTimings): HTMLElement {
  const total = Math.round(timings.extract + timings.analyse + timings.mark);
  const ms = (x: number) => Math.round(x * 10) / 10;
  // Behind a disclosure: useful to someone checking Verbatim's cost, noise to a reader.
  return h(
    'details',
    { class: 'timings', 'data-testid': 'timings' },
    h('summary', {}, t('timingsSummary')),
    h('p', {}, t('timings', timings.chars, total, ms(timings.extract), ms(timings.analyse), ms(timings.mark))),
  );
}
