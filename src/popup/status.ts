/** The top of the popup: what this page is, why, how many quotes from how many outlets, and the switches. */
import type { TopicSignalHit } from '../engine/topic/detect';
import type { PackDocument } from '../engine/types';
import { t } from '../shared/i18n';
import type { TabState } from '../shared/messages';
import { hostOf } from '../shared/settings';
import { h, onAsync } from '../ui/dom';
import type { Restriction } from './page-kind';

export type StatusKind = 'restricted' | 'reading' | 'analysing' | 'not-analysed' | 'topic' | 'quotes-only' | 'none';

export interface StatusModel {
  kind: StatusKind;
  topic: string;
  restriction: Restriction | null;
  state: TabState | null;
  /** Why the page was not analysed by itself (run mode). */
  notAnalysedReason: 'gate' | 'listed-sites' | 'on-click';
  own: PackDocument | null;
  /** Outlets that carry the page's quotes, counted as the rows count them (`outletCount`). */
  outlets: number;
  /** The topic score a page needs (after sensitivity). */
  needed: number;
  url: string | null;
  highlightsOn: boolean;
  /** Verbatim is paused everywhere: nothing to offer that would analyse or mark. */
  paused: boolean;
  /** What the corpus is, said when a page about the topic has none of its quotes. */
  corpusSummary?: string;
}

export interface StatusActions {
  analyseNow(): void;
  setHighlights(on: boolean): Promise<void>;
}

const WHERE: Record<string, string> = {
  title: 'whereTitle',
  headline: 'whereHeadline',
  url: 'whereUrl',
  lead: 'whereLead',
  body: 'whereBody',
};

/** Firefox has no switch that opens files to extensions; Chrome has one on the extension's details page. */
const RESTRICTED: Record<Restriction, string> = {
  browser: 'restrictedBrowser',
  store: 'restrictedStore',
  file: import.meta.env.FIREFOX ? 'restrictedFileFirefox' : 'restrictedFile',
  'maybe-file': import.meta.env.FIREFOX ? 'restrictedBrowser' : 'restrictedMaybeFile',
};

export function points(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${r >= 0 ? '+' : '−'}${Math.abs(r)}`;
}

export function signalText(s: TopicSignalHit): string {
  if (s.kind === 'quote') return t('signalQuotes', s.count, points(s.contribution));
  const where = t(WHERE[s.where] ?? 'whereBody');
  if (s.kind === 'negative') return t('signalNegative', s.term, where, points(s.contribution));
  return t(s.count > 1 ? 'signalTermMany' : 'signalTerm', s.term, where, points(s.contribution), s.count);
}

function verdict(model: StatusModel): string {
  switch (model.kind) {
    case 'restricted':
      return t('statusRestricted');
    case 'reading':
      return t('statusReading');
    case 'analysing':
      return t('statusAnalysing');
    case 'topic':
      return t('statusTopic', model.topic);
    case 'quotes-only':
      return t('statusQuotesOnly', model.topic);
    default:
      return t('statusNotTopic', model.topic);
  }
}

function detail(model: StatusModel): (Node | string)[] {
  if (model.kind === 'restricted') {
    return [h('p', {}, t(RESTRICTED[model.restriction ?? 'browser']))];
  }
  if (model.kind === 'analysing' || model.kind === 'reading') return [];
  if (model.kind === 'not-analysed') {
    const key =
      model.notAnalysedReason === 'on-click'
        ? 'statusOnClick'
        : model.notAnalysedReason === 'listed-sites'
          ? 'statusNotListed'
          : 'statusNoData';
    return [h('p', {}, t(key, model.topic))];
  }
  const quotes = model.state?.analysis.quotes.length ?? 0;
  const lines: (Node | string)[] = [];
  if (quotes > 0) {
    lines.push(
      h(
        'p',
        { 'data-testid': 'status-counts' },
        quotes === 1 ? t('statusQuoteOne') : t('statusQuotes', quotes),
        ', ',
        model.outlets === 1 ? t('statusFromOutletOne') : t('statusFromOutlets', model.outlets),
      ),
    );
  } else if (model.kind === 'topic') {
    // An empty result makes sense only next to what Verbatim compares with.
    lines.push(h('p', { 'data-testid': 'status-no-quotes' }, t('statusNoQuotesTopic'), ' ', model.corpusSummary ?? ''));
  } else lines.push(h('p', {}, t('statusNoQuotes')));
  if (model.own) lines.push(h('p', { class: 'status__own', 'data-testid': 'status-own' }, t('statusOwn', model.own.outlet)));
  return lines;
}

function why(model: StatusModel): HTMLElement | null {
  const verdictData = model.state?.analysis.topic;
  if (!verdictData || model.kind === 'analysing') return null;
  const signals = verdictData.signals;
  return h(
    'details',
    { class: 'why', 'data-testid': 'why' },
    h('summary', {}, t(verdictData.match ? 'whySummaryTopic' : 'whySummaryNotTopic', model.topic)),
    signals.length === 0
      ? h('p', {}, t('whyNone'))
      : h(
          'ul',
          { class: 'why__list' },
          signals.map((s) => h('li', { 'data-term': s.term, 'data-where': s.where }, signalText(s))),
        ),
    h('p', { class: 'why__score' }, t('whyScore', Math.round(verdictData.score * 10) / 10, Math.round(model.needed * 10) / 10)),
  );
}

function highlightSwitch(model: StatusModel, actions: StatusActions): HTMLElement | null {
  const host = model.url ? hostOf(model.url) : null;
  // Only where there is something to highlight: a switch on a page Verbatim leaves alone would switch nothing.
  if (!host || (model.kind !== 'topic' && model.kind !== 'quotes-only')) return null;
  const note = h('span', { class: 'vh', role: 'status' });
  const input = h('input', {
    type: 'checkbox',
    role: 'switch',
    id: 'highlights-switch',
    checked: model.highlightsOn,
    'data-testid': 'highlights-switch',
  });
  onAsync(input, 'change', async () => {
    input.disabled = true;
    await actions.setHighlights(input.checked);
    input.disabled = false;
    note.textContent = input.checked ? t('highlightsNowOn', host) : t('highlightsNowOff', host);
  });
  return h('div', { class: 'switch' }, input, h('label', { for: 'highlights-switch' }, t('highlightsOn', host)), note);
}

export function statusView(model: StatusModel, actions: StatusActions, extra: (Node | null)[] = []): HTMLElement {
  const analyse =
    model.kind === 'not-analysed' &&
    !model.paused &&
    h('button', { type: 'button', class: 'button', 'data-testid': 'analyse-button', onclick: () => actions.analyseNow() }, t('analyseNow'));
  return h(
    'section',
    {
      class: `status status--${model.kind}`,
      'data-testid': 'status',
      'data-status': model.kind,
      'data-topic': model.state ? String(model.state.analysis.topic.match) : null,
      'aria-live': 'polite',
      'aria-label': t('statusLabel'),
    },
    h('p', { class: 'status__verdict' }, h('strong', {}, verdict(model))),
    detail(model),
    why(model),
    analyse,
    highlightSwitch(model, actions),
    extra,
  );
}
