/**
 * The corpus in the options page: the bundled articles, the packs the reader imported (import, remove),
 * and export of everything as one pack to import on another browser. The corpus itself lives in the
 * background (src/background/corpus-service.ts); this page asks it and shows the answer.
 */
import type { Pack } from '../engine/types';
import { t } from '../shared/i18n';
import { send, type CorpusView, type PackSummary } from '../shared/messages';
import { h, onAsync, type Child } from '../ui/dom';
import { checkImport, type ImportRefusal } from './pack-file';
import type { UndoBar } from './undo';

/** What the last import or removal did, shown under the list. */
export type CorpusOutcome =
  | { kind: 'imported'; id: string; documents: number; skipped: number; groups: number }
  /** `reason`: one sentence in the reader's words; `errors`: the details, for whoever made the file. */
  | { kind: 'refused'; reason: string; errors: string[] }
  | { kind: 'removed'; id: string };

/** Reads a chosen file, checks it, and has the background import it; the corpus changes only on success. */
export async function importFile(file: File, taken: readonly string[]): Promise<CorpusOutcome> {
  const result = checkImport(await file.text(), file.size, taken);
  if (!result.ok) return { kind: 'refused', reason: refusalReason(result.refusal), errors: result.errors };
  const imported = await send({ type: 'import-pack', pack: result.pack }).catch(
    (error: unknown) => ({ ok: false, error: (error as Error).message }) as const,
  );
  // The background's refusals (the store full or unavailable, an id taken meanwhile) are already in words.
  if (!imported.ok) return { kind: 'refused', reason: imported.error, errors: [] };
  return {
    kind: 'imported',
    id: result.pack.id,
    documents: imported.documents,
    skipped: imported.skipped,
    groups: result.pack.groups.length,
  };
}

const MB = 1024 * 1024;

function refusalReason(refusal: ImportRefusal): string {
  switch (refusal.kind) {
    case 'too-large':
      return t('importTooLarge', (refusal.bytes / MB).toFixed(1), Math.round(refusal.limit / MB));
    case 'not-json':
      return t('importNotJson');
    case 'not-pack':
      return t('importNotPack');
    case 'invalid':
      return t('importInvalid');
    case 'taken':
      return t('importTaken', refusal.id);
  }
}

export function download(pack: Pack): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' }));
  const a = h('a', { href: url, download: `${pack.id}.verbatim-pack.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function corpusPanel(
  rerender: (outcome?: CorpusOutcome) => Promise<void>,
  undo: UndoBar,
  outcome?: CorpusOutcome,
): Promise<Child[]> {
  const [view, packs] = await Promise.all([send({ type: 'corpus' }), send({ type: 'packs' })]);
  const button = (label: string, name: string, testid: string, onClick: () => void) =>
    h('button', { type: 'button', class: 'button', 'aria-label': `${label}: ${name}`, 'data-testid': testid, onclick: onClick }, label);
  const bundled = view.pack.documents.filter((d) => d.origin === 'bundled').length;
  const input = h('input', { type: 'file', id: 'import-file', accept: '.json,application/json', 'data-testid': 'import-input' });
  onAsync(input, 'change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    await rerender(await importFile(file, [view.pack.id, ...packs.map((p) => p.id)]));
    document.getElementById('import-file')?.focus();
  });
  const exportAll = button(t('exportCorpus'), view.pack.topic.name, 'export-corpus', () => {
    void send({ type: 'export-pack' }).then(download);
  });
  return [
    h('h2', { id: 'corpus-heading' }, t('corpusOptionsHeading')),
    view.error && h('p', { class: 'import-result import-result--error', role: 'alert', 'data-testid': 'corpus-error' }, view.error),
    h(
      'ul',
      { class: 'packs', 'data-testid': 'corpus-list' },
      h(
        'li',
        { 'data-pack': view.pack.id, 'data-documents': bundled },
        h('span', {}, h('strong', {}, t('packBundled', view.pack.topic.name)), ' — ', t('packCounts', bundled, view.pack.groups.length)),
        h('span', { class: 'actions' }, exportAll),
      ),
      packs.map((p) => packRow(p, button, rerender, undo)),
    ),
    h(
      'div',
      { class: 'import' },
      h('label', { for: 'import-file' }, t('importLabel')),
      ' ',
      input,
      h('p', { class: 'hint' }, t('importHint')),
    ),
    outcomeView(outcome),
  ];
}

function packRow(
  p: PackSummary,
  button: (label: string, name: string, testid: string, onClick: () => void) => HTMLButtonElement,
  rerender: (outcome?: CorpusOutcome) => Promise<void>,
  undo: UndoBar,
): HTMLElement {
  return h(
    'li',
    { 'data-pack': p.id, 'data-documents': p.documents },
    h('span', {}, h('strong', {}, p.id), ' — ', t('packCounts', p.documents, p.groups)),
    h(
      'span',
      { class: 'actions' },
      button(t('packRemove'), p.id, `remove-${p.id}`, () => {
        void send({ type: 'remove-pack', id: p.id }).then(async (removed) => {
          await rerender({ kind: 'removed', id: p.id });
          undo.offer(p.id, removed, `[data-testid="remove-${p.id}"]`);
        });
      }),
    ),
  );
}

function outcomeView(outcome?: CorpusOutcome): HTMLElement {
  const box = h('div', { class: 'import-result', role: 'status', 'data-testid': 'import-result' });
  if (!outcome) return box;
  // A removal is announced by the undo bar, with its Undo button.
  if (outcome.kind === 'removed') return box;
  if (outcome.kind === 'imported') {
    box.dataset.ok = 'true';
    box.append(t('importOk', outcome.id, outcome.documents, outcome.groups));
    if (outcome.skipped > 0) box.append(' ', t('importSkipped', outcome.skipped));
  } else {
    box.dataset.ok = 'false';
    box.classList.add('import-result--error');
    box.append(h('p', {}, t('importRefused'), ' ', h('span', { 'data-testid': 'import-reason' }, outcome.reason)));
    if (outcome.errors.length)
      box.append(
        h(
          'details',
          { class: 'import-result__details' },
          h('summary', {}, t('importDetails')),
          h(
            'ul',
            {},
            outcome.errors.map((e) => h('li', {}, e)),
          ),
        ),
      );
  }
  return box;
}

export type { CorpusView };
