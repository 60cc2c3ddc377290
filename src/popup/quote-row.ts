/**
 * One quote row, used for the page's quotes and for browsing the corpus: a toggle button (wording,
 * speaker, source, chips) and, when expanded, one line per outlet with its exact wording diffed against
 * the reference (this page's wording, or the consensus when browsing), change badges and a link.
 */
import { isVerbatim } from '../engine/compare/fidelity';
import { CHANGE_INFO } from '../engine/compare/taxonomy';
import type { ChangeKind, DocumentOrigin } from '../engine/types';
import { t } from '../shared/i18n';
import { repeatedNote, wordingsPerDocument } from '../shared/repeated-quotes';
import { h } from '../ui/dom';
import { diffView } from './diff-view';
import { lineageView, meaningView, type RowLineage } from './lineage-view';
import { shorten } from './page-kind';

export interface RowOutlet {
  document: string;
  outlet: string;
  text: string;
  /** How this wording differs from the row's reference. */
  change: ChangeKind[];
  url: string | null;
  published: string | null;
  /** Where the document came from (bundled, imported, added, learned), and when the reader read it. */
  origin: DocumentOrigin;
  read: string | null;
  /** Its wording is the consensus (what most outlets print). */
  consensus: boolean;
  /** The page the popup is about is this outlet's article. */
  own: boolean;
}

export interface RowModel {
  group: string;
  /** What the outlets are compared against: this page's wording, or the consensus. */
  reference: string;
  referenceKind: 'page' | 'consensus';
  speaker: string | null;
  source: string | null;
  outlets: RowOutlet[];
  /** Where each wording came from and the changes of meaning (page quotes). */
  lineage?: RowLineage;
}

export interface RowOptions {
  /** Build the comparison now (page quotes) or on first expand (corpus browsing). */
  eager: boolean;
  /** Called when the row's toggle is activated (after it expanded or collapsed). */
  onToggle?: (model: RowModel, expanded: boolean) => void;
}

let rowIds = 0;

/**
 * How many outlets carry these wordings: one per corpus article, however often it quotes the line. The
 * rows' chips and the status line both count with this, the page's own article included.
 */
export function outletCount(outlets: readonly { document: string }[]): number {
  return new Set(outlets.map((o) => o.document)).size;
}

export function quoteRow(model: RowModel, options: RowOptions): HTMLLIElement {
  const id = `cmp-${++rowIds}`;
  const count = outletCount(model.outlets);
  // "Differs" means different words; punctuation-only differences show in the expanded view.
  const differs = model.outlets.some((o) => !o.own && !isVerbatim(o.change.filter((k) => k !== 'punctuation')));
  const meta = [model.speaker ?? t('speakerUnknown'), model.source].filter(Boolean).join(' · ');
  const toggle = h(
    'button',
    { type: 'button', class: 'quote__toggle', 'aria-expanded': 'false', 'aria-controls': id, tabindex: '-1' },
    h('span', { class: 'quote__text', 'data-testid': 'quote-text' }, `“${shorten(model.reference)}”`),
    h(
      'span',
      { class: 'quote__meta' },
      h('span', { class: 'quote__who' }, meta),
      h('span', { class: 'chip', 'data-testid': 'chip-outlets' }, count === 1 ? t('outletCountOne') : t('outletCount', count)),
      differs && h('span', { class: 'chip chip--differs', 'data-testid': 'chip-differs' }, t('chipDiffers')),
      model.lineage?.group.meaning.some((m) => m.document === model.lineage!.page) &&
        h('span', { class: 'chip chip--meaning', 'data-testid': 'chip-meaning' }, t('chipMeaning')),
    ),
  );
  const region = h('div', { class: 'comparison', id, hidden: true, 'data-testid': 'comparison' });
  const li = h('li', { class: 'quote', 'data-verbatim-group': model.group }, toggle, region);
  // Outlet lines can be in the DOM from the start (page quotes) with plain wordings; the word diffs,
  // the costly part, are computed when a row is first opened.
  let built: 'no' | 'plain' | 'diff' = 'no';
  const build = (diff: boolean) => {
    if (built === 'diff' || (built === 'plain' && !diff)) return;
    built = diff ? 'diff' : 'plain';
    region.replaceChildren(...comparison(model, diff).filter((n): n is Node => Boolean(n)));
  };
  if (options.eager) build(false);
  toggle.addEventListener('click', () => {
    const expanded = toggle.getAttribute('aria-expanded') !== 'true';
    if (expanded) build(true);
    setExpanded(li, expanded);
    options.onToggle?.(model, expanded);
  });
  return li;
}

export function setExpanded(li: Element, expanded: boolean): void {
  const toggle = li.querySelector('.quote__toggle');
  const region = li.querySelector('.comparison');
  if (!toggle || !region) return;
  toggle.setAttribute('aria-expanded', String(expanded));
  (region as HTMLElement).hidden = !expanded;
  li.classList.toggle('quote--open', expanded);
}

function comparison(model: RowModel, diff: boolean): (Node | null | undefined)[] {
  const ordered = [...model.outlets].sort((a, b) => Number(b.own) - Number(a.own));
  const times = wordingsPerDocument(model.outlets);
  const lineage = model.lineage;
  return [
    // Changes of meaning first, then where each wording came from, then the outlets' wordings.
    lineage && meaningView(lineage),
    lineage && lineageView(lineage),
    h(
      'p',
      { class: 'comparison__ref' },
      h('span', { class: 'comparison__label' }, model.referenceKind === 'page' ? t('comparedWithPage') : t('comparedWithConsensus')),
      ' ',
      h('span', { class: 'comparison__text' }, model.reference),
    ),
    h(
      'ul',
      { class: 'outlets', 'aria-label': t('outletsLabel') },
      ordered.map((o) => outletLine(model, o, diff, times.get(o.document) ?? 1)),
    ),
  ];
}

/** `times`: how often this outlet's article quotes the line (each wording is shown, with a note). */
function outletLine(model: RowModel, o: RowOutlet, diff: boolean, times: number): HTMLLIElement {
  const name = o.url
    ? h(
        'a',
        { class: 'outlet__name', href: o.url, target: '_blank', rel: 'noreferrer noopener', title: t('openArticle', o.outlet) },
        o.outlet,
      )
    : h('span', { class: 'outlet__name' }, o.outlet);
  const kinds = o.change.filter((k) => !(k === 'identical' && o.change.length > 1));
  return h(
    'li',
    {
      class: 'outlet',
      'data-verbatim-document': o.document,
      'data-verbatim-origin': o.origin,
      'data-consensus': o.consensus ? 'true' : null,
      'data-own': o.own ? 'true' : null,
    },
    h(
      'div',
      { class: 'outlet__head' },
      name,
      ' ',
      h('span', { class: 'outlet__date' }, o.published ? formatDate(o.published) : t('dateUnknown')),
      ' ',
      h('span', { class: `outlet__origin origin--${o.origin}`, 'data-testid': 'outlet-origin' }, originLabel(o)),
      o.own && h('span', { class: 'badge badge--own' }, t('badgeThisPage')),
      o.consensus && h('span', { class: 'badge badge--consensus', title: t('consensusExplain') }, t('badgeConsensus')),
      times > 1 && h('span', { class: 'outlet__repeat', 'data-testid': 'outlet-repeat' }, repeatedNote(times)),
    ),
    diff ? diffView(model.reference, o.text) : h('q', { class: 'outlet__text' }, o.text),
    h(
      'ul',
      { class: 'kinds', 'aria-label': t('changesLabel') },
      kinds.map((k) => h('li', { class: `kind kind--${k}`, title: CHANGE_INFO[k].description, 'data-kind': k }, CHANGE_INFO[k].label)),
    ),
  );
}

/** Where a wording comes from, in words: "bundled corpus", "read on 30 Nov 2026"… */
function originLabel(o: RowOutlet): string {
  const read = o.read ? formatDate(o.read.slice(0, 10)) : null;
  switch (o.origin) {
    case 'learned':
      return read ? t('originLearnedOn', read) : t('originLearned');
    case 'added':
      return read ? t('originAddedOn', read) : t('originAdded');
    case 'imported':
      return t('originImported');
    case 'bundled':
      return t('originBundled');
  }
}

/** "2022-10-31" → "31 Oct 2022", "2022-11" → "Nov 2022", in the browser's language (Intl, no hand-written names). */
export function formatDate(iso: string, locale = uiLanguage()): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  // Intl formatters are slow to construct (~1 ms): one per locale and shape, reused for every line.
  const key = `${locale}|${m[3] ? 'day' : 'month'}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', ...(m[3] ? { day: 'numeric' } : {}) });
    formats.set(key, format);
  }
  return format.format(date);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function uiLanguage(): string {
  try {
    return globalThis.navigator?.language || 'en';
  } catch {
    return 'en';
  }
}
