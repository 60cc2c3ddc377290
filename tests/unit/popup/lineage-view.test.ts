/** The popup's lineage in happy-dom: a page that copies /Film's wording and drops a "not", with the real pack and strings. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analysePage } from '../../../src/engine/analyse';
import { indexPack } from '../../../src/engine/match/pack-index';
import type { Pack } from '../../../src/engine/types';
import type { TabState } from '../../../src/shared/messages';
import { buildPackFromDir, loadCorpusDir } from '../../../src/node/corpus-dir';
import { FOLLOWER, FOLLOWER_TEXT } from '../../support/lineage-pages';
import { stubI18n } from '../shared/i18n-stub';
import { renderPopup } from './render-popup';

let pack: Pack;
let state: TabState;
let texts: Record<string, string>;
const URL_ = 'https://screendigest.example/moss';

beforeAll(async () => {
  pack = await buildPackFromDir('assets/corpus');
  texts = (await loadCorpusDir('assets/corpus')).texts;
  const analysis = analysePage(indexPack(pack), { url: URL_, title: `${FOLLOWER.title} | ${FOLLOWER.outlet}`, text: FOLLOWER_TEXT });
  state = { url: URL_, title: FOLLOWER.title, analysis, at: 1 };
});
beforeEach(() => {
  fakeBrowser.reset();
  stubI18n();
});

function render(): HTMLElement {
  return renderPopup({ url: URL_, state, pack, texts });
}

describe('popup lineage', () => {
  it('says whose wording the page follows', () => {
    const closest = render().querySelector('[data-testid="lineage-closest"]')!;
    expect(closest.getAttribute('data-lineage-document')).toBe('slashfilm');
    expect(closest.textContent).toMatch(/^This page's wording follows \/Film: (1 shared reading|\d+ shared readings), \d+ against\.$/);
  });

  it('draws each quote’s tree as an SVG list: the original first, every outlet once, the page marked, edges with parent attributes', () => {
    const root = render();
    const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-testid="quotes"] > li[data-verbatim-group]'));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const group = row.getAttribute('data-verbatim-group')!;
      const tree = row.querySelector(`[data-verbatim-lineage="${group}"]`)!;
      const svg = tree.querySelector('svg')!;
      expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
      expect(svg.getAttribute('role')).toBe('list');
      const items = Array.from(svg.querySelectorAll('[role="listitem"]'));
      expect(items[0]!.getAttribute('data-verbatim-root')).toBe('true');
      const edges = Array.from(svg.querySelectorAll('[data-lineage-parent]'));
      const docs = new Set(pack.groups.find((g) => g.id === group)?.variants.map((v) => v.document));
      expect(edges.map((e) => e.getAttribute('data-lineage-document')).sort()).toEqual([...docs, 'this-page'].sort());
      for (const e of edges) expect(e.getAttribute('data-lineage-parent')).toMatch(/^(original|unclear|nme|thenews|indiewire|slashfilm)$/);
      const page = svg.querySelector('[data-lineage-document="this-page"]')!;
      expect(page.getAttribute('data-own')).toBe('true');
      expect(page.getAttribute('aria-label')).toMatch(/^this page( follows|: where)/);
      expect(items.filter((i) => i.getAttribute('tabindex') === '0')).toHaveLength(1);
    }
    const followsFilm = root.querySelectorAll('[data-lineage-document="this-page"][data-lineage-parent="slashfilm"]');
    expect(followsFilm.length).toBeGreaterThan(2);
    expect(followsFilm[0]!.getAttribute('aria-label')).toBe('this page follows /Film');
  });

  it('lists the dropped "not" first in its row, with a chip on the row, and moves through the tree with the keyboard', () => {
    const root = render();
    const flag = root.querySelector('[data-verbatim-meaning="negation"][data-lineage-document="this-page"]')!;
    const row = flag.closest('li[data-verbatim-group]')!;
    expect(row.querySelector('[data-testid="chip-meaning"]')!.textContent).toBe('meaning changed');
    const region = row.querySelector('.comparison')!;
    expect(region.firstElementChild!.getAttribute('data-testid')).toBe('meaning');
    expect(flag.textContent).toBe('negation added or dropped — this page: not');
    const nodes = Array.from(row.querySelectorAll<SVGGElement>('[role="listitem"]'));
    nodes[0]!.focus();
    nodes[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(nodes[1]);
    expect(row.querySelector('[data-testid="lineage-detail"]')!.textContent).toContain(nodes[1]!.getAttribute('aria-label')!);
    expect(nodes[1]!.getAttribute('tabindex')).toBe('0');
    expect(nodes[0]!.getAttribute('tabindex')).toBe('-1');
  });
});

describe('popup lineage: who the page follows, when that cannot be told', () => {
  const base = {
    page: 'this-page',
    groups: new Map(),
    names: new Map([
      ['nme', 'NME'],
      ['indiewire', 'IndieWire'],
      ['slashfilm', '/Film'],
    ]),
    dates: new Map(),
  };

  it('names the articles that are equally near, and no document', async () => {
    const { closestView } = await import('../../../src/popup/view');
    const two = closestView({ ...base, closest: null, tied: ['nme', 'indiewire'] });
    expect(two.textContent).toBe("This page's wording is equally near NME and IndieWire: nothing in it tells them apart.");
    expect(two.hasAttribute('data-lineage-document')).toBe(false);
    const three = closestView({ ...base, closest: null, tied: ['nme', 'indiewire', 'slashfilm'] });
    expect(three.textContent).toContain('equally near NME, IndieWire and /Film:');
    expect(closestView({ ...base, closest: null, tied: [] }).textContent).toMatch(/independent transcription/);
  });
});
