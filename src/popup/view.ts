/** The popup: the page's status, then its quotes with every outlet's wording. */
import type { QuoteMatch } from '../engine/match';
import type { Pack, PackDocument } from '../engine/types';
import { t } from '../i18n';
import type { TabState } from '../messages';
import { h } from '../ui/dom';

export function popupView(state: TabState | null, pack: Pack): HTMLElement {
  const documents = new Map(pack.documents.map((d) => [d.id, d]));
  const quotes = state?.analysis.quotes ?? [];
  return h(
    'main',
    { class: 'popup' },
    h('h1', { class: 'popup__title' }, t('popupTitle')),
    statusView(state, pack.topic.name),
    quotes.length > 0 &&
      h(
        'section',
        { 'aria-labelledby': 'quotes-heading' },
        h('h2', { id: 'quotes-heading' }, t('quotesHeading')),
        h('ol', { class: 'quotes', 'data-testid': 'quotes' }, quotes.map((q) => quoteRow(q, documents))),
      ),
  );
}

function statusView(state: TabState | null, topic: string): HTMLElement {
  if (!state) return h('p', { class: 'status', 'data-testid': 'status' }, t('statusNoData', topic));
  const { analysis } = state;
  return h(
    'p',
    { class: 'status', 'data-testid': 'status', 'data-topic': String(analysis.topic.match) },
    h('strong', {}, analysis.topic.match ? t('statusTopic', topic) : t('statusNotTopic', topic)),
    ' · ',
    analysis.quotes.length > 0 ? t('statusQuotes', analysis.quotes.length) : t('statusNoQuotes'),
  );
}

function quoteRow(quote: QuoteMatch, documents: Map<string, PackDocument>): HTMLElement {
  return h(
    'li',
    { class: 'quote', 'data-group': quote.group },
    h('blockquote', { class: 'quote__text' }, quote.text),
    h('p', { class: 'quote__meta' }, `${quote.speaker ?? t('speakerUnknown')} · `, t(quote.outlets.length === 1 ? 'outletCountOne' : 'outletCount', quote.outlets.length)),
    h(
      'ul',
      { class: 'outlets' },
      quote.outlets.map((o) => {
        const url = documents.get(o.document)?.url;
        return h(
          'li',
          { class: 'outlet', 'data-document': o.document },
          h(
            'span',
            { class: 'outlet__name' },
            url ? h('a', { href: url, target: '_blank', rel: 'noreferrer noopener', title: t('openArticle', o.outlet) }, o.outlet) : o.outlet,
          ),
          h('q', { class: 'outlet__text' }, o.text),
        );
      }),
    ),
  );
}
