/**
 * The options page: where Verbatim runs, highlight colours (with a live preview), detection sensitivity,
 * and the corpus (bundled pack, imported packs, pages the user added): import, export, remove.
 * Every change is saved at once; every string from `_locales`; imported text is only ever rendered as text.
 */
import { bundledPack } from '../storage/active-pack';
import type { Pack } from '../engine/types';
import { t } from '../shared/i18n';
import { dismissNotice, loadSettings, pendingNotice, saveSettings } from '../storage/settings-store';
import {
  addImportedPack,
  checkImport,
  loadImportedPacks,
  loadUserDocuments,
  removeImportedPack,
  removeUserDocument,
  type ImportResult,
} from '../storage/packs';
import { DEFAULT_COLORS, normaliseSite, RUN_MODES, SENSITIVITIES, type RunMode, type Sensitivity, type Settings } from '../shared/settings';
import { h, onAsync, replaceChildren, type Child } from '../ui/dom';
import { noticeView } from '../ui/notice';

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
  const saved = h('p', { class: 'saved', role: 'status', 'data-testid': 'saved' });
  const save = async (change: (s: Settings) => Settings) => {
    settings = await saveSettings(change(settings));
    saved.textContent = t('optionsSaved');
    return settings;
  };
  const corpus = h('section', { class: 'panel', 'aria-labelledby': 'corpus-heading', 'data-testid': 'corpus-panel' });
  const renderCorpus = async (result?: ImportResult | { removed: string }) =>
    replaceChildren(corpus, ...(await corpusPanel(renderCorpus, result)));
  await renderCorpus();
  replaceChildren(
    root,
    h(
      'main',
      { class: 'options' },
      h('h1', {}, t('optionsTitle')),
      notice && noticeView(notice, { dismissNotice: () => void dismissNotice() }),
      runModeFieldset(settings, save),
      colorsFieldset(settings, save),
      sensitivityFieldset(settings, save),
      corpus,
      saved,
    ),
  );
  root.dataset.ready = 'true';
}

type Save = (change: (s: Settings) => Settings) => Promise<Settings>;

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
  const sites = h(
    'textarea',
    { id: 'sites', rows: '4', spellcheck: 'false', 'aria-describedby': 'sites-hint', 'data-testid': 'sites' },
    settings.sites.join('\n'),
  );
  const sitesNote = h('p', { class: 'hint', id: 'sites-hint' }, t('sitesHint'));
  onAsync(sites, 'change', async () => {
    const lines = sites.value
      .split(/[\n,]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const valid = lines.map(normaliseSite).filter((s): s is string => s !== null);
    const bad = lines.filter((l) => normaliseSite(l) === null);
    const next = await save((s) => ({ ...s, sites: [...new Set(valid)] }));
    sites.value = next.sites.join('\n');
    sitesNote.textContent = bad.length ? t('sitesIgnored', bad.join(', ')) : t('sitesHint');
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
        () => void save((s) => ({ ...s, runMode: mode })),
      ),
    ),
    h('label', { for: 'sites' }, t('sitesLabel')),
    sites,
    sitesNote,
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
  const store = () => void save((s) => ({ ...s, colors: { light: light.value, dark: dark.value } }));
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
    ),
    h('div', { class: 'preview', 'data-testid': 'color-preview' }, lightPage, darkPage),
  );
}

function sensitivityFieldset(settings: Settings, save: Save): HTMLElement {
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
        () => void save((s) => ({ ...s, sensitivity: level })),
      ),
    ),
  );
}

function download(pack: Pack): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' }));
  const a = h('a', { href: url, download: `${pack.id}.verbatim-pack.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function packCounts(pack: Pack): string {
  return t('packCounts', pack.documents.length, pack.groups.length);
}

/** Reads a chosen file and imports it; returns what happened (the corpus is changed only on success). */
export async function importFile(file: File): Promise<ImportResult> {
  const imported = await loadImportedPacks();
  const result = checkImport(await file.text(), file.size, [bundledPack.id, ...imported.map((p) => p.id)]);
  if (result.ok) {
    try {
      await addImportedPack(result.pack);
    } catch (error) {
      return { ok: false, errors: [`storage: ${(error as Error).message}`] };
    }
  }
  return result;
}

async function corpusPanel(
  rerender: (result?: ImportResult | { removed: string }) => Promise<void>,
  result?: ImportResult | { removed: string },
): Promise<Child[]> {
  const [imported, docs] = await Promise.all([loadImportedPacks(), loadUserDocuments()]);
  const button = (label: string, name: string, testid: string, onClick: () => void) =>
    h('button', { type: 'button', class: 'button', 'aria-label': `${label}: ${name}`, 'data-testid': testid, onclick: onClick }, label);
  const packRow = (pack: Pack, bundled: boolean) =>
    h(
      'li',
      { 'data-pack': pack.id, 'data-documents': pack.documents.length },
      h('span', {}, h('strong', {}, bundled ? t('packBundled', pack.topic.name) : pack.id), ' — ', packCounts(pack)),
      h(
        'span',
        { class: 'actions' },
        button(t('packExport'), pack.id, `export-${pack.id}`, () => download(pack)),
        !bundled &&
          button(t('packRemove'), pack.id, `remove-${pack.id}`, () => {
            void removeImportedPack(pack.id).then(() => rerender({ removed: pack.id }));
          }),
      ),
    );
  const input = h('input', { type: 'file', id: 'import-file', accept: '.json,application/json', 'data-testid': 'import-input' });
  onAsync(input, 'change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const outcome = await importFile(file);
    await rerender(outcome);
    document.getElementById('import-file')?.focus();
  });
  return [
    h('h2', { id: 'corpus-heading' }, t('corpusOptionsHeading')),
    h(
      'ul',
      { class: 'packs', 'data-testid': 'corpus-list' },
      packRow(bundledPack, true),
      imported.map((p) => packRow(p, false)),
    ),
    docs.length > 0 && h('h3', {}, t('userDocsHeading')),
    docs.length > 0 &&
      h(
        'ul',
        { class: 'packs', 'data-testid': 'user-docs' },
        docs.map((d) =>
          h(
            'li',
            { 'data-document': d.id },
            h('span', {}, h('strong', {}, d.outlet), ' — ', d.title ?? d.url ?? ''),
            button(
              t('packRemove'),
              d.outlet,
              `remove-${d.id}`,
              () => void removeUserDocument(d.id).then(() => rerender({ removed: d.outlet })),
            ),
          ),
        ),
      ),
    h(
      'div',
      { class: 'import' },
      h('label', { for: 'import-file' }, t('importLabel')),
      ' ',
      input,
      h('p', { class: 'hint' }, t('importHint')),
    ),
    resultView(result),
  ];
}

function resultView(result?: ImportResult | { removed: string }): HTMLElement {
  const box = h('div', { class: 'import-result', role: 'status', 'data-testid': 'import-result' });
  if (!result) return box;
  if ('removed' in result) box.append(t('packRemoved', result.removed));
  else if (result.ok) {
    box.dataset.ok = 'true';
    box.append(t('importOk', result.pack.id, result.pack.documents.length, result.pack.groups.length));
  } else {
    box.dataset.ok = 'false';
    box.classList.add('import-result--error');
    box.append(
      h('p', {}, t('importRefused')),
      h(
        'ul',
        {},
        result.errors.map((e) => h('li', {}, e)),
      ),
    );
  }
  return box;
}
