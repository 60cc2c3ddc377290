/**
 * The options page: where Verbatim runs, highlight colours (with a live preview), detection sensitivity,
 * learning (switch, excluded sites, the articles learned), and the corpus (bundled, imported, export).
 * Every change is saved at once; every string from `_locales`; imported text is only ever rendered as text.
 */
import { t } from '../shared/i18n';
import { listen, send } from '../shared/messages';
import { dismissNotice, loadSettings, pendingNotice, saveSettings } from '../storage/settings-store';
import { corpusPanel, type CorpusOutcome } from './corpus-panel';
import { highlightsOffFieldset } from './highlights-off';
import { learningPanel } from './learning-panel';
import { siteListField } from './site-list';
import { savedNote, type Save } from './saved-note';
import { undoBar } from './undo';
import { DEFAULT_COLORS, RUN_MODES, SENSITIVITIES, type RunMode, type Sensitivity, type Settings } from '../shared/settings';
import { h, replaceChildren, type Child } from '../ui/dom';
import { noticeView } from '../ui/notice';
import { readShortcuts, shortcutsView } from '../ui/shortcuts-view';

const MODE_KEYS: Record<RunMode, [string, string]> = {
  everywhere: ['runEverywhere', 'runEverywhereHint'],
  'listed-sites': ['runListed', 'runListedHint'],
  'on-click': ['runOnClick', 'runOnClickHint'],
};
const SENSITIVITY_KEYS: Record<Sensitivity, [string, string]> = {
  strict: ['sensitivityStrict', 'sensitivityStrictHint'],
  normal: ['sensitivityNormal', 'sensitivityNormalHint'],
  loose: ['sensitivityLoose', 'sensitivityLooseHint'],
};

export async function startOptions(root: HTMLElement): Promise<void> {
  document.title = t('optionsTitle');
  let settings = await loadSettings();
  const notice = await pendingNotice();
  const save: Save = async (change) => (settings = await saveSettings(change(settings)));
  // The undo bars sit outside what is drawn again (a removal's own broadcast redraws both lists), so the
  // offer and the focus on its button survive the redraw.
  const corpusUndo = undoBar('pack-undo', () => renderCorpus(undefined));
  const articleUndo = undoBar('article-undo', () => renderLearning());
  const corpusBody = h('div', {});
  const corpus = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'corpus-heading', 'data-testid': 'corpus-panel' },
    corpusBody,
    corpusUndo.element,
  );
  // The last import's or removal's outcome stays shown when the panel is drawn again for another reason
  // (the background announcing the change it just made).
  let lastOutcome: CorpusOutcome | undefined;
  const renderCorpus = async (outcome: CorpusOutcome | undefined = lastOutcome) => {
    lastOutcome = outcome;
    redraw(corpusBody, await corpusPanel(renderCorpus, corpusUndo, outcome));
  };
  await renderCorpus();
  const topic = (await send({ type: 'corpus' })).pack.topic.name;
  const learning = h('div', {});
  const renderLearning = async () => redraw(learning, [await learningPanel(settings, save, topic, articleUndo)]);
  await renderLearning();
  // Learned elsewhere while this page is open (another tab): the lists follow.
  listen((message) => {
    if ((message as { type?: unknown } | null)?.type === 'corpus-changed') void renderLearning().then(() => renderCorpus());
    return undefined;
  });
  replaceChildren(
    root,
    h(
      'main',
      { class: 'options' },
      h('h1', {}, t('optionsTitle')),
      notice && noticeView(notice, { dismissNotice: () => void dismissNotice() }),
      runModeFieldset(settings, save),
      highlightsOffFieldset(settings, save),
      colorsFieldset(settings, save),
      sensitivityFieldset(settings, save),
      h(
        'fieldset',
        { 'data-testid': 'shortcuts-options' },
        h('legend', {}, t('shortcutsHeading')),
        h('p', { class: 'hint' }, t('shortcutsWhat')),
        shortcutsView(await readShortcuts()),
      ),
      learning,
      articleUndo.element,
      corpus,
    ),
  );
  root.dataset.ready = 'true';
}

/** Draws a part of the page again; the control that had focus there (by test id) keeps it. */
function redraw(container: HTMLElement, children: Child[]): void {
  const active = container.ownerDocument.activeElement;
  const focused = active instanceof HTMLElement && container.contains(active) ? active.dataset.testid : undefined;
  replaceChildren(container, ...children);
  if (focused) container.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
}

function radio(name: string, value: string, checked: boolean, label: string, hint: string, onChange: () => void): HTMLElement {
  const id = `${name}-${value}`;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type: 'radio', name, id, value, checked, 'aria-describedby': `${id}-hint`, 'data-testid': id, onchange: onChange }),
    h('label', { for: id }, label),
    h('p', { class: 'hint', id: `${id}-hint` }, hint),
  );
}

function runModeFieldset(settings: Settings, save: Save): HTMLElement {
  const [modeNote, sitesNote] = [savedNote('saved-run-mode'), savedNote('saved-sites')];
  const saveMode = modeNote.saving(save);
  const sites = siteListField(settings, sitesNote.saving(save), {
    id: 'sites',
    key: 'sites',
    label: t('sitesLabel'),
    hint: t('sitesHint'),
    rows: 4,
  });
  return h(
    'fieldset',
    {},
    h('legend', {}, t('runHeading')),
    RUN_MODES.map((mode) =>
      radio(
        'runMode',
        mode,
        settings.runMode === mode,
        t(MODE_KEYS[mode][0]),
        t(MODE_KEYS[mode][1]),
        () => void saveMode((s) => ({ ...s, runMode: mode })),
      ),
    ),
    modeNote.element,
    ...sites,
    sitesNote.element,
  );
}

function colorsFieldset(settings: Settings, save: Save): HTMLElement {
  const light = h('input', { type: 'color', id: 'color-light', value: settings.colors.light, 'data-testid': 'color-light' });
  const dark = h('input', { type: 'color', id: 'color-dark', value: settings.colors.dark, 'data-testid': 'color-dark' });
  const sample = (cls: string, label: string) =>
    h(
      'div',
      { class: `preview__page ${cls}`, role: 'img', 'aria-label': label },
      h(
        'p',
        {},
        t('previewBefore'),
        ' ',
        h('mark', { 'data-testid': `preview-${cls.endsWith('light') ? 'light' : 'dark'}` }, t('previewQuote')),
        ' ',
        t('previewAfter'),
      ),
    );
  const lightPage = sample('preview__page--light', t('previewLight'));
  const darkPage = sample('preview__page--dark', t('previewDark'));
  const paint = () => {
    lightPage.querySelector('mark')!.style.backgroundColor = light.value;
    darkPage.querySelector('mark')!.style.backgroundColor = dark.value;
  };
  paint();
  light.addEventListener('input', paint);
  dark.addEventListener('input', paint);
  const note = savedNote('saved-colors');
  const saveColors = note.saving(save);
  const store = () => void saveColors((s) => ({ ...s, colors: { light: light.value, dark: dark.value } }));
  light.addEventListener('change', store);
  dark.addEventListener('change', store);
  const reset = h('button', { type: 'button', class: 'button' }, t('colorsReset'));
  reset.addEventListener('click', () => {
    light.value = DEFAULT_COLORS.light;
    dark.value = DEFAULT_COLORS.dark;
    paint();
    store();
  });
  return h(
    'fieldset',
    {},
    h('legend', {}, t('colorsHeading')),
    h(
      'div',
      { class: 'colors' },
      h('label', { for: 'color-light' }, t('colorLight'), light),
      h('label', { for: 'color-dark' }, t('colorDark'), dark),
      reset,
      note.element,
    ),
    h('div', { class: 'preview', 'data-testid': 'color-preview' }, lightPage, darkPage),
  );
}

function sensitivityFieldset(settings: Settings, save: Save): HTMLElement {
  const note = savedNote('saved-sensitivity');
  const saveLevel = note.saving(save);
  return h(
    'fieldset',
    {},
    h('legend', {}, t('sensitivityHeading')),
    SENSITIVITIES.map((level) =>
      radio(
        'sensitivity',
        level,
        settings.sensitivity === level,
        t(SENSITIVITY_KEYS[level][0]),
        t(SENSITIVITY_KEYS[level][1]),
        () => void saveLevel((s) => ({ ...s, sensitivity: level })),
      ),
    ),
    note.element,
  );
}
