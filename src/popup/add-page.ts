/** The "Add this page to my corpus" flow: extract, ask for the outlet name, store, report. */
import { t } from '../shared/i18n';
import type { LearnOutcome, PageArticle } from '../shared/messages';
import { hostOf } from '../shared/settings';
import { h, onAsync, replaceChildren } from '../ui/dom';
import { extractArticle, type ExtractedArticle } from './extract-article';

export interface AddPageContext {
  tabId: number;
  /** Called once the page is in the corpus (re-analyse the tab, re-render). */
  onAdded: () => void;
  /** Keeps the page in the reader's corpus (the background's corpus service). */
  add: (article: PageArticle) => Promise<LearnOutcome>;
  /** Injected in tests. */
  extract?: (tabId: number) => Promise<ExtractedArticle | null>;
  /** The page is in the corpus already: say so (this text) instead of offering to add it again. */
  inCorpus?: string;
}

/**
 * The confirmation of the last page added. Adding a page makes the popup re-analyse and re-render at
 * once, which rebuilds this view: without this the reader (and the e2e test) could miss the message.
 */
let lastAdded = '';

export function addPageView(ctx: AddPageContext): HTMLElement {
  const box = h('div', { class: 'add-page', 'data-testid': 'add-page' });
  const message = h('p', { class: 'add-page__message', role: 'status', 'data-testid': 'add-page-message' }, lastAdded);
  // Kept beside the note: the page just added is in the corpus from the next render on.
  if (ctx.inCorpus)
    return h('div', { class: 'add-page', 'data-testid': 'add-page' }, h('p', { 'data-testid': 'in-corpus' }, ctx.inCorpus), message);
  const start = h('button', { type: 'button', class: 'button', 'data-testid': 'add-page-button' }, t('addPage'));
  onAsync(start, 'click', async () => {
    start.disabled = true;
    message.textContent = t('addPageReading');
    let article: ExtractedArticle | null = null;
    try {
      article = await (ctx.extract ?? extractArticle)(ctx.tabId);
    } catch (error) {
      console.warn('Verbatim: could not read the page', error);
    }
    if (!article) {
      start.disabled = false;
      message.textContent = t('addPageNoArticle');
      return;
    }
    message.textContent = '';
    replaceChildren(
      box,
      form(article, ctx, message, () => {
        start.disabled = false;
        replaceChildren(box, start, message);
        start.focus();
      }),
      message,
    );
  });
  box.append(start, message);
  return box;
}

function form(article: ExtractedArticle, ctx: AddPageContext, message: HTMLElement, reset: () => void): HTMLFormElement {
  const input = h('input', {
    id: 'add-outlet',
    type: 'text',
    required: true,
    maxlength: '80',
    autocomplete: 'off',
    value: article.outlet ?? '',
    'data-testid': 'add-outlet',
  });
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, t('addPageConfirm'));
  const cancel = h('button', { type: 'button', class: 'button' }, t('cancel'));
  const el = h(
    'form',
    { class: 'add-form', 'aria-labelledby': 'add-form-title' },
    h('p', { id: 'add-form-title' }, t('addPageFound', article.title ?? article.url ?? '', article.words)),
    h('label', { for: 'add-outlet' }, t('addPageOutlet')),
    input,
    h('div', { class: 'add-form__buttons' }, submit, cancel),
  );
  cancel.addEventListener('click', reset);
  onAsync(el, 'submit', async (event) => {
    event.preventDefault();
    const outlet = input.value.trim();
    if (!outlet) return input.focus();
    submit.disabled = true;
    message.textContent = t('addPageSaving');
    const result = await ctx
      .add({ url: article.url, outlet, site: hostOf(article.url), title: article.title, published: article.published, text: article.text })
      // Messaging or storage can fail (the worker restarting, a broken profile): say so instead of saving forever.
      .catch((error: unknown): LearnOutcome => ({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }));
    if ('reason' in result) {
      submit.disabled = false;
      message.textContent = t('addPageRefused', result.reason);
      return;
    }
    el.remove();
    lastAdded = message.textContent = t('addPageAdded', outlet, result.joined);
    ctx.onAdded();
  });
  queueMicrotask(() => input.focus());
  return el;
}
