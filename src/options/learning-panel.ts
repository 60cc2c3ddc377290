/**
 * Learning, under the reader's control: the switch, the sites where nothing is learned, what is kept and
 * where, and the articles learned or added — search them, open one, forget one or all.
 */
import { t } from '../shared/i18n';
import { send, type ArticleSummary } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { savedNote, type Save } from './saved-note';
import { siteListField } from './site-list';
import type { UndoBar } from './undo';
import { h, onAsync, replaceChildren } from '../ui/dom';

export async function learningPanel(settings: Settings, save: Save, topic: string, undo: UndoBar): Promise<HTMLElement> {
  const [switchNote, sitesNote] = [savedNote('saved-learning'), savedNote('saved-learn-excluded')];
  const saveSwitch = switchNote.saving(save);
  const toggle = h('input', { type: 'checkbox', id: 'learning', checked: settings.learning, 'data-testid': 'learning-switch' });
  onAsync(toggle, 'change', async () => {
    await saveSwitch((s) => ({ ...s, learning: toggle.checked }));
  });
  const sites = siteListField(settings, sitesNote.saving(save), {
    id: 'learn-excluded',
    key: 'learnExcluded',
    label: t('learnExcludedLabel'),
    hint: t('learnExcludedHint'),
    rows: 3,
  });
  const list = h('div', { class: 'learned', 'data-testid': 'learned' });
  await renderArticles(list, undo);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'learning-heading', 'data-testid': 'learning-panel' },
    h('h2', { id: 'learning-heading' }, t('learningHeading')),
    h('p', { class: 'hint' }, t('learningWhat', topic)),
    h('div', { class: 'choice' }, toggle, h('label', { for: 'learning' }, t('learningSwitch')), switchNote.element),
    ...sites,
    sitesNote.element,
    list,
  );
}

/** The reader's articles with a search box; forgetting asks once more before everything goes. */
async function renderArticles(box: HTMLElement, undo: UndoBar): Promise<void> {
  const articles = await send({ type: 'articles' });
  const search = h('input', { type: 'search', id: 'learned-search', 'aria-label': t('learnedSearch'), placeholder: t('learnedSearch') });
  const ul = h('ul', { class: 'packs', 'data-testid': 'learned-list' });
  const count = h('p', { class: 'hint', role: 'status', 'data-testid': 'learned-count' });
  const show = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = articles.filter((a) => {
      const hay = [a.outlet, a.title, a.url].filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    replaceChildren(ul, ...shown.map((a) => articleRow(a, box, undo)));
    count.textContent = t('learnedCount', shown.length, articles.length);
  };
  search.addEventListener('input', show);
  const forgetAll = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'forget-all', disabled: articles.length === 0 },
    t('forgetAll'),
  );
  forgetAll.addEventListener('click', () => {
    if (forgetAll.dataset.confirm !== 'true') {
      forgetAll.dataset.confirm = 'true';
      forgetAll.textContent = t('forgetAllConfirm', articles.length);
      return;
    }
    void send({ type: 'forget-all' }).then(() => renderArticles(box, undo));
  });
  show();
  replaceChildren(box, h('h3', {}, t('learnedHeading')), search, count, ul, forgetAll);
}

function articleRow(a: ArticleSummary, box: HTMLElement, undo: UndoBar): HTMLElement {
  const title = a.title ?? a.url ?? a.id;
  const name = a.url ? h('a', { href: a.url, target: '_blank', rel: 'noreferrer noopener' }, title) : h('span', {}, title);
  const when = new Date(a.read).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return h(
    'li',
    { 'data-article': a.id, 'data-origin': a.origin },
    h(
      'span',
      {},
      h('strong', {}, a.outlet),
      ' — ',
      name,
      ' ',
      h('span', { class: 'hint' }, a.origin === 'learned' ? t('learnedOn', when) : t('addedOn', when)),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        'aria-label': `${t('forget')}: ${title}`,
        'data-testid': `forget-${a.id}`,
        onclick: () =>
          void send({ type: 'forget', ids: [a.id] }).then(async (removed) => {
            await renderArticles(box, undo);
            undo.offer(title, removed, `[data-testid="forget-${a.id}"]`);
          }),
      },
      t('forget'),
    ),
  );
}
