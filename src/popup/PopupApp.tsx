/** The popup: the page's status, then its quotes with every outlet's wording. */
import type { Pack, PackDocument } from '../engine/types';
import type { QuoteMatch } from '../engine/match';
import type { TabState } from '../messages';
import { t } from '../i18n';

interface Props {
  state: TabState | null;
  pack: Pack;
}

export function PopupApp({ state, pack }: Props) {
  const documents = new Map(pack.documents.map((d) => [d.id, d]));
  return (
    <main class="popup">
      <h1 class="popup__title">{t('popupTitle')}</h1>
      <Status state={state} topic={pack.topic.name} />
      {state && state.analysis.quotes.length > 0 && (
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">{t('quotesHeading')}</h2>
          <ol class="quotes" data-testid="quotes">
            {state.analysis.quotes.map((quote) => (
              <QuoteRow key={`${quote.group}:${quote.start}`} quote={quote} documents={documents} />
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}

function Status({ state, topic }: { state: TabState | null; topic: string }) {
  if (!state) return <p class="status" data-testid="status">{t('statusNoData', topic)}</p>;
  const { analysis } = state;
  return (
    <p class="status" data-testid="status" data-topic={String(analysis.topic.match)}>
      <strong>{analysis.topic.match ? t('statusTopic', topic) : t('statusNotTopic', topic)}</strong>
      {' · '}
      {analysis.quotes.length > 0 ? t('statusQuotes', analysis.quotes.length) : t('statusNoQuotes')}
    </p>
  );
}

function QuoteRow({ quote, documents }: { quote: QuoteMatch; documents: Map<string, PackDocument> }) {
  return (
    <li class="quote" data-group={quote.group}>
      <blockquote class="quote__text">{quote.text}</blockquote>
      <p class="quote__meta">
        {quote.speaker ?? t('speakerUnknown')} · {t('outletCount', quote.outlets.length)}
      </p>
      <ul class="outlets">
        {quote.outlets.map((o, i) => {
          const doc = documents.get(o.document);
          return (
            <li class="outlet" key={`${o.document}:${i}`} data-document={o.document}>
              <span class="outlet__name">
                {doc?.url ? (
                  <a href={doc.url} target="_blank" rel="noreferrer noopener" title={t('openArticle', o.outlet)}>
                    {o.outlet}
                  </a>
                ) : (
                  o.outlet
                )}
              </span>
              <q class="outlet__text">{o.text}</q>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
