/** The popup view rendered in happy-dom for unit tests: a model with test defaults, actions that record calls. */
import { vi } from 'vitest';
import { popupView, type PopupActions, type PopupModel } from '../../../src/popup/view';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

export function popupActions() {
  return {
    addDocument: vi.fn(),
    reveal: vi.fn<(group: string, index: number) => void>(),
    openOptions: vi.fn(),
    dismissNotice: vi.fn(),
    corpusChanged: vi.fn(),
    learningExplained: vi.fn(),
    analyseNow: vi.fn(),
    setHighlights: vi.fn(async () => undefined),
    setPaused: vi.fn(async () => undefined),
  } satisfies PopupActions;
}

/** Renders the popup for `model` (tab 7, default settings, nothing learned unless given) into the document body. */
export function renderPopup(
  model: Pick<PopupModel, 'url' | 'state' | 'pack'> & Partial<PopupModel>,
  act: PopupActions = popupActions(),
): HTMLElement {
  const root = popupView(
    {
      tabId: 7,
      counts: { learned: 0, added: 0, imported: 0 },
      corpusError: null,
      settings: DEFAULT_SETTINGS,
      notice: null,
      analysing: false,
      ...model,
    },
    act,
  );
  document.body.replaceChildren(root);
  return root;
}
